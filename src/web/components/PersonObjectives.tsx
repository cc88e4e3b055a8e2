import { Grid, Text } from '@mantine/core';
import type { Objective } from '../api/types.ts';
import { ObjectiveCard } from './ObjectiveCard.tsx';

/** One person's objectives as cards, two to a row on a wide screen (My OKRs, a person's OKRs). */
export function PersonObjectives({ objectives, none }: { objectives: Objective[]; none: string }) {
  if (objectives.length === 0) return <Text c="dimmed">{none}</Text>;
  return (
    <Grid>
      {objectives.map((objective) => (
        <Grid.Col key={objective.id} span={{ base: 12, md: 6 }}>
          <ObjectiveCard objective={objective} showOwner={false} />
        </Grid.Col>
      ))}
    </Grid>
  );
}
