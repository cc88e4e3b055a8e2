// The quarterly review's slides (core/review.ts reviewSlides): the title, one per
// objective, the unit's reflection, what was carried over, alignment health and the units.
import { Badge, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReflectionText, ReviewSlide as Slide } from '../../../core/review.ts';
import type { Review, ReviewObjective } from '../../api/types.ts';
import { useFormat } from '../../format.ts';
import { ReflectionRecord } from '../closing/ReflectionRecord.tsx';
import { ScoreBadge } from '../closing/ScoreBadge.tsx';
import classes from './review.module.css';

interface SlideProps {
  review: Review;
  headingId: string;
  /** The current slide's heading takes focus as the slide changes. */
  headingRef: Ref<HTMLHeadingElement> | undefined;
}

function SlideHeading({
  id,
  headingRef,
  children,
}: {
  id: string;
  headingRef: SlideProps['headingRef'];
  children: ReactNode;
}) {
  return (
    <Title order={2} id={id} ref={headingRef} tabIndex={-1}>
      {children}
    </Title>
  );
}

export function ReviewSlide({ slide, ...props }: SlideProps & { slide: Slide }) {
  switch (slide.kind) {
    case 'title':
      return <TitleSlide {...props} />;
    case 'objective': {
      const objective = props.review.objectives.find((o) => o.id === slide.objectiveId);
      return objective ? <ObjectiveSlide {...props} objective={objective} /> : null;
    }
    case 'reflection':
      return <UnitReflectionSlide {...props} />;
    case 'carried':
      return <CarriedSlide {...props} />;
    case 'health':
      return <HealthSlide {...props} />;
    case 'units':
      return <UnitsSlide {...props} />;
  }
}

function TitleSlide({ review, headingId, headingRef }: SlideProps) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const { summary, cycle } = review;
  return (
    <Stack gap="md">
      <SlideHeading id={headingId} headingRef={headingRef}>
        {t('title.heading', { cycle: cycle.name, scope: review.unit?.name ?? review.organization.name })}
      </SlideHeading>
      <Text size="lg">{t('title.dates', { start: format.date(cycle.startsOn), end: format.date(cycle.endsOn) })}</Text>
      <Text>{review.scoresFinal ? t('scores.final') : t('scores.soFar')}</Text>
      {summary.objectives === 0 ? (
        <Text c="dimmed">{t('title.noObjectives')}</Text>
      ) : (
        <List size="lg" spacing="xs" data-testid="review-summary">
          <List.Item>{t('title.objectives', { count: summary.objectives })}</List.Item>
          {summary.averageScore !== null && (
            <List.Item>{t('title.average', { score: format.number(summary.averageScore) })}</List.Item>
          )}
          <List.Item>{t('title.bands', summary.byBand)}</List.Item>
          {summary.done > 0 && <List.Item>{t('title.done', { count: summary.done })}</List.Item>}
          {summary.carriedOver > 0 && <List.Item>{t('title.carried', { count: summary.carriedOver })}</List.Item>}
        </List>
      )}
    </Stack>
  );
}

/** A reflection's three answers side by side, as a slide has the room for them. */
function Reflection({ text }: { text: ReflectionText | null }) {
  return text ? (
    <SimpleGrid cols={3} spacing="md">
      <ReflectionRecord reflection={text} />
    </SimpleGrid>
  ) : (
    <ReflectionRecord reflection={null} />
  );
}

