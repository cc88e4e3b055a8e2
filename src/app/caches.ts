// Answers every request needs and that rarely change — who is calling, their role in an
// organisation and the units they lead, which organisation a resource belongs to — kept
// in the process for a few seconds instead of asked of the database each time.
//
// Safety: a write in this process that changes an answer clears that cache after its
// transaction (`forget…`), and a load that began before the clearing is not stored. Other
// server processes on the same database see such a change within CACHE_SECONDS, the
// longest a signed-out session or a lowered role may still be honoured there.
import type { Locale, OrgRole } from '../core/domain.ts';
import type { Cadences } from './check-ins/cadences.ts';
import type { ServiceGrant } from './context.ts';
import type { organizations } from '../db/schema.ts';
import type { CycleRow } from './cycles/cycle-view.ts';
import type { UnitScope } from './units/unit-tree.ts';
import type { MeView } from './me/get-me.ts';
import { FiguresCache } from './figures-cache.ts';
import type { ThemeView } from './themes/theme-view.ts';
import type { CoachReview } from './coach/coach-review.ts';
import type { DashboardSummaryView } from './dashboard/get-dashboard-summary.ts';
import type { AlignmentHealthView } from './health/alignment-health.ts';
import type { WriteMark } from './write-mark.ts';

export const CACHE_SECONDS = 5;

/**
 * A map whose entries live `ttlMs` at most, holding `maxEntries` at most (oldest go first).
 * Requests that miss the same entry at once share one load: a page's batch asks for its
 * parts side by side, each wanting the caller's role, and would otherwise each load it.
 * `keeps` may turn away values too large to hold: they are answered, not stored. With a
 * `budget`, the entries' weights (their bytes, say) stay within it too.
 */
export class ShortLivedCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number; weight: number }>();
  private readonly loading = new Map<string, { generation: number; value: Promise<V | null> }>();
  private generation = 0;
  private weight = 0;
  private readonly counts = { kept: 0, loaded: 0 };

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 20_000,
    private readonly keeps: (value: V) => boolean = () => true,
    private readonly budget?: { weigh: (value: V) => number; max: number },
  ) {}

  /**
   * The cached answer, or `load`'s (stored unless it is null, turned away, or the cache was
   * cleared meanwhile). A kept answer that `isFresh` turns down is loaded again.
   */
  async get(key: string, load: () => Promise<V | null>, isFresh?: (value: V) => boolean): Promise<V | null> {
    const now = performance.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now && (!isFresh || isFresh(hit.value))) {
      this.counts.kept++;
      return hit.value;
    }
    if (hit) this.forget(key);
    // A load begun before a clearing is not shared either: it may predate the write.
    const pending = this.loading.get(key);
    if (pending && pending.generation === this.generation) return pending.value;
    this.counts.loaded++;
    const generation = this.generation;
    const loaded = { generation, value: load() };
    this.loading.set(key, loaded);
    try {
      const value = await loaded.value;
      if (value !== null && generation === this.generation && this.keeps(value)) this.store(key, value, now);
      return value;
    } finally {
      if (this.loading.get(key) === loaded) this.loading.delete(key);
    }
  }

  /** How many answers were found kept, and how many were loaded (a load shared by several counts once). */
  served(): { kept: number; loaded: number } {
    return { ...this.counts };
  }

  clear(): void {
    this.entries.clear();
    this.loading.clear();
    this.weight = 0;
    this.generation++;
  }

  private store(key: string, value: V, now: number): void {
    this.forget(key);
    const weight = this.budget?.weigh(value) ?? 0;
    const max = this.budget?.max ?? Number.POSITIVE_INFINITY;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size < this.maxEntries && this.weight + weight <= max) break;
      this.forget(oldest);
    }
    this.entries.set(key, { value, expires: now + this.ttlMs, weight });
    this.weight += weight;
  }

  private forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.weight -= entry.weight;
  }
}

/** A signed-in caller as its session or token says, until `expiresAt` (ms) when it has an end. */
export interface CachedCaller {
  accountId: string;
  service: ServiceGrant | null;
  locale: Locale;
  csrfToken: string | null;
  expiresAt: number | null;
  /** From this time (ms) on, asked of the database again: a session's use is then due to be recorded. */
  recheckAt?: number;
}

