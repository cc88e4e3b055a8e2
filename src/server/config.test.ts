import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('mail and job configuration', () => {
  it('needs nothing: no mail server, a default sender, a five-second poll in Stockholm time', () => {
    expect(loadConfig({})).toMatchObject({
      smtpUrl: undefined,
      mailFrom: 'Riktning <riktning@localhost>',
      jobPollMs: 5000,
      timeZone: 'Europe/Stockholm',
      publicUrl: 'http://127.0.0.1:3000',
    });
  });

  it('takes SMTP_URL, MAIL_FROM, the poll interval and a time zone; a bad zone or interval falls back', () => {
    const config = loadConfig({
      SMTP_URL: 'smtp://mail.example.com:587',
      MAIL_FROM: 'OKR <okr@example.com>',
      RIKTNING_JOB_POLL_MS: '2000',
      RIKTNING_TIME_ZONE: 'America/New_York',
    });
    expect(config).toMatchObject({
      smtpUrl: 'smtp://mail.example.com:587',
      mailFrom: 'OKR <okr@example.com>',
      jobPollMs: 2000,
      timeZone: 'America/New_York',
    });
    expect(loadConfig({ RIKTNING_TIME_ZONE: 'Mars/Olympus', RIKTNING_JOB_POLL_MS: 'often' })).toMatchObject({
      timeZone: 'Europe/Stockholm',
      jobPollMs: 5000,
    });
  });

  it('keeps daily backups 14 days unless RIKTNING_BACKUP_DAYS says otherwise (0: none); nonsense falls back', () => {
    expect(loadConfig({}).backupDays).toBe(14);
    expect(loadConfig({ RIKTNING_BACKUP_DAYS: '30' }).backupDays).toBe(30);
    expect(loadConfig({ RIKTNING_BACKUP_DAYS: '0' }).backupDays).toBe(0);
    expect(loadConfig({ RIKTNING_BACKUP_DAYS: '-3' }).backupDays).toBe(14);
    expect(loadConfig({ RIKTNING_BACKUP_DAYS: 'weekly' }).backupDays).toBe(14);
  });

  it('bounds the embedded database’s line at 10 s and 1000 waiting unless told otherwise; 0 or nonsense falls back', () => {
    expect(loadConfig({}).databaseQueue).toEqual({ waitMs: 10_000, maxWaiting: 1000 });
    expect(loadConfig({ RIKTNING_DB_QUEUE_TIMEOUT_MS: '2500', RIKTNING_DB_QUEUE_MAX: '50' }).databaseQueue).toEqual({
      waitMs: 2500,
      maxWaiting: 50,
    });
    expect(loadConfig({ RIKTNING_DB_QUEUE_TIMEOUT_MS: '0', RIKTNING_DB_QUEUE_MAX: 'many' }).databaseQueue).toEqual({
      waitMs: 10_000,
      maxWaiting: 1000,
    });
  });

  it('ends sessions unused for a week unless RIKTNING_SESSION_IDLE_MINUTES says otherwise; 0 or nonsense falls back', () => {
    expect(loadConfig({}).sessionIdleMinutes).toBe(7 * 24 * 60);
    expect(loadConfig({ RIKTNING_SESSION_IDLE_MINUTES: '30' }).sessionIdleMinutes).toBe(30);
    expect(loadConfig({ RIKTNING_SESSION_IDLE_MINUTES: '0' }).sessionIdleMinutes).toBe(7 * 24 * 60);
    expect(loadConfig({ RIKTNING_SESSION_IDLE_MINUTES: 'an hour' }).sessionIdleMinutes).toBe(7 * 24 * 60);
  });

  it('refuses webhooks to private addresses unless RIKTNING_WEBHOOK_ALLOW_PRIVATE=1', () => {
    expect(loadConfig({}).webhookAllowPrivate).toBe(false);
    expect(loadConfig({ RIKTNING_WEBHOOK_ALLOW_PRIVATE: 'yes' }).webhookAllowPrivate).toBe(false);
    expect(loadConfig({ RIKTNING_WEBHOOK_ALLOW_PRIVATE: '1' }).webhookAllowPrivate).toBe(true);
  });

  it('offers single sign-on when OIDC_ISSUER and its client are set, and names what half a set lacks', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(
      loadConfig({
        OIDC_ISSUER: 'https://login.example.com/tenant/v2.0',
        OIDC_CLIENT_ID: 'riktning',
        OIDC_CLIENT_SECRET: 's3cret',
        OIDC_ALLOWED_DOMAINS: ' Nordljus.se, nordljus.fi ,',
        OIDC_JOIN_ORG: 'nordljus',
        RIKTNING_PUBLIC_URL: 'https://okr.nordljus.se/',
      }).oidc,
    ).toEqual({
      issuer: 'https://login.example.com/tenant/v2.0',
      clientId: 'riktning',
      clientSecret: 's3cret',
      name: 'login.example.com',
      allowedDomains: ['nordljus.se', 'nordljus.fi'],
      joinOrgSlug: 'nordljus',
      groupsClaim: 'groups',
      roleMap: {},
      redirectUri: 'https://okr.nordljus.se/api/v1/auth/sso/oidc/callback',
    });
    const client = { OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' };
    expect(
      loadConfig({ ...client, OIDC_ROLE_MAP: 'OKR Admins=admin, readers = viewer', OIDC_GROUPS_CLAIM: 'roles' }).oidc,
    ).toMatchObject({ groupsClaim: 'roles', roleMap: { 'OKR Admins': 'admin', readers: 'viewer' } });
    expect(() => loadConfig({ ...client, OIDC_ROLE_MAP: 'bosses=owner' })).toThrow(
      'OIDC_ROLE_MAP: "bosses=owner" is not group=admin, group=member or group=viewer.',
    );
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example.com' })).toThrow(
      'Single sign-on needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET as well',
    );
  });
});

