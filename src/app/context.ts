// What every use case runs with: the database and a clock (tests move time).
import type { ServiceScope } from '../core/service-scopes.ts';
import type { Db } from '../db/connect.ts';
import type { ReadReplica } from '../db/read-replica.ts';
import type { AppCaches } from './caches.ts';
import type { WriteMark } from './write-mark.ts';

export interface AppDeps {
  db: Db;
  /**
   * A streaming standby for the heavy reads that may lag a moment (DATABASE_READ_URL); the
   * server's routes choose it per request (server/lag-tolerant.ts). Unset: all reads on `db`.
   */
  replica?: ReadReplica;
  now: () => Date;
  /** Where people reach the web app, for links in e-mail (RIKTNING_PUBLIC_URL). */
  publicUrl?: string;
  /** Whether a mail server is configured (SMTP_URL); without one the outbox holds messages. */
  mailEnabled?: boolean;
  /** Whether single sign-on is configured (OIDC_ISSUER …): an organisation may then require it. */
  ssoEnabled?: boolean;
  /**
   * Outbound posts may go to private and loopback addresses (RIKTNING_WEBHOOK_ALLOW_PRIVATE=1):
   * a chat channel's URL may then be any http(s) address, not only Slack's or Teams'.
   */
  allowPrivateOutbound?: boolean;
  /** The process's short-lived caches (the server has them; use cases called directly do not). */
  caches?: AppCaches;
  /**
   * The installation's write mark, moved after this process's writes and read before a kept
   * read is answered (write-mark.ts); the server has it, use cases called directly do not.
   */
  writeMark?: WriteMark;
  /** Minutes a session may go unused before it ends (RIKTNING_SESSION_IDLE_MINUTES; auth/session-idle.ts). */
  sessionIdleMinutes?: number;
}

/** A service account's token: which organisation it belongs to and what it may do there. */
export interface ServiceGrant {
  orgId: string;
  scopes: readonly ServiceScope[];
  /** The unit it is limited to (with those beneath it), or null. */
  unitId: string | null;
}

/** The authenticated account making a call. */
export interface Caller {
  accountId: string;
  /** Set when the account is a service account (it called with its token). */
  service?: ServiceGrant;
  /** The process's caches, when the call came through the server (see caches.ts). */
  caches?: AppCaches;
}

/** An absolute link into the web app, e.g. for an e-mail: `appLink(deps, '/orgs/…')`. */
export function appLink(deps: Pick<AppDeps, 'publicUrl'>, path: string): string {
  return `${(deps.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '')}${path}`;
}
