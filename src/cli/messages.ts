// What `riktning` says to a person, in Swedish and English. The server's own problems come
// already in the asked language (Accept-Language); these are the command line's words.
import type { Locale } from '../core/domain.ts';

const sv = {
  help: `riktning — Riktnings kommandorad

Användning: riktning <kommando> [argument] [flaggor]

Kommandon:
  export --org KORTNAMN|ID [--out FIL]     Skriv organisationens export (JSON) till standard ut eller FIL
  import --org KORTNAMN|ID FIL [--dry-run] Läs in en export i en organisation utan OKR ännu
  backup [--out KATALOG]                   Säkerhetskopiera den inbyggda databasen
  restore FIL                              Återställ den inbyggda databasen från en säkerhetskopia
  users list --org KORTNAMN|ID             Lista organisationens personer
  users add E-POST --name NAMN --org KORTNAMN|ID [--role member|viewer|admin|owner]
  orgs list                                Lista dina organisationer
  orgs create NAMN --slug KORTNAMN [--locale sv|en]
  check-in NYCKELRESULTAT-ID VÄRDE --confidence 0–10 [--note TEXT]

Flaggor:
  --format table|json   Tabell för människor (standard) eller JSON för skript
  --lang sv|en          Språk (standard: från LANG)
  --as E-POST           Vem kommandot körs som mot den lokala databasen (standard: organisationens ägare)
  --help, --version

Mot en körande server: RIKTNING_URL och RIKTNING_TOKEN (en personlig API-token).
Utan RIKTNING_URL: den lokala databasen (RIKTNING_DATA_DIR eller DATABASE_URL), när ingen server håller den.

Slutkoder: 0 klart, 1 nekat av servern, 2 fel i kommandoraden, 3 inget att prata med, 4 inte inloggad.`,
  unknownCommand: (command: string) => `Okänt kommando: ${command}. Se riktning --help.`,
  missingArgument: (what: string) => `Saknar ${what}. Se riktning --help.`,
  badOption: (detail: string) => `Fel i kommandoraden: ${detail}. Se riktning --help.`,
  badValue: (option: string, value: string, expected: string) => `${option} ${value}: ${expected}.`,
  aNumber: 'ange ett tal',
  aConfidence: 'ange ett heltal från 0 till 10',
  oneOf: (values: readonly string[]) => `ange ett av ${values.join(', ')}`,
  noToken: 'RIKTNING_URL är satt men inte RIKTNING_TOKEN: skapa en personlig API-token under Inställningar.',
  unreachable: (url: string, reason: string) => `Kan inte nå ${url}: ${reason}`,
  serverFailed: (status: number, title: string) => `Servern svarade ${status}: ${title}`,
  notSignedIn: 'Servern tar inte emot token: kontrollera RIKTNING_TOKEN.',
  tokenExpired: 'RIKTNING_TOKEN har gått ut: skapa en ny personlig API-token.',
  unknownOrg: (org: string) => `Ingen av dina organisationer har kortnamnet ${org}.`,
  databaseHeld: (dataDir: string, pid: number) =>
    `Servern (process ${pid}) håller databasen i ${dataDir}. Sätt RIKTNING_URL och RIKTNING_TOKEN för att prata med den.`,
  noAccount: 'Det finns inget konto att köra som: starta servern och gör första inställningen, eller ange --as.',
  unknownAccount: (email: string) => `Inget konto har e-postadressen ${email}.`,
  onPostgres: 'Med PostgreSQL (DATABASE_URL) säkerhetskopierar du med pg_dump och pg_restore: se docs/backup.md.',
  backupWritten: (file: string, size: string) => `Säkerhetskopia skriven: ${file} (${size})`,
  backupAskedServer: (pid: number) => `Servern (process ${pid}) gör säkerhetskopian …`,
  backupTimedOut: 'Servern skrev ingen säkerhetskopia inom två minuter; se serverns logg.',
  contents: (c: Contents) =>
    `${c.organizations} organisationer, ${c.people} personer, ${c.objectives} mål, ${c.checkIns} avstämningar`,
  restored: 'Återställd.',
  previousKept: (dir: string) => `Databasen som ersattes finns kvar i ${dir}.`,
  restoreStaged: (pid: number) =>
    `Servern (process ${pid}) kör: säkerhetskopian återställs när den startar nästa gång. Starta om den nu för att återställa.`,
  fileMissing: (file: string) => `Filen ${file} finns inte.`,
  unreadableBackup: (file: string, reason: string) =>
    `${file} är ingen säkerhetskopia som går att återställa: ${reason}`,
  notJson: (file: string, reason: string) => `${file} är inte giltig JSON: ${reason}`,
  importDone: 'Inläsningen är klar.',
  dryRunDone: 'Provkörning: inget skrevs. Detta skulle skapas:',
  problemsHeading: (count: number) => `${count} problem:`,
  checkedIn: (title: string, progress: number) => `Avstämt: ${title}, framsteg ${progress} %`,
  orgCreated: (name: string, slug: string) => `Organisationen ${name} (${slug}) är skapad.`,
  invitationSent: (email: string, expiresOn: string) =>
    `Inbjudan skickad till ${email}. Personen är med när hen tackar ja (senast ${expiresOn}).`,
  columns: {
    kind: 'Slag',
    count: 'Antal',
    name: 'Namn',
    slug: 'Kortnamn',
    role: 'Roll',
    id: 'Id',
    email: 'E-post',
  },
  roles: { owner: 'ägare', admin: 'administratör', member: 'medlem', viewer: 'läsare' } as Record<string, string>,
  kinds: {
    people: 'personer',
    newAccounts: 'nya konton',
    units: 'enheter',
    cycles: 'perioder',
    objectives: 'mål',
    keyResults: 'nyckelresultat',
    checkIns: 'avstämningar',
    activities: 'aktiviteter',
    comments: 'kommentarer',
    reflections: 'reflektioner',
  } as Record<string, string>,
};

