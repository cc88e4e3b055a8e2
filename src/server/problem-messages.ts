// Every problem a person may read, in Swedish and English. `{name}` is replaced by the
// parameter of that name.
import type { Locale } from '../core/domain.ts';

type Texts = Record<Locale, string>;

export const PROBLEM_TITLES: Record<string, Texts> = {
  bad_request: { en: 'The request is not valid', sv: 'Begäran är inte giltig' },
  validation: { en: 'Some fields are not valid', sv: 'Några fält är inte giltiga' },
  invalid: { en: 'Some fields are not valid', sv: 'Några fält är inte giltiga' },
  not_found: { en: '{entity} not found', sv: '{entity} hittades inte' },
  route_not_found: { en: 'There is no such address in the API', sv: 'Adressen finns inte i API:t' },
  forbidden: { en: 'You are not allowed to do this', sv: 'Du har inte behörighet att göra detta' },
  sso_required: {
    en: 'Your organisation signs in through its identity provider: use “Sign in with …” instead of a password',
    sv: 'Din organisation loggar in via sin identitetsleverantör: använd ”Logga in med …” i stället för ett lösenord',
  },
  unauthenticated: { en: 'Sign in first', sv: 'Logga in först' },
  session_expired: {
    en: 'Your session has ended (unused for too long, or too old): sign in again',
    sv: 'Din session har upphört (oanvänd för länge eller för gammal): logga in igen',
  },
  token_expired: {
    en: 'This API token has expired: create a new one, or rotate the service account’s token',
    sv: 'Den här API-token har gått ut: skapa en ny eller byt tjänstekontots token',
  },
  scope_insufficient: {
    en: 'This service account’s token may only read: give it a scope that writes',
    sv: 'Tjänstekontots token får bara läsa: ge det en behörighet som skriver',
  },
  people_only: {
    en: 'Only a person can do this, not a service account',
    sv: 'Bara en person kan göra detta, inte ett tjänstekonto',
  },
  invalid_credentials: { en: 'Wrong e-mail or password', sv: 'Fel e-postadress eller lösenord' },
  csrf_failed: {
    en: 'The request lacks a valid CSRF token (send the X-CSRF-Token header from sign-in)',
    sv: 'Begäran saknar en giltig CSRF-token (skicka huvudet X-CSRF-Token från inloggningen)',
  },
  database_busy: {
    en: 'The server is too busy to answer now; try again in a moment',
    sv: 'Servern är för upptagen för att svara just nu; försök igen om en stund',
  },
  rate_limited: {
    en: 'Too many attempts; wait a few minutes and try again',
    sv: 'För många försök; vänta några minuter och försök igen',
  },
  precondition_required: {
    en: 'Send If-Match with the ETag from your last read, so no one else’s change is overwritten',
    sv: 'Skicka If-Match med ETag från din senaste läsning, så att ingen annans ändring skrivs över',
  },
  check_in_not_yours: {
    en: 'Only the person who made a check-in can correct or remove it',
    sv: 'Bara den som gjorde en avstämning kan rätta eller ta bort den',
  },
  check_in_correction_over: {
    en: 'A check-in can be corrected or removed for a day after it was made; check in again instead',
    sv: 'En avstämning kan rättas eller tas bort ett dygn efter att den gjordes; stäm av på nytt i stället',
  },
  precondition_failed: {
    en: 'Someone else changed this since you read it; reload and try again',
    sv: 'Någon annan har ändrat detta sedan du läste det; läs in igen och försök på nytt',
  },
  conflict: { en: 'This conflicts with what is already there', sv: 'Detta krockar med det som redan finns' },
  payload_too_large: { en: 'The request body is too large', sv: 'Begärans innehåll är för stort' },
  unsupported_media_type: { en: 'Send the body as application/json', sv: 'Skicka innehållet som application/json' },
  malformed_json: { en: 'The body is not valid JSON', sv: 'Innehållet är inte giltig JSON' },
  unstorable_text: {
    en: 'The request holds a character that cannot be stored (U+0000 or half of a surrogate pair)',
    sv: 'Begäran innehåller ett tecken som inte kan sparas (U+0000 eller ett halvt surrogatpar)',
  },
  bad_url: {
    en: 'The address is not valid: a %-escape in it is broken or not UTF-8',
    sv: 'Adressen är inte giltig: en %-kodning i den är trasig eller inte UTF-8',
  },
  malformed_request: {
    en: 'The request is not valid HTTP',
    sv: 'Begäran är inte giltig HTTP',
  },
  request_timeout: {
    en: 'The request took too long to arrive',
    sv: 'Begäran tog för lång tid att komma fram',
  },
  headers_too_large: {
    en: 'The request’s headers are too large',
    sv: 'Begärans huvuden är för stora',
  },
  param_too_long: {
    en: 'A part of the address is too long to be anything here',
    sv: 'En del av adressen är för lång för att kunna vara något här',
  },
  internal: { en: 'Something went wrong on our side', sv: 'Något gick fel hos oss' },
  database_unavailable: {
    en: 'The database does not answer; this server is not ready for requests',
    sv: 'Databasen svarar inte; servern är inte redo för anrop',
  },
  migrations_pending: {
    en: 'The database lacks {count} of this version’s migrations; this server is not ready for requests',
    sv: 'Databasen saknar {count} av den här versionens migreringar; servern är inte redo för anrop',
  },
  metrics_token: {
    en: 'Send the metrics token (RIKTNING_METRICS_TOKEN) as Authorization: Bearer …',
    sv: 'Skicka mätvärdestoken (RIKTNING_METRICS_TOKEN) som Authorization: Bearer …',
  },
  alignment_loop: {
    en: 'An objective cannot support an objective that (indirectly) supports it',
    sv: 'Ett mål kan inte stödja ett mål som (indirekt) stöder det',
  },
  email_taken: { en: 'That e-mail address is already in use', sv: 'E-postadressen används redan' },
  already_member: { en: 'That person is already a member', sv: 'Personen är redan medlem' },
  last_owner: {
    en: 'An organisation needs at least one owner',
    sv: 'En organisation behöver minst en ägare',
  },
  slug_taken: { en: 'That short name is already taken', sv: 'Det korta namnet är upptaget' },
  archived: {
    en: '{entity} is archived; restore it first',
    sv: '{entity} är arkiverad; återställ den först',
  },
  objective_archived: {
    en: 'The objective it belongs to, “{title}”, is archived; restore the objective first',
    sv: 'Målet det hör till, ”{title}”, är arkiverat; återställ målet först',
  },
  key_result_archived: {
    en: 'The key result it belongs to, “{title}”, is archived; restore the key result first',
    sv: 'Nyckelresultatet det hör till, ”{title}”, är arkiverat; återställ nyckelresultatet först',
  },
  parent_archived: {
    en: 'The unit above, “{title}”, is archived; restore it first',
    sv: 'Enheten ovanför, ”{title}”, är arkiverad; återställ den först',
  },
  setup_done: {
    en: 'Riktning is already set up; sign in instead',
    sv: 'Riktning är redan konfigurerat; logga in i stället',
  },
  already_active: {
    en: 'This person can already sign in and needs no invitation',
    sv: 'Personen kan redan logga in och behöver ingen inbjudan',
  },
  invited_elsewhere: {
    en: 'Another organisation invited this person first; they join with that invitation and then see this organisation too',
    sv: 'En annan organisation bjöd in personen först; hen går med via den inbjudan och ser sedan även denna organisation',
  },
  invitation_invalid: {
    en: 'This invitation link does not work: it is unknown, has expired or has already been used. Ask for a new one',
    sv: 'Inbjudningslänken fungerar inte: den är okänd, har gått ut eller har redan använts. Be om en ny',
  },
  invitation_sign_in: {
    en: 'This address already has a Riktning account: sign in as it to accept the invitation',
    sv: 'Adressen har redan ett konto i Riktning: logga in med det för att tacka ja till inbjudan',
  },
  invitation_other_account: {
    en: 'This invitation is for another account: sign in with the invited address to accept it',
    sv: 'Inbjudan gäller ett annat konto: logga in med den inbjudna adressen för att tacka ja',
  },
  cycle_not_active: {
    en: 'Only an active cycle can be closed',
    sv: 'Bara en aktiv period kan avslutas',
  },
  cycle_not_closed: {
    en: 'Only a closed cycle can be reopened',
    sv: 'Bara en avslutad period kan öppnas igen',
  },
  cycle_name_taken: {
    en: 'There is already a cycle called “{name}”; choose another name',
    sv: 'Det finns redan en period som heter ”{name}”; välj ett annat namn',
  },
  year_exists: {
    en: '{name} and all its quarters already exist',
    sv: '{name} och alla dess kvartal finns redan',
  },
  cycle_not_empty: {
    en: '“{name}” holds objectives or reflections (also in the cycles within it) and cannot be deleted; close it instead',
    sv: '”{name}” har mål eller reflektioner (även i perioderna inom den) och kan inte tas bort; avsluta den i stället',
  },
  cycle_closed_kept: {
    en: '“{name}” or a cycle within it is closed: closed cycles are kept',
    sv: '”{name}” eller en period inom den är avslutad: avslutade perioder sparas',
  },
  already_carried_over: {
    en: 'This objective has already been carried over to that cycle',
    sv: 'Målet har redan förts över till den perioden',
  },
  objective_achieved: {
    en: 'This objective is already achieved; only unfinished objectives are carried over',
    sv: 'Målet är redan uppnått; bara mål som inte är klara förs över',
  },
  import_invalid: {
    en: 'The file cannot be imported: {count} problems, named by where they are',
    sv: 'Filen kan inte importeras: {count} problem, angivna med var de finns',
  },
  import_target_not_empty: {
    en: 'Import into an organisation that has no units, cycles or objectives yet',
    sv: 'Importera till en organisation som ännu saknar enheter, perioder och mål',
  },
  sheet_too_large: {
    en: 'The sheet is too large: a file may be at most {limit}',
    sv: 'Arket är för stort: en fil får vara högst {limit}',
  },
  sheet_unpacks_too_large: {
    en: 'The workbook unpacks to more than {limit}; save the one sheet to import on its own',
    sv: 'Arbetsboken packas upp till mer än {limit}; spara bladet som ska importeras för sig',
  },
  sheet_too_many_rows: {
    en: 'The sheet has more than {limit} rows below its header; split it into several',
    sv: 'Arket har fler än {limit} rader under rubrikraden; dela upp det i flera',
  },
  sheet_too_many_columns: {
    en: 'The sheet has more than {limit} columns',
    sv: 'Arket har fler än {limit} kolumner',
  },
  sheet_cell_unstorable: {
    en: 'Cell {cell} holds a character that cannot be stored (U+0000 or half of a surrogate pair)',
    sv: 'Cell {cell} innehåller ett tecken som inte kan sparas (U+0000 eller ett halvt surrogatpar)',
  },
  sheet_cell_too_long: {
    en: 'Cell {cell} holds more than {limit} characters',
    sv: 'Cell {cell} har fler än {limit} tecken',
  },
  sheet_has_formulas: {
    en: 'Cell {cell} on the sheet “{sheet}” holds a formula; save the sheet with values only (copy, then paste as values) and upload it again',
    sv: 'Cell {cell} i bladet ”{sheet}” har en formel; spara arket med bara värden (kopiera och klistra in som värden) och ladda upp det igen',
  },
  sheet_has_macros: {
    en: 'The file holds macros ({where}); save it as a plain Excel workbook (.xlsx) or as CSV and upload it again',
    sv: 'Filen innehåller makron ({where}); spara den som en vanlig Excel-arbetsbok (.xlsx) eller som CSV och ladda upp den igen',
  },
  sheet_unsupported_type: {
    en: 'A sheet is read from CSV (text/csv) or Excel (.xlsx); this was sent as {type}',
    sv: 'Ett ark läses från CSV (text/csv) eller Excel (.xlsx); detta skickades som {type}',
  },
  sheet_not_csv: {
    en: 'The file is not text, so not a CSV file; upload a CSV or an Excel (.xlsx) file',
    sv: 'Filen är inte text och alltså ingen CSV-fil; ladda upp en CSV- eller Excel-fil (.xlsx)',
  },
  sheet_csv_broken: {
    en: 'The CSV file cannot be read at line {line} (a quotation mark not closed?)',
    sv: 'CSV-filen kan inte läsas vid rad {line} (ett citattecken som inte stängs?)',
  },
  sheet_not_xlsx: {
    en: 'The file is not a readable Excel workbook (.xlsx)',
    sv: 'Filen är ingen läsbar Excel-arbetsbok (.xlsx)',
  },
  sheet_empty: {
    en: 'The sheet is empty: it needs a header row and rows below it',
    sv: 'Arket är tomt: det behöver en rubrikrad och rader under den',
  },
  sheet_import_invalid: {
    en: 'The sheet cannot be imported: {count} problems, each named by row and column',
    sv: 'Arket kan inte importeras: {count} problem, vart och ett angivet med rad och kolumn',
  },
};

