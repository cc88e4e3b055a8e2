// Configuration from environment variables, with defaults that need no set-up.
import path from 'node:path';
import { isIP } from 'node:net';
import type { OidcSettings } from '../app/sso/relying-party.ts';
import { SSO_MAPPED_ROLES, type SsoMappedRole } from '../core/sso.ts';
import { DEFAULT_QUEUE_LIMITS, type QueueLimits } from '../db/pglite-queue.ts';
import { databasePoolerOf, type DatabasePooler } from '../db/postgres-pooler.ts';
import { SESSION_IDLE_MINUTES_DEFAULT } from '../app/auth/session-idle.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** What sits between the server and PostgreSQL (RIKTNING_DB_POOLER, docs/scaling.md). */
  databasePooler: DatabasePooler;
  /** A streaming standby of DATABASE_URL for the heavy reads that may lag a moment (docs/scaling.md). */
  databaseReadUrl: string | undefined;
  logLevel: string;
  /** Load the demo organisation into an empty database. */
  demo: boolean;
  /** The reverse proxies whose X-Forwarded-* headers are believed, by address or range; empty: none. */
  trustProxy: string[];
  /** Where people reach the app, for links in e-mail. */
  publicUrl: string;
  /** The built web app, served at / (off in `npm run dev`, where Vite serves it). */
  webRoot: string | undefined;
  /** nodemailer connection URL; unset: no mail server, messages are held in the outbox. */
  smtpUrl: string | undefined;
  /** The sender of every e-mail. */
  mailFrom: string;
  /** Milliseconds between the job runner's polls of the outbox and the schedules. */
  jobPollMs: number;
  /** The time zone of the reminders' and digests' send windows. */
  timeZone: string;
  /** Days the embedded database's daily backups are kept; 0: no daily backup. */
  backupDays: number;
  /** Webhooks may go to private, loopback and link-local addresses (tests, an intranet). */
  webhookAllowPrivate: boolean;
  /** Minutes a session may go unused before it ends (app/auth/session-idle.ts). */
  sessionIdleMinutes: number;
  /** Single sign-on through an OpenID Connect provider (docs/sso.md); unset: passwords only. */
  oidc: OidcSettings | undefined;
  /** The embedded database's line of waiting statements: how long one may wait, how many may. */
  databaseQueue: QueueLimits;
  /** The bearer token /metrics asks for (docs/deploy.md); unset: no /metrics. */
  metricsToken: string | undefined;
  /** A log line per request at info level, not only at debug. */
  accessLog: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  // The demo is on by default on the embedded database, opt-in on PostgreSQL.
  const demo = databaseUrl ? env.RIKTNING_DEMO === '1' : env.RIKTNING_DEMO !== '0';
  const port = Number.parseInt(env.PORT ?? '3000', 10);
  const host = env.HOST ?? '127.0.0.1';
  const publicUrl = env.RIKTNING_PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  return {
    port,
    host,
    publicUrl,
    dataDir: path.resolve(env.RIKTNING_DATA_DIR ?? './data'),
    databaseUrl,
    databasePooler: databasePooler(env.RIKTNING_DB_POOLER),
    databaseReadUrl: readReplicaUrl(env.DATABASE_READ_URL, databaseUrl),
    logLevel: env.LOG_LEVEL ?? 'info',
    demo,
    trustProxy: trustedProxies(env.RIKTNING_TRUST_PROXY),
    webRoot: env.RIKTNING_SERVE_WEB === '0' ? undefined : path.resolve(env.RIKTNING_WEB_ROOT ?? 'dist/web'),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Riktning <riktning@localhost>',
    jobPollMs: Math.max(100, Number.parseInt(env.RIKTNING_JOB_POLL_MS ?? '5000', 10) || 5000),
    timeZone: validTimeZone(env.RIKTNING_TIME_ZONE) ?? 'Europe/Stockholm',
    backupDays: nonNegative(env.RIKTNING_BACKUP_DAYS) ?? 14,
    webhookAllowPrivate: env.RIKTNING_WEBHOOK_ALLOW_PRIVATE === '1',
    sessionIdleMinutes: positive(env.RIKTNING_SESSION_IDLE_MINUTES) ?? SESSION_IDLE_MINUTES_DEFAULT,
    oidc: oidcSettings(env, publicUrl),
    databaseQueue: {
      waitMs: positive(env.RIKTNING_DB_QUEUE_TIMEOUT_MS) ?? DEFAULT_QUEUE_LIMITS.waitMs,
      maxWaiting: positive(env.RIKTNING_DB_QUEUE_MAX) ?? DEFAULT_QUEUE_LIMITS.maxWaiting,
    },
    metricsToken: env.RIKTNING_METRICS_TOKEN || undefined,
    accessLog: env.RIKTNING_ACCESS_LOG === '1',
  };
}

