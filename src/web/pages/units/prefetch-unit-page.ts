// The unit page asks for everything it shows while it renders, not part after part.
import { useQueryClient } from '@tanstack/react-query';
import { objectivesQuery, prefetchUnlessKnown, unitQuery } from '../../api/queries.ts';
import { useSelectedCycle } from '../../app/cycle.ts';
import { unitReflectionQuery } from '../closing/queries.ts';
import { alignmentHealthQuery, coachAdviceQuery, unitCoachFilters } from '../coach/queries.ts';
import { feedQuery } from '../conversation/queries.ts';
import { dashboardSummaryQuery } from '../dashboard/queries.ts';

/**
 * The unit at once, and as soon as the selected cycle is known its objectives, reflection,
 * net confidence, alignment health, coach corner and feed: these go out in one batch
 * (read-batch.ts). Left to the parts of the page that show them, they went one round trip
 * after another: the unit, then its objectives once the unit had come, then the panels'
 * reads once their code (chunks of their own) had come. The keys are the panels' own, so
 * each panel finds its answer in the cache.
 */
export function usePrefetchUnitPage(orgId: string, unitId: string): void {
  const client = useQueryClient();
  const { cycle } = useSelectedCycle(orgId);
  prefetchUnlessKnown(client, unitQuery(unitId));
  if (!cycle) return;
  prefetchUnlessKnown(client, objectivesQuery(orgId, { cycleId: cycle.id, level: 'unit', unitId }));
  prefetchUnlessKnown(client, unitReflectionQuery(unitId, cycle.id));
  prefetchUnlessKnown(client, dashboardSummaryQuery(orgId, cycle.id, unitId));
  prefetchUnlessKnown(client, alignmentHealthQuery(orgId, cycle.id, unitId));
  prefetchUnlessKnown(client, coachAdviceQuery(orgId, unitCoachFilters(cycle.id, unitId)));
  const feed = feedQuery(orgId, { unitId });
  if (!client.getQueryState(feed.queryKey)) void client.prefetchInfiniteQuery(feed);
}
