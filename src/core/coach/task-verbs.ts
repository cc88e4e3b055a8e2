// Whether a key result's title opens as a task ("Launch the partner programme", "Genomföra
// 10 kundmöten") rather than an outcome. Decided by the first word's role in the sentence,
// not by its stem: a task opens with a verb in the form that gives an order or names the
// doing (English: base form or -ing; Swedish: infinitive, imperative or present tense).
// Nouns and participles that share the verb's stem ("Launches per quarter", "Organisational
// trust", "Publicerade artiklar", "Anställda som …") are other words, and a word that is
// the subject of a change ("Start rate rises …", "Hire count reaches …") is no order.
import { words, type Language } from './text.ts';

/** Each verb in the forms a task opens with; a phrase verb with its particle. */
const TASK_FORMS: Record<Language, readonly (readonly string[])[]> = {
  en: [
    ['launch', 'launching'],
    ['implement', 'implementing'],
    ['create', 'creating'],
    ['develop', 'developing'],
    ['introduce', 'introducing'],
    ['organise', 'organising', 'organize', 'organizing'],
    ['write', 'writing'],
    ['hire', 'hiring'],
    ['recruit', 'recruiting'],
    ['set up', 'setting up'],
    ['roll out', 'rolling out'],
    ['complete', 'completing'],
    ['finish', 'finishing'],
    ['deploy', 'deploying'],
    ['publish', 'publishing'],
    ['arrange', 'arranging'],
    ['conduct', 'conducting'],
    ['establish', 'establishing'],
    ['install', 'installing'],
    ['migrate', 'migrating'],
    ['start', 'starting'],
  ],
  sv: [
    ['lansera', 'lanserar'],
    ['genomföra', 'genomför'],
    ['implementera', 'implementerar'],
    ['införa', 'inför'],
    ['skapa', 'skapar'],
    ['bygga', 'bygg', 'bygger'],
    ['utveckla', 'utvecklar'],
    ['ta fram', 'tar fram'],
    ['anordna', 'anordnar'],
    ['arrangera', 'arrangerar'],
    ['organisera', 'organiserar'],
    ['starta', 'startar'],
    ['skriva', 'skriv', 'skriver'],
    ['anställa', 'anställ', 'anställer'],
    ['rekrytera', 'rekryterar'],
    ['slutföra', 'slutför'],
    ['färdigställa', 'färdigställ', 'färdigställer'],
    ['publicera', 'publicerar'],
    ['rulla ut', 'rullar ut'],
    ['sätta upp', 'sätt upp', 'sätter upp'],
    ['upprätta', 'upprättar'],
    ['etablera', 'etablerar'],
    ['installera', 'installerar'],
    ['migrera', 'migrerar'],
    ['köra', 'kör'],
  ],
};

/** "Hold a workshop" is a task; "hold NPS above 40" a level to keep: the rule asks about these apart. */
const HOLD_FORMS: Record<Language, readonly (readonly string[])[]> = {
  en: [['hold', 'holding']],
  sv: [['hålla', 'håll', 'håller']],
};

/**
 * Verbs of change in a finite form: after the first word or two, they make it the subject
 * of a sentence that reports an outcome ("Start rate rises", "Hire count reaches 40").
 */
const FINITE_CHANGE_VERBS: ReadonlySet<string> = new Set([
  ...['rises', 'rise', 'grows', 'grow', 'increases', 'increase', 'falls', 'fall', 'drops', 'drop'],
  ...['goes', 'go', 'reaches', 'reach', 'improves', 'improve', 'doubles', 'double', 'stays', 'stay'],
  ...['decreases', 'decrease', 'climbs', 'climb', 'is', 'are'],
  ...['ökar', 'minskar', 'växer', 'sjunker', 'stiger', 'når', 'går', 'förbättras', 'fördubblas', 'ligger', 'är'],
]);

/** How many words after the first may hold the verb that makes it a subject. */
const SUBJECT_WINDOW = 2;

const phrases = (forms: Record<Language, readonly (readonly string[])[]>): ReadonlySet<string> =>
  new Set(Object.values(forms).flatMap((verbs) => verbs.flat()));
const TASK_PHRASES = phrases(TASK_FORMS);
const HOLD_PHRASES = phrases(HOLD_FORMS);

function opensWith(title: string, phrasesOfVerbs: ReadonlySet<string>): boolean {
  const list = words(title);
  const [first, second] = list;
  if (!first) return false;
  const length = phrasesOfVerbs.has(first) ? 1 : second && phrasesOfVerbs.has(`${first} ${second}`) ? 2 : 0;
  if (length === 0) return false;
  const next = list.slice(length, length + SUBJECT_WINDOW);
  return !next.some((word) => FINITE_CHANGE_VERBS.has(word));
}

/** Whether the title opens with a task verb ("Launch …", "Genomföra …", "Sätt upp …"). */
export const opensWithTask = (title: string): boolean => opensWith(title, TASK_PHRASES);

/** Whether the title opens with "hold" as a verb ("Hålla 4 kundworkshops", "Hold NPS above 40"). */
export const opensWithHold = (title: string): boolean => opensWith(title, HOLD_PHRASES);
