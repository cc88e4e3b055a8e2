// `riktning check-in KR VALUE --confidence N --note TEXT`: a check-in from a script or a
// terminal, as the web app's check-in dialog makes it.
import type { CommandContext } from '../context.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { writeJson } from '../output.ts';

interface CheckedIn {
  keyResult: { title: string; progress: number };
}

/** "12,5" as well as "12.5": a Swedish keyboard's decimal comma. */
function parseNumber(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) ? value : null;
}

export async function checkInCommand(context: CommandContext): Promise<void> {
  const { messages } = context;
  const [keyResultId, valueText] = context.args;
  if (!keyResultId) throw new CliError(EXIT.usage, messages.missingArgument('KEY-RESULT-ID'));
  if (valueText === undefined) throw new CliError(EXIT.usage, messages.missingArgument('VALUE'));
  const value = parseNumber(valueText);
  if (value === null) throw new CliError(EXIT.usage, messages.badValue('VALUE', valueText, messages.aNumber));
  const confidenceText = context.options.confidence;
  if (confidenceText === undefined) throw new CliError(EXIT.usage, messages.missingArgument('--confidence'));
  const confidence = /^\d{1,2}$/.test(confidenceText) ? Number(confidenceText) : -1;
  if (confidence < 0 || confidence > 10) {
    throw new CliError(EXIT.usage, messages.badValue('--confidence', confidenceText, messages.aConfidence));
  }
  const checkIn = await (
    await context.api()
  ).json<CheckedIn>({
    method: 'POST',
    path: `/key-results/${encodeURIComponent(keyResultId)}/check-ins`,
    body: { value, confidence, ...(context.options.note ? { note: context.options.note } : {}) },
  });
  if (context.format === 'json') return writeJson(context.stdout, checkIn);
  context.stdout.write(
    `${messages.checkedIn(checkIn.keyResult.title, Math.round(checkIn.keyResult.progress * 100))}\n`,
  );
}
