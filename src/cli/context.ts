// What every command runs with: its arguments, the language, the output, and the API.
import type { Writable } from 'node:stream';
import type { Locale } from '../core/domain.ts';
import type { Api } from './api.ts';
import type { CliMessages } from './messages.ts';
import type { Format } from './output.ts';

export interface CommandOptions {
  org?: string;
  out?: string;
  'dry-run'?: boolean;
  name?: string;
  role?: string;
  slug?: string;
  locale?: string;
  confidence?: string;
  note?: string;
}

export interface CommandContext {
  /** The words after the command (and sub-command). */
  args: string[];
  options: CommandOptions;
  locale: Locale;
  messages: CliMessages;
  format: Format;
  stdout: Writable;
  stderr: Writable;
  /** The API, over the network or on the local database; opened on first use. */
  api(): Promise<Api>;
  /** The embedded database's directory (RIKTNING_DATA_DIR), and DATABASE_URL when set. */
  dataDir: string;
  databaseUrl: string | undefined;
}
