// The process entry point (`npm start`): configuration, database and migrations, the demo
// on a fresh installation, the HTTP server — and a clean stop on SIGINT/SIGTERM that
// checkpoints the embedded database and releases its directory lock.
import { sql } from 'drizzle-orm';
import { DEMO_PASSWORD, DEMO_SIGN_INS, demoOrgExists, isDatabaseEmpty, seedDemo } from '../app/demo/seed-demo.ts';
import { openPglite, openPostgres, type DatabaseHandle } from '../db/connect.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { openReadReplica } from '../db/read-replica.ts';
import { applyPendingRestore, backupsDirOf } from '../db/backup.ts';
import { startBackupSchedule, type BackupSchedule } from './backup-schedule.ts';
import { startJobRunner, type JobRunner } from '../app/notifications/job-runner.ts';
import { createMailTransport } from './mail-transport.ts';
import { postOutbound } from './outbound-post.ts';
import { createAppCaches } from '../app/caches.ts';
import { WriteMark } from '../app/write-mark.ts';
import { relyingParty } from '../app/sso/relying-party.ts';
import { buildServer, LOG_REDACT } from './app.ts';
import { createServerMetrics } from './server-metrics.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';

/** What `npm start` prints for people (the JSON log is for machines). */
export function banner(address: string, config: Config, demo: boolean): string {
  const replica = config.databaseReadUrl ? ', a read replica (DATABASE_READ_URL)' : '';
  const database = config.databaseUrl
    ? `PostgreSQL (DATABASE_URL)${replica}`
    : `embedded (PGlite) in ${config.dataDir}`;
  const lines = [
    '',
    `  Riktning is running at ${address}`,
    `  API docs:  ${address}/api/docs`,
    `  Database:  ${database}`,
  ];
  if (demo) {
    const roles: Record<(typeof DEMO_SIGN_INS)[number], string> = {
      'demo@example.com': 'owner of the organisation',
      'sara@example.com': 'member of the marketing team, with her own OKRs',
    };
    lines.push(
      '',
      '  Demo organisation "Nordljus AB" — sign in as',
      ...DEMO_SIGN_INS.map((email) => `    ${email.padEnd(20)} ${roles[email]}`),
      `  with the password ${DEMO_PASSWORD}`,
    );
  }
  lines.push('', '  Stop with Ctrl+C.', '');
  return lines.join('\n');
}

async function openDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, undefined, config.databasePooler);
  // A backup `riktning restore` staged while this server last ran is put back first.
  return openPglite(
    config.dataDir,
    async () => {
      const restored = await applyPendingRestore(config.dataDir, new Date());
      if (restored) {
        console.log(`Restored the staged backup (${restored.contents.checkIns} check-ins).`);
        if (restored.previous) console.log(`The database it replaced is kept in ${restored.previous}.`);
      }
    },
    config.databaseQueue,
  );
}

async function main(): Promise<void> {
  const config = loadConfig();
  const handle = await openDatabase(config);
  const { db } = handle;
  try {
    await handle.migrate();
    const seeded = config.demo && (await isDatabaseEmpty(db));
    if (seeded) await seedDemo(db, new Date());
    const showDemo = seeded || (await demoOrgExists(db));

    const mailer = config.smtpUrl ? createMailTransport(config.smtpUrl, config.mailFrom) : null;
    // Failures come only from reads, once the server (and its log) is up.
    const replica = config.databaseReadUrl
      ? await openReadReplica(config.databaseReadUrl, (error) =>
          app.log.warn({ err: error }, 'the read replica failed: reads that may lag go to the primary for now'),
        )
      : undefined;
    const deps = {
      db,
      ...(replica ? { replica } : {}),
      now: () => new Date(),
      publicUrl: config.publicUrl,
      mailEnabled: mailer !== null,
      ssoEnabled: config.oidc !== undefined,
      allowPrivateOutbound: config.webhookAllowPrivate,
      sessionIdleMinutes: config.sessionIdleMinutes,
      caches: createAppCaches(),
      writeMark: new WriteMark(db, (error) => app.log.warn({ err: error }, 'the write mark could not be moved')),
    };
    const metrics = config.metricsToken
      ? { token: config.metricsToken, collector: createServerMetrics(deps, handle.poolUse) }
      : undefined;
    const app = await buildServer({
      deps,
      logger: { level: config.logLevel, redact: LOG_REDACT },
      accessLog: config.accessLog,
      trustProxy: config.trustProxy,
      webRoot: config.webRoot,
      ...(config.oidc ? { sso: relyingParty(config.oidc) } : {}),
      metrics,
    });

    let jobs: JobRunner | undefined;
    let backups: BackupSchedule | undefined;
    let stopping = false;
    const stop = async (signal: NodeJS.Signals) => {
      // A second Ctrl+C must not interrupt the checkpoint of the first.
      if (stopping) return;
      stopping = true;
      app.log.info({ signal }, 'stopping');
      try {
        await app.close();
        // The runner's poll in progress finishes on the open database, then it closes.
        await jobs?.stop();
        await backups?.stop();
        // After the jobs' last writes.
        await deps.writeMark.flush();
        mailer?.close();
        await replica?.close();
        await handle.close();
        process.exit(0);
      } catch (error) {
        console.error(error);
        process.exit(1);
      }
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);

    const address = await app.listen({ host: config.host, port: config.port });
    console.log(banner(address, config, showDemo));

    // What is not needed to answer comes after listening, so a start is quick to serve.
    // Reminders, digests and the outbox: polled in this process, safe beside others on one database.
    if (!stopping) {
      jobs = startJobRunner(deps, {
        mailer,
        webhookPoster: (url, body, headers) =>
          postOutbound(url, body, headers, { allowPrivate: config.webhookAllowPrivate }),
        intervalMs: config.jobPollMs,
        timeZone: config.timeZone,
        log: app.log,
        onPoll: metrics?.collector.recordPoll,
      });
    }
    if (handle.engine === 'pglite' && !stopping) {
      backups = startBackupSchedule(handle, {
        backupsDir: backupsDirOf(config.dataDir),
        keepDays: config.backupDays,
        now: () => new Date(),
        log: app.log,
      });
      // `riktning backup` while the server runs: only this process may read the database.
      process.on('SIGUSR2', () => {
        backups?.backupNow().catch((error: unknown) => app.log.error({ err: error }, 'backup failed'));
      });
    }
    // PGlite runs no autovacuum, so its planner would have no statistics at all; gather
    // them at each start so queries get the plans PostgreSQL gets. It takes a few hundred
    // milliseconds, so it runs after listening (a request in the meantime waits its turn).
    if (handle.engine === 'pglite') {
      const started = Date.now();
      db.execute(sql`analyze`).then(
        () => app.log.info({ ms: Date.now() - started }, 'database statistics gathered'),
        (error: unknown) => app.log.warn({ err: error }, 'analyze failed'),
      );
    }
  } catch (error) {
    // Release the data directory so the next start does not find it locked.
    await handle.close().catch(() => {});
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof DataDirLockedError || error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
