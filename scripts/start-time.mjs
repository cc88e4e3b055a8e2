// How long a start takes: from spawning the server to its first 200 from /healthz, on the
// data directory given (a first start creates it). Stops the server with SIGTERM after.
//   node scripts/start-time.mjs [data dir] [-- command …]
// The command defaults to `node dist/server/main.js` (what `npm start` runs after its build).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const separator = process.argv.indexOf('--');
const args = separator === -1 ? process.argv.slice(2) : process.argv.slice(2, separator);
const command = separator === -1 ? [process.execPath, 'dist/server/main.js'] : process.argv.slice(separator + 1);
const dataDir = path.resolve(args[0] ?? 'data');

/** The CPU time the process has used, where Linux tells it: less at the mercy of other load than the clock. */
function cpu(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, in clock ticks of 10 ms.
    return `, ${(Number(fields[11]) + Number(fields[12])) * 10} ms CPU`;
  } catch {
    return '';
  }
}

const port = await new Promise((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

const started = performance.now();
const child = spawn(command[0], command.slice(1), {
  env: { ...process.env, RIKTNING_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
  // Its own process group, so the stop reaches the server under `npm start` too.
  detached: true,
});
let exited = false;
child.on('exit', () => (exited = true));

while (!exited) {
  const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
    (response) => response.ok,
    () => false,
  );
  if (ok) break;
  await new Promise((resolve) => setTimeout(resolve, 10));
}
const ms = performance.now() - started;
if (exited) {
  console.error('the server exited before it was healthy');
  process.exit(1);
}
console.log(`healthy after ${Math.round(ms)} ms${cpu(child.pid)} (${command.join(' ')}, ${dataDir})`);
process.kill(-child.pid, 'SIGTERM');
if (!exited) await new Promise((resolve) => child.once('exit', resolve));