/** What an organisation membership grants: the role and the units led (with those beneath). */
export interface MembershipGrant {
  role: OrgRole;
  led: string[];
  /** For a service account: the unit it is limited to and those beneath it, or null. */
  limitedTo?: string[] | null;
}

type OrganizationRow = typeof organizations.$inferSelect;

export interface AppCaches {
  /** Session and API-token hashes → the authenticated caller. */
  callers: ShortLivedCache<CachedCaller>;
  /** Account id → the account and its organisations, which every page load asks for (me/get-me.ts). */
  me: ShortLivedCache<MeView>;
  /** `${accountId}:${orgId}` → role and led units. */
  actors: ShortLivedCache<MembershipGrant>;
  /** `${orgId}:${unitId}:${subunits}` → the unit, the units beneath it and their people (units/unit-tree.ts). */
  unitScopes: ShortLivedCache<UnitScope>;
  /** `${entity}:${id}` → the organisation it belongs to (never changes, so kept longer). */
  owners: ShortLivedCache<string>;
  /** Organisation id → its row (profile and settings), which every page shows (orgs/get-org.ts). */
  orgs: ShortLivedCache<OrganizationRow>;
  /** Organisation id → its strategy themes, shown with the organisation (themes/theme-view.ts). */
  themes: ShortLivedCache<ThemeView[]>;
  /** Organisation id → its cycles, which nearly every page reads (cycles/org-cycles.ts). */
  cycles: ShortLivedCache<CycleRow[]>;
  /** Organisation id → its check-in cadences, resolved down the unit tree (check-ins/cadences.ts). */
  cadences: ShortLivedCache<Cadences>;
  /** `${orgId}:${accountId}:${kind}` → whether the reader reads objectives the public may not (objectives/reader-audience.ts). */
  audiences: ShortLivedCache<boolean>;
  /** A cycle's (or a unit's) advice per audience, before it is filtered and worded (coach/coach-review.ts). */
  coach: ShortLivedCache<CoachReview>;
  /** A cycle's (or a unit's) status counts per audience (dashboard/get-dashboard-summary.ts, kept-answers.ts). */
  summaries: ShortLivedCache<DashboardSummaryView>;
  /** A cycle's (or a unit's) alignment health per audience (health/alignment-health.ts, kept-answers.ts). */
  health: ShortLivedCache<AlignmentHealthView>;
  /** A read's answer as sent, until the next write anywhere (server/kept-reads.ts). */
  reads: ShortLivedCache<KeptAnswerBytes>;
  /** Slow whole-organisation figures, reused for a bounded time (figures-cache.ts). */
  figures: FiguresCache;
  /** Organisation id → the events its webhooks want, so a write with none to tell costs nothing (webhooks/emit.ts). */
  webhookEvents: ShortLivedCache<string[]>;
  /** Organisation id → whether a chat channel of it wants each check-in (chat/post-check-ins.ts). */
  chatCheckIns: ShortLivedCache<boolean>;
}

/** An answer's body as it was sent, and when (the app's clock, ms) it was worked out. */
export interface KeptAnswerBytes {
  body: Buffer;
  /** `br`, `gzip` or `identity`. */
  encoding: string;
  workedOutAt: number;
}

/**
 * How long a read's answer is kept at most: the clock moves what it shows (how far into the
 * cycle an objective should be), and it bounds a write that reached the database otherwise
 * than through a server (write-mark.ts).
 */
export const KEPT_READ_SECONDS = 60;
/**
 * The largest body kept, and the bodies' bytes kept at once: a page of 200 objectives is
 * some 650 KB as JSON and about a tenth of that compressed; a larger body (a client that
 * takes no compression) is answered, not kept. A person's page's reads are some tens of
 * kilobytes, so the budget holds a few thousand people's, or a few whole maps.
 */
export const KEPT_READ_BYTES = 256 * 1024;
const KEPT_READS_BUDGET = 64 * 1024 * 1024;

/**
 * Coach reviews kept at once, and the most objectives one may hold to be kept: a team's
 * holds some tens (about 80 KB), so this is some tens of megabytes, at most about 150.
 * The organisation-wide review is worked out on each request, as before.
 */
const KEPT_REVIEWS = 500;
const KEPT_REVIEW_OBJECTIVES = 250;
/** Alignment health answers kept at once: a unit's is a few kilobytes, the organisation's lists may be longer. */
const KEPT_HEALTH = 2_000;

