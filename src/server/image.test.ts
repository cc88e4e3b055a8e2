// The container image's contents (scripts/build-image.mjs, which the Dockerfile runs) start
// as the image does: `node dist/server/main.js` in that directory, with production
// dependencies only (no Vite, no vitest, no TypeScript loader), on an embedded database —
// ready, migrated, and stopped promptly by SIGTERM as `docker stop` sends it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  killServers,
  repoRoot,
  startServer,
  stopServer,
  untilHealthy,
  type RunningServer,
} from '../test/server-process.ts';

// A child process on its own embedded database: the PostgreSQL project would repeat it.
describe.skipIf(process.env.RIKTNING_TEST_ENGINE === 'postgres')('the container image’s contents', () => {
  let work = '';
  let image = '';
  let server: RunningServer;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'riktning-image-'));
    image = path.join(work, 'app');
    const built = spawnSync(process.execPath, ['scripts/build-image.mjs', image], { cwd: repoRoot, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build-image failed:\n${built.stdout}${built.stderr}`);
    // Nothing from this process's module set-up reaches the child: it finds only the image's packages.
    const env = { RIKTNING_METRICS_TOKEN: 'image-test-token', NODE_PATH: '', NODE_OPTIONS: '' };
    server = startServer(path.join(work, 'data'), await freePort(), env, image);
    await untilHealthy(server, 90_000);
  });

  afterAll(async () => {
    killServers();
    await rm(work, { recursive: true, force: true });
  });

  it('is what the Dockerfile builds and starts, as a user without privileges', () => {
    const dockerfile = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('RUN node scripts/build-image.mjs /app');
    expect(dockerfile).toContain('COPY --from=build /app ./');
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain('CMD ["node", "dist/server/main.js"]');
  });

  it('holds the build and the production dependencies, not the development ones', () => {
    for (const part of [
      'dist/server/main.js',
      'dist/server/migrations',
      'dist/web/index.html',
      'node_modules/fastify',
    ]) {
      expect(existsSync(path.join(image, part)), part).toBe(true);
    }
    for (const devOnly of ['vite', 'vitest', 'eslint', 'playwright-core', 'drizzle-kit']) {
      expect(existsSync(path.join(image, 'node_modules', devOnly)), devOnly).toBe(false);
    }
  });

  it('answers /healthz and /readyz with its migrations applied, and /metrics with the token', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ database: 'ok', migrations: 'current' });
    const metrics = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer image-test-token' } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('riktning_http_request_duration_seconds_count{method="GET",route="/readyz"');
  });

  it('runs the command line from its contents', () => {
    const help = spawnSync(process.execPath, ['bin/riktning.mjs', '--help'], { cwd: image, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: riktning');
  });

  it('stops on SIGTERM at once, cleanly', async () => {
    const started = Date.now();
    expect(await stopServer(server)).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
