// `riktning export` and `riktning import`: the organisation's JSON document (docs/export.md)
// out to standard output or a file, and back in.
import { createWriteStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { CommandContext } from '../context.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { writeJson, writeTable } from '../output.ts';
import { orgIdOf } from './org-ref.ts';

export async function exportCommand(context: CommandContext): Promise<void> {
  const api = await context.api();
  const orgId = await orgIdOf(api, context);
  const request = { method: 'GET', path: `/orgs/${orgId}/export` } as const;
  if (!context.options.out) {
    await api.stream(request, context.stdout);
    return;
  }
  const file = createWriteStream(context.options.out);
  try {
    await api.stream(request, file);
  } finally {
    file.end();
    await finished(file);
  }
}

interface ImportResult {
  dryRun: boolean;
  counts: Record<string, number>;
}

/** The file's bytes, or standard input's for `-`. */
async function readInput(path: string, context: CommandContext): Promise<Buffer> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  if (!existsSync(path)) throw new CliError(EXIT.usage, context.messages.fileMissing(path));
  return readFile(path);
}

export async function importCommand(context: CommandContext): Promise<void> {
  const [path] = context.args;
  if (!path) throw new CliError(EXIT.usage, context.messages.missingArgument('FILE'));
  const body = await readInput(path, context);
  const api = await context.api();
  const orgId = await orgIdOf(api, context);
  const dryRun = context.options['dry-run'] === true;
  // Sent as read: the server parses and checks it (and names the place of every problem).
  const result = await api.json<ImportResult>({
    method: 'POST',
    path: `/orgs/${orgId}/import`,
    ...(dryRun ? { query: { dryRun: 'true' } } : {}),
    body,
  });
  if (context.format === 'json') return writeJson(context.stdout, result);
  const { messages } = context;
  context.stdout.write(`${result.dryRun ? messages.dryRunDone : messages.importDone}\n`);
  writeTable(
    context.stdout,
    [messages.columns.kind, messages.columns.count],
    Object.entries(result.counts).map(([kind, count]) => [messages.kinds[kind] ?? kind, String(count)]),
  );
}
