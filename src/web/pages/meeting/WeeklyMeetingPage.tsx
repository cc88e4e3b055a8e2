// The weekly check-in meeting of a unit, run from one page on a shared screen: the agenda
// (the team's key results, then each person), one section at a time, moved through with
// the keyboard (→/N next, ←/P previous, F the screen view) or the buttons. The section is
// in the address (?section=), so a reload or a shared link keeps the place.
import { Anchor, Badge, Box, Button, Grid, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { api } from '../../api/client.ts';
import type { WeeklyMeeting } from '../../api/types.ts';
import { useSelectedCycle } from '../../app/cycle.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../format.ts';
import { MeetingKeyResultCard } from './MeetingKeyResultCard.tsx';
import { SectionFigures } from './SectionFigures.tsx';
import classes from './meeting.module.css';

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

/** Keys typed into a field are the field's, not the meeting's. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

function Meeting({ orgId, meeting }: { orgId: string; meeting: WeeklyMeeting }) {
  const { t } = useTranslation(['meeting', 'common']);
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const total = meeting.sections.length;
  const index = Math.min(Math.max(Number(params.get('section') ?? 0) || 0, 0), total - 1);
  const section = meeting.sections[index];
  const stage = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [presenting, setPresenting] = useState(false);

  const go = (next: number) => {
    if (next < 0 || next >= total || next === index) return;
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('section', String(next));
        return updated;
      },
      { replace: true },
    );
  };
  // The new section's heading takes focus, so a screen reader says where the meeting is.
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [index]);

  const togglePresenting = () => {
    const element = stage.current;
    if (!presenting && element?.requestFullscreen) void element.requestFullscreen().catch(() => undefined);
    if (presenting && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    setPresenting(!presenting);
  };
  useEffect(() => {
    // Leaving full screen with the browser's own Escape leaves the screen view too.
    const left = () => {
      if (!document.fullscreenElement) setPresenting(false);
    };
    document.addEventListener('fullscreenchange', left);
    return () => document.removeEventListener('fullscreenchange', left);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'arrowright' || key === 'n' || key === 'pagedown') go(index + 1);
      else if (key === 'arrowleft' || key === 'p' || key === 'pageup') go(index - 1);
      else if (key === 'f') togglePresenting();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

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
