// The built web app: hashed assets are cached for a year, the page itself never, and every
// other non-API path answers with the page, so the app's router handles deep links. Files
// go out as their precompressed .br or .gz copy when the client accepts one; the page as it
// is, since it carries a nonce of its own each time (security-headers.test.ts).
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app.ts';
import { testDatabase } from '../../test/test-db.ts';

describe('web app', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'riktning-web-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Riktning</title>');
  await writeFile(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  // The copies say which file was sent: the server must send them as they are, not
  // compress the original itself.
  await writeFile(path.join(root, 'assets', 'app-1234.js.br'), brotliCompressSync('console.log("br")'));
  await writeFile(path.join(root, 'assets', 'app-1234.js.gz'), gzipSync('console.log("gz")'));
  // A copy of the page the build no longer makes: the page carries a fresh nonce each time.
  await writeFile(path.join(root, 'index.html.br'), brotliCompressSync('<!doctype html><title>Riktning br</title>'));
  await writeFile(path.join(root, 'assets', 'style-1234.css'), 'body{}');
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

  it('sends the precompressed copy the client accepts, with its own type and the cache rules', async () => {
    const br = await app.inject({ url: '/assets/app-1234.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript; charset=utf-8$/);
    expect(br.headers['vary']).toContain('accept-encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe('console.log("br")');

    const gz = await app.inject({ url: '/assets/app-1234.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe('console.log("gz")');

    const plain = await app.inject({ url: '/assets/app-1234.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toContain('accept-encoding');
    expect(plain.body).toBe('console.log(1)');
    expect(plain.headers['content-type']).toBe(br.headers['content-type']);
  });

  it('sends the page as it is, filled in on every answer, never cached, and a file without copies as it is', async () => {
    for (const url of ['/', '/orgs/x/objectives/y', '/index.html', '/index.html.br']) {
      const page = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(page.headers['content-encoding'], url).toBeUndefined();
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toBe('<!doctype html><title>Riktning</title>');
    }
    const css = await app.inject({ url: '/assets/style-1234.css', headers: { 'accept-encoding': 'br' } });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.body).toBe('body{}');
  });
});
