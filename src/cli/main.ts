// `riktning`: the command line (docs/cli.md). Parses the arguments, picks the language and
// the API (a running server's, or the local database's), runs the command, and exits with
// a code scripts can rely on (exit-codes.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { LOCALES, type Locale } from '../core/domain.ts';
import type { Api } from './api.ts';
import type { CommandContext } from './context.ts';
import { CliError, EXIT, type ExitCode } from './exit-codes.ts';
import { httpApi } from './http-api.ts';
import { CLI_MESSAGES, cliLocale, type CliMessages } from './messages.ts';
import { FORMATS, type Format } from './output.ts';

type Command = (context: CommandContext) => Promise<void>;
/** A command's code is loaded when it runs, so `--help` and usage errors answer at once. */
type LoadCommand = () => Promise<Command>;

const transfer = () => import('./commands/transfer.ts');
const backups = () => import('./commands/backup.ts');
const people = () => import('./commands/people.ts');

/** Commands by their words; a command of two words (`users add`) is under its first. */
const COMMANDS: Record<string, LoadCommand | Record<string, LoadCommand>> = {
  export: async () => (await transfer()).exportCommand,
  import: async () => (await transfer()).importCommand,
  backup: async () => (await backups()).backupCommand,
  restore: async () => (await backups()).restoreCommand,
  'check-in': async () => (await import('./commands/check-in.ts')).checkInCommand,
  users: { list: async () => (await people()).listUsers, add: async () => (await people()).addUser },
  orgs: { list: async () => (await people()).listOrgs, create: async () => (await people()).createOrg },
};

const OPTIONS = {
  org: { type: 'string' },
  out: { type: 'string' },
  'dry-run': { type: 'boolean' },
  name: { type: 'string' },
  role: { type: 'string' },
  slug: { type: 'string' },
  locale: { type: 'string' },
  confidence: { type: 'string' },
  note: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  as: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: Writable;
  stderr: Writable;
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

function parse(argv: string[], messages: CliMessages) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(EXIT.usage, messages.badOption(error instanceof Error ? error.message : String(error)));
  }
}

/** Finds the command the words name; answers it with the words left for it. */
function commandOf(positionals: string[], messages: CliMessages): { load: LoadCommand; args: string[] } {
  const [first, second, ...rest] = positionals;
  const entry = first === undefined ? undefined : COMMANDS[first];
  if (!entry || first === undefined) throw new CliError(EXIT.usage, messages.unknownCommand(first ?? ''));
  if (typeof entry === 'function') return { load: entry, args: positionals.slice(1) };
  const sub = second === undefined ? undefined : entry[second];
  if (!sub) {
    throw new CliError(EXIT.usage, messages.unknownCommand(`${first} ${second ?? ''}`.trim()));
  }
  return { load: sub, args: rest };
}

interface Where {
  url: string | undefined;
  token: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
}

/** The API the command talks to: a running server's when RIKTNING_URL is set, else the local database's. */
async function openApi(where: Where, acting: { as?: string; org?: string }, locale: Locale, messages: CliMessages) {
  if (where.url) {
    if (!where.token) throw new CliError(EXIT.unauthenticated, messages.noToken);
    return httpApi(where.url, where.token, locale, messages);
  }
  const { localApi, openLocalDatabase } = await import('./local-api.ts');
  const handle = await openLocalDatabase(where, messages);
  try {
    const local = await localApi(handle, { as: acting.as, org: acting.org, locale, messages });
    return {
      ...local,
      async close() {
        await local.close();
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Runs one command line; answers the exit code (the process's own entry, bin/riktning.mjs, exits with it). */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  // The language first, so that even a wrong command line is answered in it.
  const early = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false });
  const asked = typeof early.values.lang === 'string' ? early.values.lang : undefined;
  const locale = cliLocale(asked, io.env);
  const messages = CLI_MESSAGES[locale];
  let api: Api | undefined;
  try {
    const { values, positionals } = parse(argv, messages);
    if (values.version) {
      io.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    if (values.help || positionals.length === 0) {
      io.stdout.write(`${messages.help}\n`);
      return values.help ? EXIT.ok : EXIT.usage;
    }
    if (asked !== undefined && !(LOCALES as readonly string[]).includes(asked)) {
      throw new CliError(EXIT.usage, messages.badValue('--lang', asked, messages.oneOf(LOCALES)));
    }
    const format = (values.format ?? 'table') as Format;
    if (!FORMATS.includes(format)) {
      throw new CliError(EXIT.usage, messages.badValue('--format', format, messages.oneOf(FORMATS)));
    }
    const { load, args } = commandOf(positionals, messages);
    const url = io.env.RIKTNING_URL;
    const databaseUrl = io.env.DATABASE_URL || undefined;
    const dataDir = path.resolve(io.env.RIKTNING_DATA_DIR ?? './data');
    const context: CommandContext = {
      args,
      options: values,
      locale,
      messages,
      format,
      stdout: io.stdout,
      stderr: io.stderr,
      dataDir,
      databaseUrl,
      async api() {
        api ??= await openApi({ url, token: io.env.RIKTNING_TOKEN, dataDir, databaseUrl }, values, locale, messages);
        return api;
      },
    };
    const command = await load();
    await command(context);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr.write(`${[error.message, ...error.details.map((line) => `  ${line}`)].join('\n')}\n`);
    return error.exitCode;
  } finally {
    await api?.close();
  }
}