export const FIELD_MESSAGES: Record<string, Texts> = {
  required: { en: 'is required', sv: 'måste anges' },
  sso_not_configured: {
    en: 'needs single sign-on, which this installation does not have (OIDC_ISSUER)',
    sv: 'kräver inloggning via identitetsleverantör, som den här installationen inte har (OIDC_ISSUER)',
  },
  type: { en: 'must be of type {type}', sv: 'måste vara av typen {type}' },
  minLength: { en: 'must be at least {limit} characters', sv: 'måste ha minst {limit} tecken' },
  maxLength: { en: 'must be at most {limit} characters', sv: 'får ha högst {limit} tecken' },
  minimum: { en: 'must be at least {limit}', sv: 'måste vara minst {limit}' },
  maximum: { en: 'must be at most {limit}', sv: 'får vara högst {limit}' },
  exclusiveMinimum: { en: 'must be greater than {limit}', sv: 'måste vara större än {limit}' },
  exclusiveMaximum: { en: 'must be less than {limit}', sv: 'måste vara mindre än {limit}' },
  format: { en: 'must be a valid {format}', sv: 'måste vara ett giltigt värde av formatet {format}' },
  pattern: { en: 'has the wrong format', sv: 'har fel format' },
  enum: { en: 'must be one of: {values}', sv: 'måste vara ett av: {values}' },
  const: { en: 'must be {value}', sv: 'måste vara {value}' },
  anyOf: { en: 'does not match any allowed form', sv: 'matchar ingen tillåten form' },
  additionalProperties: { en: 'is not a known field', sv: 'är inget känt fält' },
  minItems: { en: 'must have at least {limit} items', sv: 'måste ha minst {limit} poster' },
  maxItems: { en: 'must have at most {limit} items', sv: 'får ha högst {limit} poster' },
  uniqueItems: { en: 'must not repeat items', sv: 'får inte upprepa poster' },
  minProperties: { en: 'must change at least one field', sv: 'måste ändra minst ett fält' },
  invalid: { en: 'is not valid', sv: 'är inte giltigt' },
  unstorable_character: {
    en: 'holds a character that cannot be stored (U+0000 or half of a surrogate pair)',
    sv: 'innehåller ett tecken som inte kan sparas (U+0000 eller ett halvt surrogatpar)',
  },
  malformed_escape: {
    en: 'has a %-escape that is broken or not UTF-8',
    sv: 'har en %-kodning som är trasig eller inte UTF-8',
  },
  cursor_invalid: { en: 'is not a cursor from this list', sv: 'är ingen markör från denna lista' },
  batch_outside_api: { en: 'must be a path of this API', sv: 'måste vara en sökväg i detta API' },
  batch_not_json: {
    en: 'answers something other than JSON; ask for it on its own',
    sv: 'svarar med annat än JSON; fråga efter den för sig',
  },
  password_too_short: { en: 'must be at least 8 characters', sv: 'måste ha minst 8 tecken' },
  password_too_long: { en: 'must be at most 128 characters', sv: 'får ha högst 128 tecken' },
  password_too_common: {
    en: 'is one of the most common passwords; choose another',
    sv: 'är ett av de vanligaste lösenorden; välj ett annat',
  },
  password_too_personal: {
    en: 'is built on your name, e-mail address or organisation, which are tried first; add words of your own',
    sv: 'bygger på ditt namn, din e-postadress eller organisationen, som prövas först; lägg till egna ord',
  },
  password_too_guessable: {
    en: 'is too easy to guess: common words, runs like 1234 or abcd and repeats count little; make it longer',
    sv: 'är för lätt att gissa: vanliga ord, följder som 1234 eller abcd och upprepningar räknas lite; gör det längre',
  },
  ends_before_start: { en: 'must not be before the start date', sv: 'får inte vara före startdatumet' },
  webhook_url: {
    en: 'must be an http or https address without a user name or password',
    sv: 'måste vara en http- eller https-adress utan användarnamn och lösenord',
  },
  sso_issuer: {
    en: 'must be an https address of the provider (plain http only on this machine: localhost or 127.0.0.1)',
    sv: 'måste vara en https-adress till leverantören (vanlig http bara på denna maskin: localhost eller 127.0.0.1)',
  },
  service_account_unit: {
    en: 'must be a unit of this organisation that is not archived',
    sv: 'måste vara en enhet i denna organisation som inte är arkiverad',
  },
  chat_url: {
    en: 'must be an https address without a user name or password',
    sv: 'måste vara en https-adress utan användarnamn och lösenord',
  },
  chat_url_slack: {
    en: 'must be a Slack incoming webhook: https://hooks.slack.com/services/…',
    sv: 'måste vara en inkommande webhook i Slack: https://hooks.slack.com/services/…',
  },
  chat_url_teams: {
    en: 'must be a Teams incoming webhook (…webhook.office.com) or a Workflows address (…powerplatform.com, …logic.azure.com)',
    sv: 'måste vara en inkommande webhook i Teams (…webhook.office.com) eller en adress från Workflows (…powerplatform.com, …logic.azure.com)',
  },
  owner_mismatch: {
    en: 'does not match the level (organisation: none; unit: unitId; person: personId)',
    sv: 'stämmer inte med nivån (organisation: inget; enhet: unitId; person: personId)',
  },
  duplicate: { en: 'is already earlier in the file', sv: 'finns redan tidigare i filen' },
  unknown_reference: {
    en: 'refers to something that does not exist here',
    sv: 'hänvisar till något som inte finns här',
  },
  not_a_member: { en: 'is not a member of this organisation', sv: 'är inte medlem i organisationen' },
  mention_not_member: {
    en: 'mentions someone who is not a member of this organisation',
    sv: 'nämner någon som inte är medlem i organisationen',
  },
  too_many_mentions: {
    en: 'may mention at most {limit} people',
    sv: 'får nämna högst {limit} personer',
  },
  theme_name_taken: {
    en: 'is already the name of another strategy theme',
    sv: 'är redan namnet på ett annat strategiskt tema',
  },
  too_many_themes: {
    en: 'would make more than {limit} strategy themes: a strategy is a few directions',
    sv: 'skulle ge fler än {limit} strategiska teman: en strategi är några få riktningar',
  },
  done_in_closed_cycle: {
    en: 'can be marked done only while its cycle is open',
    sv: 'kan markeras som klart bara medan perioden är öppen',
  },
  private_only_personal: {
    en: 'can be private only for individual objectives',
    sv: 'kan vara privat bara för individuella mål',
  },
  unit_loop: { en: 'would put the unit inside itself', sv: 'skulle placera enheten inuti sig själv' },
  repeated_item: {
    en: 'names a key result that is already earlier in the list',
    sv: 'anger ett nyckelresultat som redan finns tidigare i listan',
  },
  check_in_not_allowed: {
    en: 'is a key result you may not check in on',
    sv: 'är ett nyckelresultat som du inte får stämma av',
  },
  cycle_mismatch: {
    en: 'must be an objective of this organisation',
    sv: 'måste vara ett mål i denna organisation',
  },
  target_below_start: {
    en: 'must not be below the start value when the metric is "increase to"',
    sv: 'får inte vara under startvärdet när mätningen är "öka till"',
  },
  target_above_start: {
    en: 'must not be above the start value when the metric is "decrease to"',
    sv: 'får inte vara över startvärdet när mätningen är "minska till"',
  },
  target_required: {
    en: 'is required for this metric',
    sv: 'måste anges för denna mätning',
  },
  starts_after_end: { en: 'must not be after the end date', sv: 'får inte vara efter slutdatumet' },
  cycle_loop: { en: 'would put the cycle inside itself', sv: 'skulle placera perioden inuti sig själv' },
  parent_cycle_too_short: {
    en: 'must be a cycle that covers these dates (it runs {startsOn} – {endsOn})',
    sv: 'måste vara en period som täcker dessa datum (den löper {startsOn} – {endsOn})',
  },
  outside_parent_cycle: {
    en: 'must lie within the parent cycle ({startsOn} – {endsOn})',
    sv: 'måste ligga inom den överordnade perioden ({startsOn} – {endsOn})',
  },
  cycle_children_outside: {
    en: 'must cover the cycles within this one (one has the date {date})',
    sv: 'måste täcka perioderna inom denna (en har datumet {date})',
  },
  cycle_close_command: {
    en: 'cannot be set to closed here; close the cycle with its close command, which also scores its OKRs',
    sv: 'kan inte sättas till avslutad här; avsluta perioden med kommandot för det, som också sätter slutbetyg på dess OKR',
  },
  cycle_reopen_command: {
    en: 'cannot change while the cycle is closed; reopen it first',
    sv: 'kan inte ändras medan perioden är avslutad; öppna den igen först',
  },
  cycle_transition: {
    en: 'cannot change this way: a cycle goes from planning to active to closed',
    sv: 'kan inte ändras så: en period går från planering till aktiv till avslutad',
  },
  key_result_repeated: {
    en: 'names a key result that is already in the list',
    sv: 'anger ett nyckelresultat som redan finns i listan',
  },
  carry_over_same_cycle: {
    en: 'must be another cycle than the objective’s own',
    sv: 'måste vara en annan period än målets egen',
  },
  cycle_closed: {
    en: 'must be a cycle that is not closed',
    sv: 'måste vara en period som inte är avslutad',
  },
};

