// The quarterly review of a cycle (docs/cycles.md, "The quarterly review"): for the
// organisation at /orgs/:orgId/review, for a unit at /orgs/:orgId/units/:unitId/review,
// following the cycle switcher (?cycle=). Slide by slide on a shared screen, moved through
// like the weekly meeting (components/slide-show.ts; the slide is kept in ?slide=), and
// printed with every slide on a landscape page of its own (review.module.css).
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPresentation, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { reviewSlides } from '../../../core/review.ts';
import { api } from '../../api/client.ts';
import type { Review } from '../../api/types.ts';
import { useSelectedCycle } from '../../app/cycle.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useSlideShow } from '../../components/slide-show.ts';
import stageClasses from '../../components/slide-show.module.css';
import { ReviewSlide } from './ReviewSlides.tsx';
import classes from './review.module.css';

export default function ReviewPage() {
  const { orgId = '', unitId } = useParams();
  const { t } = useTranslation('review');
  const { cycle, isLoading } = useSelectedCycle(orgId);
  const query = new URLSearchParams({ cycleId: cycle?.id ?? '', ...(unitId ? { unitId } : {}) });
  const review = useQuery({
    queryKey: ['objectives', 'review', orgId, unitId ?? null, cycle?.id],
    queryFn: ({ signal }) => api.get<Review>(`/orgs/${orgId}/review?${query.toString()}`, signal),
    enabled: !!cycle,
  });
  if (!cycle && !isLoading) return <Text c="dimmed">{t('noCycle')}</Text>;
  return (
    <QueryState query={review} page>
      {(data) => <Slides orgId={orgId} review={data} />}
    </QueryState>
  );
}

function Slides({ orgId, review }: { orgId: string; review: Review }) {
  const { t } = useTranslation('review');
  const slides = reviewSlides(review);
  const { index, go, stage, heading, presenting, togglePresenting } = useSlideShow(slides.length, 'slide');
  const scope = review.unit?.name ?? review.organization.name;
  const cycleQuery = `?cycle=${encodeURIComponent(review.cycle.id)}`;
  const back = review.unit
    ? `/orgs/${orgId}/units/${review.unit.id}${cycleQuery}`
    : `/orgs/${orgId}/dashboard${cycleQuery}`;

  return (
    <Stack gap="lg" className={classes.review}>
      <Stack gap="sm" className={classes.chrome}>
        <Anchor component={Link} to={back} size="sm">
          <IconArrowLeft size={14} aria-hidden /> {t('back', { scope })}
        </Anchor>
        <Group justify="space-between" align="center">
          <Title order={1}>{t('heading', { scope })}</Title>
          <Group gap="xs">
            <Button variant="light" leftSection={<IconPresentation size={16} aria-hidden />} onClick={togglePresenting}>
              {presenting ? t('leavePresent') : t('present')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} aria-hidden />}
              onClick={() => window.print()}
            >
              {t('print')}
            </Button>
          </Group>
        </Group>
        <Text c="dimmed">{t('intro')}</Text>
        <Text fw={600} data-testid="review-scores">
          {review.scoresFinal ? t('scores.final') : t('scores.soFar')}
        </Text>
      </Stack>

      <div ref={stage} className={stageClasses.stage} data-presenting={presenting}>
        <Stack gap="md">
          <Group justify="space-between" className={classes.chrome} component="nav" aria-label={t('slides')}>
            <Button variant="default" onClick={() => go(index - 1)} disabled={index === 0}>
              {t('previous')}
            </Button>
            <Text aria-live="polite" data-testid="review-position">
              {t('position', { current: index + 1, total: slides.length })}
            </Text>
            <Button onClick={() => go(index + 1)} disabled={index === slides.length - 1}>
              {t('next')}
            </Button>
          </Group>
          {/* Every slide is in the page: the screen shows the current one, print all of them. */}
          <div className={classes.deck}>
            {slides.map((slide, i) => (
              <section
                key={slide.kind === 'objective' ? slide.objectiveId : slide.kind}
                className={classes.slide}
                data-current={i === index}
                data-testid="review-slide"
                aria-labelledby={`review-slide-${i}`}
              >
                <ReviewSlide
                  slide={slide}
                  review={review}
                  headingId={`review-slide-${i}`}
                  headingRef={i === index ? heading : undefined}
                />
              </section>
            ))}
          </div>
          <Text size="xs" c="dimmed" className={classes.chrome}>
            {t('keys')}
          </Text>
        </Stack>
      </div>
    </Stack>
  );
}