function ObjectiveSlide({ review, objective, headingId, headingRef }: SlideProps & { objective: ReviewObjective }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  return (
    <Stack gap="sm">
      <SlideHeading id={headingId} headingRef={headingRef}>
        {objective.title}
      </SlideHeading>
      <Group gap="sm">
        <Text c="dimmed">{t('objective.owner', { name: objective.ownerName })}</Text>
        <Text fw={600}>{review.scoresFinal ? t('scoreLabel.final') : t('scoreLabel.soFar')}</Text>
        <ScoreBadge score={objective.score} />
        {objective.done && <Badge color="teal">{t('objective.done')}</Badge>}
        {objective.carriedTo.map((next) => (
          <Badge key={next.id} variant="outline">
            {t('objective.carriedTo', { cycle: next.cycleName })}
          </Badge>
        ))}
      </Group>
      <Title order={3} size="h4">
        {t('objective.keyResults')}
      </Title>
      {objective.keyResults.length === 0 ? (
        <Text c="dimmed">{t('objective.noKeyResults')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('objective.keyResult')}</Table.Th>
              <Table.Th>{t('objective.krOwner')}</Table.Th>
              <Table.Th>{t('objective.value')}</Table.Th>
              <Table.Th>{review.scoresFinal ? t('scoreLabel.final') : t('scoreLabel.soFar')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {objective.keyResults.map((kr) => (
              <Table.Tr key={kr.id}>
                <Table.Td>{kr.title}</Table.Td>
                <Table.Td>{kr.ownerName ?? t('objective.noOwner')}</Table.Td>
                <Table.Td>
                  {t('objective.valueOf', {
                    current: format.number(kr.current),
                    target: format.number(kr.target),
                    unit: kr.unit,
                  })}
                </Table.Td>
                <Table.Td className={classes.fit}>
                  <ScoreBadge score={kr.score} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={3} size="h4">
        {t('objective.reflection')}
      </Title>
      <Reflection text={objective.reflection} />
    </Stack>
  );
}

function UnitReflectionSlide({ review, headingId, headingRef }: SlideProps) {
  const { t } = useTranslation('review');
  return (
    <Stack gap="md">
      <SlideHeading id={headingId} headingRef={headingRef}>
        {t('unitReflection.heading')}
      </SlideHeading>
      {review.unitReflection ? (
        <Reflection text={review.unitReflection} />
      ) : (
        <Text c="dimmed">{t('unitReflection.none')}</Text>
      )}
    </Stack>
  );
}

function CarriedSlide({ review, headingId, headingRef }: SlideProps) {
  const { t } = useTranslation('review');
  const carried = review.objectives.filter((o) => o.carriedTo.length > 0);
  return (
    <Stack gap="md">
      <SlideHeading id={headingId} headingRef={headingRef}>
        {t('carried.heading')}
      </SlideHeading>
      <Text c="dimmed">{t('carried.intro')}</Text>
      {carried.length === 0 ? (
        <Text>{t('carried.none')}</Text>
      ) : (
        <List size="lg" spacing="xs">
          {carried.flatMap((objective) =>
            objective.carriedTo.map((next) => (
              <List.Item key={next.id}>
                {t('carried.item', { title: objective.title, cycle: next.cycleName })}
              </List.Item>
            )),
          )}
        </List>
      )}
    </Stack>
  );
}

/** A titled list of names, or a line saying there are none. */
function Names({ title, names, none }: { title: string; names: string[]; none: string }) {
  return (
    <Stack gap={4}>
      <Text fw={700}>{title}</Text>
      {names.length === 0 ? (
        <Text c="dimmed">{none}</Text>
      ) : (
        <List spacing={2}>
          {names.map((name, i) => (
            <List.Item key={i}>{name}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function HealthSlide({ review, headingId, headingRef }: SlideProps) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const { alignment } = review;
  const { unitObjectives, people } = alignment;
  return (
    <Stack gap="md">
      <SlideHeading id={headingId} headingRef={headingRef}>
        {t('health.heading')}
      </SlideHeading>
      <Text size="lg" data-testid="review-alignment">
        {unitObjectives.share === null
          ? t('health.noTeamObjectives')
          : t('health.supporting', {
              count: unitObjectives.supportingOrganization,
              total: unitObjectives.total,
              share: format.percent(unitObjectives.share),
            })}
      </Text>
      <Text size="lg">{t('health.people', { count: people.withIndividualObjectives, total: people.total })}</Text>
      <SimpleGrid cols={review.unit ? 1 : 3} spacing="md">
        {!review.unit && (
          <Names
            title={t('health.unsupported')}
            names={alignment.organizationObjectives.unsupported.map((o) => o.title)}
            none={t('health.allSupported')}
          />
        )}
        {!review.unit && (
          <Names
            title={t('health.unitsWithout')}
            names={alignment.units.withoutObjectives.map((u) => u.name)}
            none={t('health.none')}
          />
        )}
        <Names
          title={t('health.withoutKeyResults')}
          names={alignment.objectivesWithoutKeyResults.map((o) => o.title)}
          none={t('health.none')}
        />
      </SimpleGrid>
    </Stack>
  );
}

function UnitsSlide({ review, headingId, headingRef }: SlideProps) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const units = review.units ?? [];
  return (
    <Stack gap="md">
      <SlideHeading id={headingId} headingRef={headingRef}>
        {t('units.heading')}
      </SlideHeading>
      <Text c="dimmed">{t('units.intro')}</Text>
      {units.length === 0 ? (
        <Text>{t('units.none')}</Text>
      ) : (
        <Table data-testid="review-units">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('units.unit')}</Table.Th>
              <Table.Th>{t('units.objectives')}</Table.Th>
              <Table.Th>{t('units.average')}</Table.Th>
              <Table.Th>{t('units.alignment')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((unit) => (
              <Table.Tr key={unit.id}>
                <Table.Td>{unit.name}</Table.Td>
                <Table.Td>{format.number(unit.objectives)}</Table.Td>
                <Table.Td className={classes.fit}>
                  {unit.averageScore === null ? t('units.nothing') : <ScoreBadge score={unit.averageScore} />}
                </Table.Td>
                <Table.Td>
                  {unit.alignmentShare === null ? t('units.nothing') : format.percent(unit.alignmentShare)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