export const ENTITY_NAMES: Record<string, Texts> = {
  organization: { en: 'Organisation', sv: 'Organisationen' },
  webhook: { en: 'Webhook', sv: 'Webhooken' },
  chat_channel: { en: 'Chat channel', sv: 'Chattkanalen' },
  theme: { en: 'Strategy theme', sv: 'Strategiska temat' },
  unit: { en: 'Unit', sv: 'Enheten' },
  cycle: { en: 'Cycle', sv: 'Perioden' },
  objective: { en: 'Objective', sv: 'Målet' },
  keyResult: { en: 'Key result', sv: 'Nyckelresultatet' },
  checkIn: { en: 'Check-in', sv: 'Avstämningen' },
  activity: { en: 'Activity', sv: 'Aktiviteten' },
  comment: { en: 'Comment', sv: 'Kommentaren' },
  member: { en: 'Member', sv: 'Medlemmen' },
  token: { en: 'API token', sv: 'API-token' },
  service_account: { en: 'Service account', sv: 'Tjänstekontot' },
  sso_provider: { en: 'Sign-in provider', sv: 'Inloggningsleverantören' },
  account: { en: 'Account', sv: 'Kontot' },
  outboxMessage: { en: 'Message', sv: 'Meddelandet' },
};

export function interpolate(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
