// The API served in this process on the local database, when no server runs: the same
// routes, validation and answers as over the network (server/app.ts), called with a token
// made for this one command and removed after it. It acts as a person: `--as EMAIL`, or
// the owner of the organisation the command names, or the installation's first owner.
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Locale } from '../core/domain.ts';
import { createAppCaches } from '../app/caches.ts';
import { WriteMark } from '../app/write-mark.ts';
import { API_TOKEN_PREFIX } from '../app/auth/api-tokens.ts';
import { hashSecret, newSecret } from '../app/auth/secrets.ts';
import { isUuid } from '../app/scope.ts';
import { openPglite, openPostgres, type DatabaseHandle, type Db } from '../db/connect.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { accounts, apiTokens, memberships, organizations } from '../db/schema.ts';
import { buildServer } from '../server/app.ts';
import { encodeBody, refusal, withQuery, type Api, type ApiRequest } from './api.ts';
import { CliError, EXIT } from './exit-codes.ts';
import type { CliMessages } from './messages.ts';

export interface LocalDatabase {
  dataDir: string;
  databaseUrl: string | undefined;
}

/** Opens the local database: PostgreSQL when DATABASE_URL is set, else the embedded one if no server holds it. */
export async function openLocalDatabase(where: LocalDatabase, messages: CliMessages): Promise<DatabaseHandle> {
  try {
    const handle = where.databaseUrl ? await openPostgres(where.databaseUrl, 2) : await openPglite(where.dataDir);
    try {
      await handle.migrate();
    } catch (error) {
      await handle.close();
      throw error;
    }
    return handle;
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      throw new CliError(EXIT.unavailable, messages.databaseHeld(error.dataDir, error.pid));
    }
    throw new CliError(EXIT.unavailable, error instanceof Error ? error.message : String(error));
  }
}

/** The person a local command acts as (see the top of this file). */
async function actingAccount(db: Db, as: string | undefined, org: string | undefined, messages: CliMessages) {
  if (as) {
    const [account] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(sql`lower(${accounts.email}) = ${as.toLowerCase()}`);
    if (!account) throw new CliError(EXIT.refused, messages.unknownAccount(as));
    return account.id;
  }
  const firstOwner = (where: SQL | undefined) =>
    db
      .select({ id: memberships.accountId })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.orgId))
      .where(and(eq(memberships.role, 'owner'), where))
      .orderBy(asc(organizations.createdAt), asc(memberships.createdAt))
      .limit(1);
  const [owner] = org ? await firstOwner(isUuid(org) ? eq(organizations.id, org) : eq(organizations.slug, org)) : [];
  // For an organisation that does not exist, the first owner asks, and the API answers 404.
  const [acting] = owner ? [owner] : await firstOwner(undefined);
  if (!acting) throw new CliError(EXIT.refused, messages.noAccount);
  return acting.id;
}

export interface LocalApiOptions {
  as: string | undefined;
  org: string | undefined;
  locale: Locale;
  messages: CliMessages;
}

export async function localApi(handle: DatabaseHandle, options: LocalApiOptions): Promise<Api> {
  const { db } = handle;
  const accountId = await actingAccount(db, options.as, options.org, options.messages);
  const token = newSecret(API_TOKEN_PREFIX);
  const [row] = await db
    .insert(apiTokens)
    .values({ accountId, name: 'riktning (command line)', tokenHash: hashSecret(token) })
    .returning({ id: apiTokens.id });
  if (!row) throw new Error('the token insert returned no row');

  // With the write mark, so a running server's kept reads learn of the command's writes.
  const app = await buildServer({
    deps: { db, now: () => new Date(), caches: createAppCaches(), writeMark: new WriteMark(db) },
  });
  const inject = (request: ApiRequest, payloadAsStream: boolean) => {
    const payload = encodeBody(request.body);
    return app.inject({
      method: request.method,
      url: `/api/v1${withQuery(request.path, request.query)}`,
      headers: {
        authorization: `Bearer ${token}`,
        'accept-language': options.locale,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { payload }),
      payloadAsStream,
    });
  };

  return {
    async json<T>(request: ApiRequest): Promise<T> {
      const answer = await inject(request, false);
      if (answer.statusCode >= 400) throw refusal(answer.statusCode, answer.body, options.messages);
      return answer.json<T>();
    },
    async stream(request: ApiRequest, out: Writable): Promise<void> {
      const answer = await inject(request, true);
      if (answer.statusCode >= 400) {
        let body = '';
        for await (const chunk of answer.stream()) body += String(chunk);
        throw refusal(answer.statusCode, body, options.messages);
      }
      await pipeline(answer.stream(), out, { end: false });
    },
    async close() {
      await app.close();
      await db.delete(apiTokens).where(eq(apiTokens.id, row.id));
    },
  };
}
