// The weekly check-in meeting of a unit, run from one page on a shared screen: the agenda
// (the team's key results, then each person), one section at a time, moved through with
// the keyboard (→/N next, ←/P previous, F the screen view; components/slide-show.ts) or the
// buttons. The section is in the address (?section=), so a reload or a shared link keeps
// the place.
import { Anchor, Badge, Box, Button, Grid, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { api } from '../../api/client.ts';
import type { WeeklyMeeting } from '../../api/types.ts';
import { useSelectedCycle } from '../../app/cycle.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useSlideShow } from '../../components/slide-show.ts';
import { useFormat } from '../../format.ts';
import { MeetingKeyResultCard } from './MeetingKeyResultCard.tsx';
import { SectionFigures } from './SectionFigures.tsx';
import classes from '../../components/slide-show.module.css';

export default function WeeklyMeetingPage() {
  const { orgId = '', unitId = '' } = useParams();
  const { cycle } = useSelectedCycle(orgId);
  const meeting = useQuery({
    queryKey: ['objectives', 'meeting', unitId, cycle?.id],
    queryFn: ({ signal }) =>
      api.get<WeeklyMeeting>(`/units/${unitId}/weekly-meeting?cycleId=${cycle?.id ?? ''}`, signal),
    enabled: !!cycle,
  });
  return (
    <QueryState query={meeting} page>
      {(data) => <Meeting orgId={orgId} meeting={data} />}
    </QueryState>
  );
}

function Meeting({ orgId, meeting }: { orgId: string; meeting: WeeklyMeeting }) {
  const { t } = useTranslation(['meeting', 'common']);
  const format = useFormat();
  const total = meeting.sections.length;
  const { index, go, stage, heading, presenting, togglePresenting } = useSlideShow(total, 'section');
  const section = meeting.sections[index];

  if (!section) return null;
  const sectionName = section.kind === 'team' ? t('team') : section.name;
  return (
    <Stack gap="lg">
      <Box>
        <Anchor component={Link} to={`/orgs/${orgId}/units/${meeting.unit.id}`} size="sm">
          {meeting.unit.name}
        </Anchor>
        <Text span size="sm" c="dimmed">
          {' '}
          · {meeting.cycle.name}
        </Text>
      </Box>
      <Group justify="space-between" align="center">
        <Title order={1}>{t('heading', { unit: meeting.unit.name })}</Title>
        <Button variant="light" onClick={togglePresenting}>
          {presenting ? t('leavePresent') : t('present')}
        </Button>
      </Group>
      <Text c="dimmed">{t('intro', { date: format.date(meeting.since) })}</Text>

      <div ref={stage} className={classes.stage} data-presenting={presenting}>
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Stack gap={4} component="nav" aria-label={t('agenda')}>
              <Text fw={700} size="sm" tt="uppercase" c="dimmed">
                {t('agenda')}
              </Text>
              {meeting.sections.map((s, i) => (
                <NavLink
                  key={s.personId ?? 'team'}
                  component="button"
                  type="button"
                  active={i === index}
                  aria-current={i === index ? 'step' : undefined}
                  onClick={() => go(i)}
                  label={s.kind === 'team' ? t('team') : s.lead ? `${s.name} (${t('lead')})` : s.name}
                  description={<SectionFigures figures={s.figures} compact />}
                />
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <Stack gap="md" component="section" aria-labelledby="meeting-section">
              <Group justify="space-between" align="center" wrap="wrap">
                <Title order={2} id="meeting-section" ref={heading} tabIndex={-1}>
                  {sectionName}
                  {section.lead && (
                    <Badge ml="sm" variant="light" style={{ verticalAlign: 'middle' }}>
                      {t('lead')}
                    </Badge>
                  )}
                </Title>
                <Group gap="xs">
                  <Button variant="default" onClick={() => go(index - 1)} disabled={index === 0}>
                    {t('previous')}
                  </Button>
                  <Text aria-live="polite" data-testid="meeting-position">
                    {t('position', { current: index + 1, total })}
                  </Text>
                  <Button onClick={() => go(index + 1)} disabled={index === total - 1}>
                    {t('next')}
                  </Button>
                </Group>
              </Group>
              <SectionFigures figures={section.figures} />
              {section.keyResults.length === 0 ? (
                <Text c="dimmed">{t('noKeyResults')}</Text>
              ) : (
                section.keyResults.map((kr) => <MeetingKeyResultCard key={kr.id} keyResult={kr} />)
              )}
              <Text size="xs" c="dimmed">
                {t('keys')}
              </Text>
            </Stack>
          </Grid.Col>
        </Grid>
      </div>
    </Stack>
  );
}
