// The built web app: hashed assets are cached for a year, the page itself never, and every
// other non-API path answers with the page, so the app's router handles deep links.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app.ts';
import { testDatabase } from '../../test/test-db.ts';

describe('web app', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'riktning-web-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Riktning</title>');
  await writeFile(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  const { db } = await testDatabase();
  const app = await buildServer({ deps: { db, now: () => new Date() }, webRoot: root });
  afterAll(() => app.close());

  it('caches hashed assets for a year and the page not at all', async () => {
    const asset = await app.inject({ url: '/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await app.inject({ url: '/' });
    expect(page.body).toContain('<title>Riktning</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('answers deep links with the page, and unknown API paths with a problem', async () => {
    const deep = await app.inject({ url: '/orgs/x/objectives/y' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<title>Riktning</title>');
    const api = await app.inject({ url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });
});
