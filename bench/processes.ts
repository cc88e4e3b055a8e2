// Starting the servers a benchmark compares (the built product, the bare server) and
// waiting until they answer.
import { spawn, type ChildProcess } from 'node:child_process';

/** A server process with extra environment, its output discarded and its errors shown. */
export function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Resolves once `url` answers 2xx; throws after a minute. */
export async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer`);
}