export interface Contents {
  organizations: number;
  people: number;
  objectives: number;
  checkIns: number;
}

export type CliMessages = typeof sv;

const en: CliMessages = {
  help: `riktning — Riktning's command line

Usage: riktning <command> [arguments] [options]

Commands:
  export --org SLUG|ID [--out FILE]        Write the organisation's export (JSON) to standard output or FILE
  import --org SLUG|ID FILE [--dry-run]    Load an export into an organisation that has no OKRs yet
  backup [--out DIRECTORY]                 Back up the embedded database
  restore FILE                             Restore the embedded database from a backup
  users list --org SLUG|ID                 List the organisation's people
  users add EMAIL --name NAME --org SLUG|ID [--role member|viewer|admin|owner]
  orgs list                                List your organisations
  orgs create NAME --slug SLUG [--locale sv|en]
  check-in KEY-RESULT-ID VALUE --confidence 0–10 [--note TEXT]

Options:
  --format table|json   A table for people (default) or JSON for scripts
  --lang sv|en          Language (default: from LANG)
  --as EMAIL            Whom a command runs as on the local database (default: the organisation's owner)
  --help, --version

Against a running server: RIKTNING_URL and RIKTNING_TOKEN (a personal API token).
Without RIKTNING_URL: the local database (RIKTNING_DATA_DIR or DATABASE_URL), when no server holds it.

Exit codes: 0 done, 1 refused by the server, 2 wrong command line, 3 nothing to talk to, 4 not signed in.`,
  unknownCommand: (command) => `Unknown command: ${command}. See riktning --help.`,
  missingArgument: (what) => `Missing ${what}. See riktning --help.`,
  badOption: (detail) => `Wrong command line: ${detail}. See riktning --help.`,
  badValue: (option, value, expected) => `${option} ${value}: ${expected}.`,
  aNumber: 'give a number',
  aConfidence: 'give a whole number from 0 to 10',
  oneOf: (values) => `give one of ${values.join(', ')}`,
  noToken: 'RIKTNING_URL is set but RIKTNING_TOKEN is not: create a personal API token under Settings.',
  unreachable: (url, reason) => `Cannot reach ${url}: ${reason}`,
  serverFailed: (status, title) => `The server answered ${status}: ${title}`,
  notSignedIn: 'The server does not take the token: check RIKTNING_TOKEN.',
  tokenExpired: 'RIKTNING_TOKEN has expired: create a new personal API token.',
  unknownOrg: (org) => `None of your organisations has the short name ${org}.`,
  databaseHeld: (dataDir, pid) =>
    `The server (process ${pid}) holds the database in ${dataDir}. Set RIKTNING_URL and RIKTNING_TOKEN to talk to it.`,
  noAccount: 'There is no account to act as: start the server and set it up first, or give --as.',
  unknownAccount: (email) => `No account has the e-mail address ${email}.`,
  onPostgres: 'On PostgreSQL (DATABASE_URL) back up with pg_dump and pg_restore: see docs/backup.md.',
  backupWritten: (file, size) => `Backup written: ${file} (${size})`,
  backupAskedServer: (pid) => `The server (process ${pid}) is making the backup …`,
  backupTimedOut: 'The server wrote no backup within two minutes; see its log.',
  contents: (c) =>
    `${c.organizations} organisations, ${c.people} people, ${c.objectives} objectives, ${c.checkIns} check-ins`,
  restored: 'Restored.',
  previousKept: (dir) => `The database it replaced is kept in ${dir}.`,
  restoreStaged: (pid) =>
    `The server (process ${pid}) is running: the backup is restored when it next starts. Restart it now to restore.`,
  fileMissing: (file) => `The file ${file} does not exist.`,
  unreadableBackup: (file, reason) => `${file} is not a backup that can be restored: ${reason}`,
  notJson: (file, reason) => `${file} is not valid JSON: ${reason}`,
  importDone: 'The import is done.',
  dryRunDone: 'Dry run: nothing was written. This would be created:',
  problemsHeading: (count) => `${count} problems:`,
  checkedIn: (title, progress) => `Checked in: ${title}, progress ${progress} %`,
  orgCreated: (name, slug) => `The organisation ${name} (${slug}) is created.`,
  invitationSent: (email, expiresOn) =>
    `Invitation sent to ${email}. They are in the organisation once they accept it (by ${expiresOn}).`,
  columns: { kind: 'Kind', count: 'Count', name: 'Name', slug: 'Short name', role: 'Role', id: 'Id', email: 'E-mail' },
  roles: { owner: 'owner', admin: 'admin', member: 'member', viewer: 'viewer' },
  kinds: {
    people: 'people',
    newAccounts: 'new accounts',
    units: 'units',
    cycles: 'periods',
    objectives: 'objectives',
    keyResults: 'key results',
    checkIns: 'check-ins',
    activities: 'activities',
    comments: 'comments',
    reflections: 'reflections',
  },
};

export const CLI_MESSAGES: Record<Locale, CliMessages> = { sv, en };

/** The language: --lang, then RIKTNING_LANG, then the locale the shell runs in; English otherwise. */
export function cliLocale(option: string | undefined, env: NodeJS.ProcessEnv): Locale {
  const asked = option ?? env.RIKTNING_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return asked.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}
