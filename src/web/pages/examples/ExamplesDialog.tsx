// The example library in a dialog: choose a function, read its examples, and (in the
// objective form) start from one. Opened from the coach's advice, it opens at the good
// example the coach found for the draft, and says why. Loaded when first opened.
import { Alert, Button, Card, Center, List, Modal, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExampleFunction } from '../../../core/examples/model.ts';
import type { Example } from '../../api/types.ts';
import { useFormat } from '../../format.ts';
import type { ExampleFocus } from './focus.ts';
import { useExamples } from './queries.ts';
import { Spinner } from '../../components/Spinner.tsx';

export default function ExamplesDialog({
  focus,
  onUse,
  onClose,
}: {
  focus?: ExampleFocus;
  /** Fills the form with the example; without it the examples are only to read. */
  onUse?: (example: Example) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation(['objective', 'common']);
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const library = useExamples(lang);
  const [chosen, setChosen] = useState<ExampleFunction | null>(null);
  const items = library.data?.items ?? [];
  const focused = items.find((example) => example.id === focus?.id);
  const shown = chosen ?? focused?.function ?? library.data?.functions[0]?.id;
  // The example the coach found comes first in its function.
  const examples = items
    .filter((example) => example.function === shown)
    .sort((a, b) => Number(b.id === focused?.id) - Number(a.id === focused?.id));

  return (
    <Modal opened onClose={onClose} title={t('examples.title')} size="xl">
      <Stack gap="md">
        <Text size="sm">{t('examples.intro')}</Text>
        {library.isError ? (
          <Alert color="red" role="alert">
            {t('examples.failed')}
          </Alert>
        ) : !library.data ? (
          <Center py="lg">
            <Spinner label={t('common:loading')} />
          </Center>
        ) : (
          <>
            <NativeSelect
              label={t('examples.function')}
              value={shown}
              onChange={(event) => setChosen(event.currentTarget.value as ExampleFunction)}
              data={library.data.functions.map((fn) => ({ value: fn.id, label: fn.name }))}
            />
            {onUse && (
              <Text size="sm" c="dimmed">
                {t('examples.useHint')}
              </Text>
            )}
            {examples.map((example) => (
              <ExampleCard
                key={example.id}
                example={example}
                focus={example.id === focused?.id ? focus : undefined}
                onUse={onUse}
              />
            ))}
          </>
        )}
      </Stack>
    </Modal>
  );
}

function ExampleCard({
  example,
  focus,
  onUse,
}: {
  example: Example;
  focus: ExampleFocus | undefined;
  onUse: ((example: Example) => void) | undefined;
}) {
  const { t } = useTranslation(['objective', 'common']);
  const format = useFormat();
  const headingId = `example-${example.id}`;
  // "“customer”, “events” and “attendees”", as the reader's language lists words.
  const words = new Intl.ListFormat(format.locale, { type: 'conjunction' }).format(
    (focus?.words ?? []).map((word) => t('examples.quoted', { word })),
  );
  return (
    <Card withBorder component="article" aria-labelledby={headingId} data-testid="example">
      <Stack gap="xs">
        {focus && (
          <Alert color="teal" variant="light" data-testid="example-match">
            {focus.words.length ? t('examples.matched', { words }) : t('examples.matchedDevelopment')}
          </Alert>
        )}
        <Title order={3} size="h4" id={headingId}>
          {example.title}
        </Title>
        <Text size="sm" c="dimmed">
          {example.description}
        </Text>
        <Text size="sm" fw={600}>
          {t('examples.keyResults')}
        </Text>
        <List size="sm" spacing={4}>
          {example.keyResults.map((kr) => (
            <List.Item key={kr.title}>{kr.title}</List.Item>
          ))}
        </List>
        {onUse && (
          <div>
            <Button variant="light" onClick={() => onUse(example)} aria-describedby={headingId}>
              {t('examples.use')}
            </Button>
          </div>
        )}
      </Stack>
    </Card>
  );
}
