// Pieces of advice: severity as a badge with text, what is wrong, and the why and what to
// do behind disclosure widgets (native <details>, so keyboard and screen readers just work).
import { Anchor, Badge, Box, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import type { Advice } from '../../api/types.ts';
import { groupAdvice } from './group-advice.ts';

export function SeverityBadge({ severity }: { severity: Advice['severity'] }) {
  const { t } = useTranslation('coach');
  return (
    <Badge color={severity === 'warning' ? 'orange' : 'blue'} variant="light" style={{ flexShrink: 0 }}>
      {t(`severity.${severity}`)}
    </Badge>
  );
}

/** Where a piece of advice points: its objective, else its unit or the organisation. */
function useAdviceLink() {
  const { orgId = '' } = useParams();
  const [params] = useSearchParams();
  const cycle = params.get('cycle');
  const withCycle = (path: string) => (cycle ? `${path}?cycle=${encodeURIComponent(cycle)}` : path);
  return (advice: Advice): string | null => {
    if (advice.objectiveId && advice.objectiveId !== 'draft')
      return withCycle(`/orgs/${orgId}/objectives/${advice.objectiveId}`);
    if (advice.target.type === 'unit') return withCycle(`/orgs/${orgId}/units/${advice.target.id}`);
    if (advice.target.type === 'organization') return withCycle(`/orgs/${orgId}`);
    return null;
  };
}

/** What a piece of advice may offer besides its text (the objective form: a good example). */
export type AdviceAction = (advice: Advice) => ReactNode;

/** One piece of advice, about one owner or (grouped) several. */
export function AdviceItem({
  group,
  showTarget = true,
  action,
}: {
  group: Advice[];
  showTarget?: boolean;
  action?: AdviceAction;
}) {
  const { t } = useTranslation('coach');
  const linkOf = useAdviceLink();
  const [advice] = group as [Advice, ...Advice[]];
  const named = showTarget ? group.filter((a) => a.target.name.trim()) : [];
  return (
    <Box component="li" data-testid="advice" data-rule={advice.ruleId} py="xs">
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <SeverityBadge severity={advice.severity} />
          <Text fw={600} size="sm">
            {advice.title}
          </Text>
        </Group>
        {/* A draft's owner may have no name yet: then there is nothing to say it is about. */}
        {named.length > 0 && (
          <Text size="sm" c="dimmed" data-testid="advice-about">
            {t('aboutLabel', { count: named.length })}{' '}
            {named.map((a, i) => {
              const link = linkOf(a);
              return (
                <span key={`${a.target.type}:${a.target.id}`}>
                  {i > 0 && ', '}
                  {link ? (
                    <Anchor component={Link} to={link} size="sm">
                      {a.target.name}
                    </Anchor>
                  ) : (
                    a.target.name
                  )}
                </span>
              );
            })}
          </Text>
        )}
        {action?.(advice)}
        <details>
          <summary style={{ cursor: 'pointer' }}>
            <Text component="span" size="sm">
              {t('why')}
            </Text>
          </summary>
          <Text size="sm" mt={4}>
            {advice.why}
          </Text>
        </details>
        <details>
          <summary style={{ cursor: 'pointer' }}>
            <Text component="span" size="sm">
              {t('todo')}
            </Text>
          </summary>
          <Text size="sm" mt={4}>
            {advice.todo}
          </Text>
        </details>
      </Stack>
    </Box>
  );
}

export function AdviceList({
  items,
  showTarget = true,
  action,
}: {
  items: Advice[];
  showTarget?: boolean;
  action?: AdviceAction;
}) {
  return (
    <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
      {groupAdvice(items).map((group, i) => (
        <AdviceItem
          key={`${group[0]?.ruleId}/${group[0]?.target.id}/${i}`}
          group={group}
          showTarget={showTarget}
          action={action}
        />
      ))}
    </Stack>
  );
}
