// What /metrics reports (docs/deploy.md names each metric), in a registry of the server's
// own: tests run many servers in one process, and prom-client's global registry would
// have them count into each other.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppDeps } from '../app/context.ts';
import type { PollResult } from '../app/notifications/job-runner.ts';
import { queueDepths } from '../app/notifications/queue-depth.ts';
import type { PoolUse } from '../db/connect.ts';

/** The routes where a 401 means a failed sign-in (wrong e-mail or password). */
const SIGN_IN_ROUTES = new Set(['POST /api/v1/auth/login']);

export interface ServerMetrics {
  registry: Registry;
  /** Once per request, so it is kept to a map lookup and one observation. */
  recordResponse(method: string, route: string, status: number, seconds: number): void;
  /** After each job runner poll: what it sent and what failed. */
  recordPoll(result: PollResult): void;
  /** At each scrape: the gauges read from the database and its pool. */
  refresh(): Promise<void>;
}

export function createServerMetrics(
  deps: Pick<AppDeps, 'db' | 'now' | 'replica' | 'caches'>,
  poolUse: () => PoolUse,
): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const duration = new Histogram({
    name: 'riktning_http_request_duration_seconds',
    help: 'Time to answer a request, by method, route pattern (never the address) and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const signInFailures = new Counter({
    name: 'riktning_sign_in_failures_total',
    help: 'Sign-ins refused for a wrong e-mail or password.',
    registers,
  });
  const rateLimited = new Counter({
    name: 'riktning_rate_limited_total',
    help: 'Requests refused by a rate limit (429), by route pattern.',
    labelNames: ['route'] as const,
    registers,
  });
  const outbound = new Counter({
    name: 'riktning_outbound_messages_total',
    help: 'E-mail, webhook deliveries and chat posts this process tried to send, by outcome.',
    labelNames: ['channel', 'outcome'] as const,
    registers,
  });
  const queueDepth = new Gauge({
    name: 'riktning_job_queue_depth',
    help: 'Items waiting to be sent (due or waiting to retry), by queue.',
    labelNames: ['queue'] as const,
    registers,
  });
  const oldestDue = new Gauge({
    name: 'riktning_job_queue_oldest_due_seconds',
    help: 'Seconds the oldest due item has waited, by queue; 0 when nothing is due.',
    labelNames: ['queue'] as const,
    registers,
  });
  const pool = new Gauge({
    name: 'riktning_db_pool_connections',
    help: 'Database connections: total open, idle, and calls waiting for one (the embedded database has one).',
    labelNames: ['state'] as const,
    registers,
  });
  const { replica } = deps;
  if (replica) {
    new Counter({
      name: 'riktning_lagging_reads_total',
      help: 'Reads that may lag (dashboards, feed, map, exports) by where they were served: replica, or primary and why.',
      labelNames: ['served_by'] as const,
      registers,
      collect() {
        this.reset();
        for (const [servedBy, count] of Object.entries(replica.counts())) this.inc({ served_by: servedBy }, count);
      },
    });
  }

  const reads = deps.caches?.reads;
  if (reads) {
    new Counter({
      name: 'riktning_kept_reads_total',
      help: 'Reads kept until a write (lists, inbox, count due, feed), by outcome: kept (sent as kept) or worked_out.',
      labelNames: ['outcome'] as const,
      registers,
      collect() {
        this.reset();
        const { kept, loaded } = reads.served();
        this.inc({ outcome: 'kept' }, kept);
        this.inc({ outcome: 'worked_out' }, loaded);
      },
    });
  }

  // One child per method, route and status: labels are resolved once, not per request.
  const observers = new Map<string, Histogram.Internal<'method' | 'route' | 'status'>>();

  return {
    registry,
    recordResponse(method, route, status, seconds) {
      const key = `${method} ${route}`;
      const series = `${key} ${status}`;
      let observer = observers.get(series);
      if (!observer) {
        observer = duration.labels(method, route, String(status));
        observers.set(series, observer);
      }
      observer.observe(seconds);
      if (status === 401 && SIGN_IN_ROUTES.has(key)) signInFailures.inc();
      else if (status === 429) rateLimited.inc({ route });
    },
    recordPoll(result) {
      outbound.inc({ channel: 'mail', outcome: 'sent' }, result.sent);
      outbound.inc({ channel: 'mail', outcome: 'retried' }, result.retried);
      outbound.inc({ channel: 'mail', outcome: 'failed' }, result.failed);
      outbound.inc({ channel: 'mail', outcome: 'held' }, result.held);
      for (const [channel, counts] of [
        ['webhook', result.webhooks],
        ['chat', result.chat],
      ] as const) {
        if (!counts) continue;
        outbound.inc({ channel, outcome: 'sent' }, counts.delivered);
        outbound.inc({ channel, outcome: 'retried' }, counts.retried);
        outbound.inc({ channel, outcome: 'failed' }, counts.failed);
      }
    },
    async refresh() {
      const use = poolUse();
      pool.set({ state: 'total' }, use.total);
      pool.set({ state: 'idle' }, use.idle);
      pool.set({ state: 'waiting' }, use.waiting);
      for (const { queue, depth, oldestDueSeconds } of await queueDepths(deps)) {
        queueDepth.set({ queue }, depth);
        oldestDue.set({ queue }, oldestDueSeconds);
      }
    },
  };
}
