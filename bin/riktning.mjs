#!/usr/bin/env node
// `riktning` (npx riktning --help): the command line, src/cli/main.ts, run from its
// TypeScript sources through tsx (a dependency), so it never lags behind them.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
try {
  process.exitCode = await runCli(process.argv.slice(2), {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
  });
} catch (error) {
  // Not one of the refusals the command line words itself: a fault, shown in full.
  console.error(error);
  process.exitCode = 3;
}