export function createAppCaches(): AppCaches {
  return {
    callers: new ShortLivedCache(CACHE_SECONDS * 1000),
    me: new ShortLivedCache(CACHE_SECONDS * 1000),
    actors: new ShortLivedCache(CACHE_SECONDS * 1000),
    unitScopes: new ShortLivedCache(CACHE_SECONDS * 1000),
    owners: new ShortLivedCache(10 * 60 * 1000, 100_000),
    orgs: new ShortLivedCache(CACHE_SECONDS * 1000, 10_000),
    themes: new ShortLivedCache(CACHE_SECONDS * 1000, 10_000),
    cycles: new ShortLivedCache(CACHE_SECONDS * 1000, 10_000),
    cadences: new ShortLivedCache(CACHE_SECONDS * 1000, 10_000),
    audiences: new ShortLivedCache(CACHE_SECONDS * 1000),
    coach: new ShortLivedCache(
      CACHE_SECONDS * 1000,
      KEPT_REVIEWS,
      (review) => review.context.snapshot.objectives.length <= KEPT_REVIEW_OBJECTIVES,
    ),
    summaries: new ShortLivedCache(CACHE_SECONDS * 1000),
    health: new ShortLivedCache(CACHE_SECONDS * 1000, KEPT_HEALTH),
    reads: new ShortLivedCache(
      KEPT_READ_SECONDS * 1000,
      100_000,
      (kept) => kept.body.length <= KEPT_READ_BYTES,
      // The bodies, and what keeping one costs besides (its key, the entry).
      { weigh: (kept) => kept.body.length + 512, max: KEPT_READS_BUDGET },
    ),
    figures: new FiguresCache(),
    webhookEvents: new ShortLivedCache(CACHE_SECONDS * 1000, 10_000),
    chatCheckIns: new ShortLivedCache(CACHE_SECONDS * 1000, 10_000),
  };
}

/** After a write that ends sessions, revokes tokens or changes an account (its profile, locale, status or version). */
export function forgetCallers(deps: { caches?: AppCaches }): void {
  deps.caches?.callers.clear();
  deps.caches?.me.clear();
}

/** After a write to memberships, unit members or leads, or the unit tree: roles, led units and units' people may differ. */
export function forgetActors(deps: { caches?: AppCaches }): void {
  deps.caches?.actors.clear();
  deps.caches?.unitScopes.clear();
  deps.caches?.me.clear();
  deps.caches?.audiences.clear();
}

/**
 * After every write transaction (transaction.ts), whatever it wrote, and after a check-in
 * written without one: answers worked out from the organisations' OKRs (kept-answers.ts),
 * kept reads (server/kept-reads.ts) and who reads what may differ. They are dropped on any
 * write rather than traced to the rows they read, and the write mark tells the other
 * server processes to do the same (write-mark.ts).
 */
export function forgetOkrAnswers(deps: { caches?: AppCaches; writeMark?: WriteMark }): void {
  deps.writeMark?.wrote();
  deps.caches?.reads.clear();
  deps.caches?.coach.clear();
  deps.caches?.summaries.clear();
  deps.caches?.health.clear();
  deps.caches?.audiences.clear();
}

/** After a write to an organisation's row (its profile or settings). */
export function forgetOrgs(deps: { caches?: AppCaches }): void {
  deps.caches?.orgs.clear();
  deps.caches?.me.clear();
}

/** After a write to strategy themes: added, renamed, reordered or removed. */
export function forgetThemes(deps: { caches?: AppCaches }): void {
  deps.caches?.themes.clear();
}

/** After a write to cycles: created, renamed, moved, closed, reopened or deleted. */
export function forgetCycles(deps: { caches?: AppCaches }): void {
  deps.caches?.cycles.clear();
}

/** After a write to an organisation's settings or its unit tree (creation, parent, cadence, archive, restore). */
export function forgetCadences(deps: { caches?: AppCaches }): void {
  deps.caches?.cadences.clear();
  deps.caches?.unitScopes.clear();
}

/** After a webhook subscription is added or removed. */
export function forgetWebhooks(deps: { caches?: AppCaches }): void {
  deps.caches?.webhookEvents.clear();
}

/** After a chat channel is added, changed or removed. */
export function forgetChatChannels(deps: { caches?: AppCaches }): void {
  deps.caches?.chatCheckIns.clear();
}
