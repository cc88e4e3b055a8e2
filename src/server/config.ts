// Configuration from environment variables, with defaults that need no set-up.
import path from 'node:path';
import type { OidcSettings } from '../app/sso/relying-party.ts';
import { SSO_MAPPED_ROLES, type SsoMappedRole } from '../core/sso.ts';
import { SESSION_IDLE_MINUTES_DEFAULT } from '../app/auth/session-idle.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: string;
  /** Load the demo organisation into an empty database. */
  demo: boolean;
  trustProxy: boolean;
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
    logLevel: env.LOG_LEVEL ?? 'info',
    demo,
    trustProxy: env.RIKTNING_TRUST_PROXY === '1',
    webRoot: env.RIKTNING_SERVE_WEB === '0' ? undefined : path.resolve(env.RIKTNING_WEB_ROOT ?? 'dist/web'),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Riktning <riktning@localhost>',
    jobPollMs: Math.max(100, Number.parseInt(env.RIKTNING_JOB_POLL_MS ?? '5000', 10) || 5000),
    timeZone: validTimeZone(env.RIKTNING_TIME_ZONE) ?? 'Europe/Stockholm',
    backupDays: nonNegative(env.RIKTNING_BACKUP_DAYS) ?? 14,
    webhookAllowPrivate: env.RIKTNING_WEBHOOK_ALLOW_PRIVATE === '1',
    sessionIdleMinutes: positive(env.RIKTNING_SESSION_IDLE_MINUTES) ?? SESSION_IDLE_MINUTES_DEFAULT,
    oidc: oidcSettings(env, publicUrl),
  };
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
