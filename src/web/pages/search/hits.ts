// The search answer as the dialog's listbox shows it: groups in a fixed order, each hit an
// option with the page it opens. One list of options, so the arrow keys walk across groups.
import type { SearchHits } from '../../api/types.ts';

export type HitKind = 'objectives' | 'keyResults' | 'units' | 'people';
export const HIT_KINDS: readonly HitKind[] = ['objectives', 'keyResults', 'units', 'people'];

export interface HitOption {
  /** Unique in the list (a key result and its objective have different ids, kinds apart). */
  key: string;
  kind: HitKind;
  label: string;
  /** What tells two hits of the same name apart: the owner and cycle, the objective, … */
  detail: string;
  path: string;
}

export interface HitGroup {
  kind: HitKind;
  options: HitOption[];
}

/** `detail` texts that need words in the reader's language. */
export interface HitWords {
  objective: (hit: SearchHits['objectives'][number]) => string;
  keyResult: (hit: SearchHits['keyResults'][number]) => string;
  unit: (hit: SearchHits['units'][number]) => string;
}

/**
 * The groups that have hits, with each hit's page: an objective's, a key result on its
 * objective's page (scrolled to it), a unit's, a person's OKRs (one's own: My OKRs).
 */
export function hitGroups(orgId: string, meId: string | undefined, hits: SearchHits, words: HitWords): HitGroup[] {
  const base = `/orgs/${orgId}`;
  const groups: Record<HitKind, HitOption[]> = {
    objectives: hits.objectives.map((hit) => ({
      key: `objective:${hit.id}`,
      kind: 'objectives',
      label: hit.title,
      detail: words.objective(hit),
      path: `${base}/objectives/${hit.id}`,
    })),
    keyResults: hits.keyResults.map((hit) => ({
      key: `keyResult:${hit.id}`,
      kind: 'keyResults',
      label: hit.title,
      detail: words.keyResult(hit),
      path: `${base}/objectives/${hit.objectiveId}#kr-${hit.id}`,
    })),
    units: hits.units.map((hit) => ({
      key: `unit:${hit.id}`,
      kind: 'units',
      label: hit.name,
      detail: words.unit(hit),
      path: `${base}/units/${hit.id}`,
    })),
    people: hits.people.map((hit) => ({
      key: `person:${hit.accountId}`,
      kind: 'people',
      label: hit.name,
      detail: hit.email,
      path: hit.accountId === meId ? `${base}/me` : `${base}/people/${hit.accountId}`,
    })),
  };
  return HIT_KINDS.map((kind) => ({ kind, options: groups[kind] })).filter((group) => group.options.length > 0);
}
