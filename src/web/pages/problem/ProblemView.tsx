// A page that could not be shown, said plainly and with a way on: what is missing (or not
// the reader's to see) and links back and home, in the reader's language. Used for a page
// whose main resource failed to load and for an address the app does not know. Loaded only
// when shown, with its texts (QueryState; the first pages do not carry it).
import { Anchor, Box, Button, Group, rem, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';

export type ProblemKind = 'notFound' | 'forbidden' | 'failed' | 'unknownAddress';

/**
 * What a failed load means to a reader: a missing thing, a malformed id in the address
 * (which names nothing, so is missing too), no access, or a failure to try again.
 */
function problemKind(error: unknown): ProblemKind {
  if (!(error instanceof ApiError)) return 'failed';
  if (error.status === 404) return 'notFound';
  if (error.status === 403) return 'forbidden';
  const fields = error.problem.errors ?? [];
  if (
    (error.status === 400 || error.status === 422) &&
    fields.length > 0 &&
    fields.every((e) => e.field.startsWith('/params/'))
  )
    return 'notFound';
  return 'failed';
}

export interface ProblemViewProps {
  /** What went wrong: an error to read it from, or the kind itself. */
  problem: ProblemKind | { error: unknown };
  onRetry?: () => void;
}

export default function ProblemView({ problem, onRetry }: ProblemViewProps) {
  const { t } = useTranslation(['problem', 'common']);
  const kind = typeof problem === 'string' ? problem : problemKind(problem.error);
  const navigate = useNavigate();
  const { orgId } = useParams();
  const home = orgId ? `/orgs/${orgId}` : '/';
  return (
    <Box maw={rem(640)} py="xl" data-testid="problem" data-kind={kind}>
      <Stack gap="md">
        <Title order={1}>{t(`${kind}.title`)}</Title>
        <Text>{t(`${kind}.text`)}</Text>
        <Group gap="sm">
          {kind === 'failed' && onRetry && <Button onClick={onRetry}>{t('common:error.retry')}</Button>}
          <Button variant="light" onClick={() => void navigate(-1)}>
            {t('back')}
          </Button>
          <Anchor component={Link} to={home}>
            {t('home')}
          </Anchor>
        </Group>
      </Stack>
    </Box>
  );
}