// RIKTNING_TRUST_PROXY names the proxies by address. Trusting every hop ("1", "true") would let
// any client name its own address in X-Forwarded-For and step around the per-address sign-in
// limits; a hop count is refused too (the nearest hop is not always the proxy). Fastify hands
// the list to proxy-addr, which also knows the names loopback, linklocal and uniquelocal.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** "10.0.0.0/8, 127.0.0.1, loopback": each address, range or name; unset, empty or "0": none. */
function trustedProxies(value: string | undefined): string[] {
  const text = (value ?? '').trim();
  if (text === '' || text === '0') return [];
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!isProxyAddress(entry)) {
      throw new ConfigError(
        `RIKTNING_TRUST_PROXY: "${entry}" is not a proxy's address or range. Name your reverse proxy's ` +
          'addresses instead, e.g. RIKTNING_TRUST_PROXY=127.0.0.1 or RIKTNING_TRUST_PROXY=10.0.0.0/8,loopback: ' +
          'trusting every hop (1, true) or a number of hops would let any client choose its own address.',
      );
    }
  }
  return entries;
}

function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** DATABASE_READ_URL: a PostgreSQL URL, and only beside DATABASE_URL (the embedded database has no standby). */
function readReplicaUrl(value: string | undefined, databaseUrl: string | undefined): string | undefined {
  const url = value?.trim();
  if (!url) return undefined;
  if (!databaseUrl) {
    throw new ConfigError(
      'DATABASE_READ_URL names a read replica of DATABASE_URL, which is not set: the embedded database has ' +
        'no replica. Set DATABASE_URL to the primary as well, or unset DATABASE_READ_URL.',
    );
  }
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new ConfigError(
      'DATABASE_READ_URL is not a PostgreSQL URL: give the standby like DATABASE_URL, ' +
        'e.g. postgres://riktning@replica.internal:5432/riktning.',
    );
  }
  return url;
}

/** OIDC_ROLE_MAP, "group=role,group=role": a role other than admin, member or viewer is named and refused. */
function roleMap(value: string): Record<string, SsoMappedRole> {
  const map: Record<string, SsoMappedRole> = {};
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const at = entry.lastIndexOf('=');
    const group = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (at <= 0 || !(SSO_MAPPED_ROLES as readonly string[]).includes(role)) {
      throw new ConfigError(`OIDC_ROLE_MAP: "${entry}" is not group=admin, group=member or group=viewer.`);
    }
    map[group] = role as SsoMappedRole;
  }
  return map;
}

/** A setting that cannot work as given: said in one sentence as the server refuses to start. */
export class ConfigError extends Error {}

const OIDC_REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

/** The provider's settings when OIDC_ISSUER and its client are set; half of them is a mistake, said at start. */
function oidcSettings(env: NodeJS.ProcessEnv, publicUrl: string): OidcSettings | undefined {
  const missing = OIDC_REQUIRED.filter((name) => !env[name]);
  if (missing.length === OIDC_REQUIRED.length) return undefined;
  if (missing.length > 0) throw new ConfigError(`Single sign-on needs ${missing.join(' and ')} as well (docs/sso.md).`);
  const issuer = env.OIDC_ISSUER as string;
  return {
    issuer,
    clientId: env.OIDC_CLIENT_ID as string,
    clientSecret: env.OIDC_CLIENT_SECRET as string,
    name: env.OIDC_NAME || new URL(issuer).hostname,
    allowedDomains: (env.OIDC_ALLOWED_DOMAINS ?? '')
      .split(',')
      .map((domain) => domain.trim().toLowerCase())
      .filter(Boolean),
    joinOrgSlug: env.OIDC_JOIN_ORG || null,
    groupsClaim: env.OIDC_GROUPS_CLAIM || 'groups',
    roleMap: roleMap(env.OIDC_ROLE_MAP ?? ''),
    redirectUri: `${publicUrl.replace(/\/+$/, '')}/api/v1/auth/sso/oidc/callback`,
  };
}

/** RIKTNING_DB_POOLER: unset or "none", or "transaction" behind a transaction-mode pooler. */
function databasePooler(value: string | undefined): DatabasePooler {
  const pooler = databasePoolerOf(value);
  if (pooler) return pooler;
  throw new ConfigError(
    `RIKTNING_DB_POOLER: "${value}" is not a pooler mode. Use RIKTNING_DB_POOLER=transaction behind PgBouncer's pool_mode = transaction, or leave it unset (docs/scaling.md).`,
  );
}

/** A whole number of at least 0, or undefined for anything else (the default then applies). */
function nonNegative(value: string | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  return Number.parseInt(value, 10);
}

/** A whole number of at least 1, or undefined for anything else (the default then applies). */
function positive(value: string | undefined): number | undefined {
  const number = nonNegative(value);
  return number === undefined || number === 0 ? undefined : number;
}

/** The zone when Intl knows it; a typo must not stop the server, it falls back to the default. */
function validTimeZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}