describe('operations configuration', () => {
  it('serves no /metrics and no access log unless asked; an empty token leaves /metrics off', () => {
    expect(loadConfig({})).toMatchObject({ metricsToken: undefined, accessLog: false });
    expect(loadConfig({ RIKTNING_METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
    expect(loadConfig({ RIKTNING_METRICS_TOKEN: 's3cret', RIKTNING_ACCESS_LOG: '1' })).toMatchObject({
      metricsToken: 's3cret',
      accessLog: true,
    });
  });
});

describe('trusted proxies', () => {
  it('trusts no proxy by default, and the addresses, ranges and names RIKTNING_TRUST_PROXY lists', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ RIKTNING_TRUST_PROXY: '0' }).trustProxy).toEqual([]);
    expect(loadConfig({ RIKTNING_TRUST_PROXY: ' 10.0.0.0/8, 127.0.0.1,fd00::/8 , loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it.each(['1', 'true', '2', '10.0.0.0/33', 'proxy.example.com', '10.0.0.1/8/2'])(
    'refuses %j at start and says what to write instead',
    (value) => {
      expect(() => loadConfig({ RIKTNING_TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ RIKTNING_TRUST_PROXY: value })).toThrow(/RIKTNING_TRUST_PROXY=127\.0\.0\.1/);
    },
  );
});

describe('a connection pooler in front of PostgreSQL', () => {
  it('is none unless RIKTNING_DB_POOLER says transaction', () => {
    expect(loadConfig({}).databasePooler).toBe('none');
    expect(loadConfig({ RIKTNING_DB_POOLER: 'none' }).databasePooler).toBe('none');
    expect(loadConfig({ RIKTNING_DB_POOLER: ' transaction ' }).databasePooler).toBe('transaction');
  });

  it.each(['session', 'pgbouncer', '1'])('refuses %j at start and names the mode to use', (value) => {
    expect(() => loadConfig({ RIKTNING_DB_POOLER: value })).toThrow(ConfigError);
    expect(() => loadConfig({ RIKTNING_DB_POOLER: value })).toThrow(/RIKTNING_DB_POOLER=transaction/);
  });
});

describe('read replica', () => {
  const primary = 'postgres://riktning@db.internal:5432/riktning';

  it('has none unless DATABASE_READ_URL names one beside DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: primary }).databaseReadUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: ' ' }).databaseReadUrl).toBeUndefined();
    const replica = 'postgresql://riktning@replica.internal:5432/riktning';
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: replica }).databaseReadUrl).toBe(replica);
  });

  it('refuses a replica of the embedded database, and a URL that is not PostgreSQL’s, saying why', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: primary })).toThrow(/DATABASE_URL, which is not set/);
    for (const url of ['replica.internal:5432', 'mysql://replica/riktning', 'not a url']) {
      expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: url })).toThrow(
        /DATABASE_READ_URL is not a PostgreSQL URL/,
      );
    }
  });
});
