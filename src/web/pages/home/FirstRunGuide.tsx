// A new organisation's first steps, on its home page for those who may take them: vision
// and strategy, units, the first organisation objectives, people. Each step is ticked
// from what the organisation holds, and the guide goes away when all are done or when
// dismissed (remembered in this browser). The home page loads it only while the
// organisation still lacks its vision, strategy or objectives, so it costs a mature one
// neither code nor a request.
import { Button, Card, CloseButton, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link.tsx';
import { api } from '../../api/client.ts';
import type { Cycle, Org, Page } from '../../api/types.ts';

const dismissedKey = (orgId: string) => `riktning.guide.dismissed.${orgId}`;

/** Whether anything of this list exists, read one or two rows at most. */
const useHasAtLeast = (path: string, count: number, enabled: boolean) =>
  useQuery({
    queryKey: ['guide', path],
    queryFn: ({ signal }) => api.get<Page<unknown>>(`${path}?limit=${count}`, signal),
    select: (page) => page.items.length >= count,
    enabled,
  });

interface Step {
  id: 'vision' | 'units' | 'objectives' | 'invite';
  done: boolean;
  to: string;
  /** Said instead of the step's text, with its own link, while something must come first. */
  first?: { text: string; action: string; to: string };
}

export default function FirstRunGuide({
  org,
  cycle,
  objectiveCount,
}: {
  org: Org;
  /** The cycle the organisation's first objectives go in (the year, if the quarter has one). */
  cycle: Cycle | undefined;
  objectiveCount: number;
}) {
  const { t } = useTranslation('home');
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(dismissedKey(org.id)) === '1');
  const admin = `/orgs/${org.id}/admin`;
  const visionDone = !!org.vision.trim() && !!org.strategy.trim();
  // The home page shows the guide to admins of an organisation that still looks new.
  const units = useHasAtLeast(`/orgs/${org.id}/units`, 1, !dismissed);
  // The one who started the organisation is its first member: the first invited person to accept makes two.
  const people = useHasAtLeast(`/orgs/${org.id}/members`, 2, !dismissed);
  if (dismissed || !units.isSuccess || !people.isSuccess) return null;

  const steps: Step[] = [
    { id: 'vision', done: visionDone, to: `${admin}/profile` },
    { id: 'units', done: units.data, to: `${admin}/units` },
    {
      id: 'objectives',
      done: objectiveCount > 0,
      to: `/orgs/${org.id}/objectives/new?level=organization${cycle ? `&cycle=${cycle.id}` : ''}`,
      ...(cycle
        ? {}
        : {
            first: {
              text: t('guide.objectives.needsCycle'),
              action: t('guide.objectives.cycleAction'),
              to: `${admin}/cycles`,
            },
          }),
    },
    { id: 'invite', done: people.data, to: `${admin}/members` },
  ];
  const done = steps.filter((step) => step.done).length;
  if (done === steps.length) return null;
  const dismiss = () => {
    localStorage.setItem(dismissedKey(org.id), '1');
    setDismissed(true);
  };

  return (
    <Card withBorder component="section" aria-labelledby="first-run-guide" data-testid="first-run-guide">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Title order={2} size="h3" id="first-run-guide">
            {t('guide.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('guide.intro')} {t('guide.progress', { done, total: steps.length })}
          </Text>
        </Stack>
        <CloseButton aria-label={t('guide.dismiss')} onClick={dismiss} />
      </Group>
      <List spacing="md" mt="md" listStyleType="none" center={false}>
        {steps.map((step) => (
          <List.Item
            key={step.id}
            data-testid={`guide-step-${step.id}`}
            data-done={step.done}
            icon={
              <ThemeIcon color={step.done ? 'teal' : 'gray'} variant="light" radius="xl" size="md">
                {step.done ? <IconCircleCheck size={18} aria-hidden /> : <IconCircleDashed size={18} aria-hidden />}
              </ThemeIcon>
            }
          >
            <Stack gap={4}>
              <Text fw={600}>
                {t(`guide.${step.id}.title`)}
                {step.done && <Text span c="teal" fw={400}>{` — ${t('guide.done')}`}</Text>}
              </Text>
              {!step.done && (
                <>
                  <Text size="sm">{step.first?.text ?? t(`guide.${step.id}.text`)}</Text>
                  <Group>
                    <Button component={Link} to={step.first?.to ?? step.to} size="xs" variant="light">
                      {step.first?.action ?? t(`guide.${step.id}.action`)}
                    </Button>
                  </Group>
                </>
              )}
            </Stack>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
