// What each rule says, in Swedish and English: what is wrong, why the method cares, and
// what to do. `{name}` is replaced by the advice's parameter of that name; a title that
// counts has a form for one and for more (the language's plural rules pick), and figures
// are written as the language writes them.
import type { Locale } from '../domain.ts';
import type { Advice } from './model.ts';
import { RESTATES_SUPPORTED_KEY_RESULT, type RuleId } from './rule-ids.ts';

export interface RuleText {
  title: string;
  why: string;
  todo: string;
}

/** A text that names `{count}` of something: one form for one, another for more. */
interface Counted {
  one: string;
  other: string;
}

type Texts = Omit<RuleText, 'title'> & { title: string | Counted };
/** A rule's texts, and those of its variants: advice whose `variant` parameter names one is worded by it. */
type RuleTexts = Texts & { variants?: Record<string, Texts> };

export const COACH_MESSAGES: Record<RuleId, Record<Locale, RuleTexts>> = {
  'focus.too-many-objectives': {
    en: {
      title: {
        one: '{count} objective in this cycle; the focus range is at most {max}',
        other: '{count} objectives in this cycle; the focus range is at most {max}',
      },
      why: 'OKRs are about focus: with more than a handful of objectives, none of them gets the attention it needs.',
      todo: 'Choose the objectives that matter most now, and move the rest to a later cycle or to the backlog.',
    },
    sv: {
      title: '{count} mål i perioden; fokusintervallet är högst {max}',
      why: 'OKR handlar om fokus: med fler än en handfull mål får inget av dem den uppmärksamhet det behöver.',
      todo: 'Välj de mål som betyder mest nu och flytta resten till en senare period.',
    },
  },
  'focus.too-few-objectives': {
    en: {
      title: {
        one: 'Only {count} objective in this cycle; the focus range starts at {min}',
        other: 'Only {count} objectives in this cycle; the focus range starts at {min}',
      },
      why: 'A few objectives cover the main directions of the work; a single one can leave important parts without a goal.',
      todo: 'Consider whether another area of your work deserves an objective of its own.',
    },
    sv: {
      title: 'Bara {count} mål i perioden; fokusintervallet börjar på {min}',
      why: 'Några få mål täcker verksamhetens viktigaste riktningar; ett enda kan lämna viktiga delar utan mål.',
      todo: 'Fundera på om ett annat område i ert arbete förtjänar ett eget mål.',
    },
  },
  'focus.key-result-count': {
    en: {
      title: { one: '{count} key result; aim for {min}–{max}', other: '{count} key results; aim for {min}–{max}' },
      why: 'Three or four key results describe success from several sides without spreading the effort thin.',
      todo: 'Add key results until success is clearly measurable, or keep only the ones that say most about it.',
    },
    sv: {
      title: '{count} nyckelresultat; sikta på {min}–{max}',
      why: 'Tre eller fyra nyckelresultat beskriver framgång från flera håll utan att sprida insatsen för tunt.',
      todo: 'Lägg till nyckelresultat tills framgången går att mäta, eller behåll bara de som säger mest.',
    },
  },
  'key-result.no-owner': {
    en: {
      title: '“{title}” has no owner',
      why: 'A key result that belongs to everyone belongs to no one; one owner keeps it moving and checks in.',
      todo: 'Choose one person who owns the key result (the team still does the work together).',
    },
    sv: {
      title: '”{title}” saknar ägare',
      why: 'Ett nyckelresultat som är allas är ingens; en ägare håller det levande och stämmer av.',
      todo: 'Välj en person som äger nyckelresultatet (teamet gör fortfarande arbetet tillsammans).',
    },
  },
  'key-result.start-equals-target': {
    en: {
      title: '“{title}” starts where it should end ({value})',
      why: 'With start equal to target there is no change to measure, so progress says nothing.',
      todo: 'Set the value you start from and the one you aim for, or use “stay at or above/below” for a level to keep.',
    },
    sv: {
      title: '”{title}” börjar där det ska sluta ({value})',
      why: 'När start och mål är lika finns ingen förändring att mäta, och framsteget säger ingenting.',
      todo: 'Ange värdet ni utgår från och det ni siktar på, eller använd ”hålla lägst/högst” för en nivå att behålla.',
    },
  },
  'key-result.no-measurable-target': {
    en: {
      title: '“{title}” has no measurable target',
      why: 'A key result is a number that shows the objective is reached; without one, nobody can tell how far you are.',
      todo: 'Say what you will measure and how much: e.g. “from 20 to 45 NPS” rather than “better customer satisfaction”.',
    },
    sv: {
      title: '”{title}” saknar ett mätbart mål',
      why: 'Ett nyckelresultat är ett tal som visar att målet är nått; utan det kan ingen se hur långt ni kommit.',
      todo: 'Säg vad ni mäter och hur mycket: t.ex. ”NPS från 20 till 45” i stället för ”nöjdare kunder”.',
    },
  },
  'key-result.is-activity': {
    en: {
      title: '“{title}” looks like an activity, not a result',
      why: 'Key results describe the outcome you want; the work to get there belongs in the action plan, where the team can change it.',
      todo: 'Ask “what will be different when this is done?” and measure that; move the task itself to the activities.',
    },
    sv: {
      title: '”{title}” ser ut som en aktivitet, inte ett resultat',
      why: 'Nyckelresultat beskriver effekten ni vill nå; arbetet dit hör hemma i handlingsplanen, där teamet kan ändra det.',
      todo: 'Fråga ”vad är annorlunda när detta är gjort?” och mät det; flytta själva uppgiften till aktiviteterna.',
    },
  },
  'alignment.waterfall': {
    en: {
      title: '“{title}” restates the key result “{keyResult}”',
      why: 'Alignment, not waterfall: copying a key result from above turns the team into a task list and loses its own insight.',
      todo: 'Write the team’s own objective about how you can contribute most to it, and link it as support.',
      variants: {
        [RESTATES_SUPPORTED_KEY_RESULT]: {
          title: '“{title}” only restates the key result it supports, “{keyResult}”',
          why: 'Supporting a key result is the method; but an objective that repeats it adds nothing of its own: it is measured by the same number, and your insight into how to move it is lost.',
          todo: 'Keep the link to “{keyResult}” and rewrite the objective as your own contribution to it, e.g. “Increase participation at internal events compared to last year” for “300 participants at internal events”, with key results of your own.',
        },
      },
    },
    sv: {
      title: '”{title}” upprepar nyckelresultatet ”{keyResult}”',
      why: 'Samordning, inte vattenfall: att kopiera ett nyckelresultat ovanifrån gör teamet till en uppgiftslista och tappar dess egen insikt.',
      todo: 'Skriv teamets eget mål om hur ni kan bidra mest, och länka det som stöd.',
      variants: {
        [RESTATES_SUPPORTED_KEY_RESULT]: {
          title: '”{title}” upprepar bara nyckelresultatet det stöder, ”{keyResult}”',
          why: 'Att stödja ett nyckelresultat är metoden; men ett mål som upprepar det tillför inget eget: det mäts med samma tal, och er insikt om hur det kan nås går förlorad.',
          todo: 'Behåll kopplingen till ”{keyResult}” och skriv om målet som ert eget bidrag till det, t.ex. ”Öka deltagandet på interna event jämfört med förra året” för ”300 deltagare på interna event”, med egna nyckelresultat.',
        },
      },
    },
  },
  'alignment.unit-supports-nothing': {
    en: {
      title: '“{title}” supports no organisation objective',
      why: 'Teams may have objectives of their own; but a link, directly or through the objectives it supports, shows how the work contributes to where the organisation is heading.',
      todo: 'If it contributes to an organisation objective, link it; if not, that is fine — just be sure it is intended.',
    },
    sv: {
      title: '”{title}” stöder inget organisationsmål',
      why: 'Team får ha egna mål; men en länk, direkt eller via de mål det stöder, visar hur arbetet bidrar till vart organisationen är på väg.',
      todo: 'Om det bidrar till ett organisationsmål, länka det; om inte är det okej — se bara till att det är avsiktligt.',
    },
  },
  'alignment.person-supports-nothing': {
    en: {
      title: '“{title}” supports nothing and is not personal development',
      why: 'Individual OKRs come from the team’s: a link shows how your work helps, and helps your team see it.',
      todo: 'Link it to the team objective it supports, or mark it as personal development if that is what it is.',
    },
    sv: {
      title: '”{title}” stöder inget och är inte personlig utveckling',
      why: 'Individuella OKR utgår från teamets: en länk visar hur ditt arbete bidrar och gör det synligt för teamet.',
      todo: 'Länka det till teamets mål som det stöder, eller markera det som personlig utveckling om det är det.',
    },
  },
  'organization.no-vision-or-strategy': {
    en: {
      title: 'The organisation has objectives but no {missing}',
      why: 'Objectives are derived from the vision and strategy; without them teams cannot reason about what to support.',
      todo: 'Write the vision and strategy in the organisation profile.',
    },
    sv: {
      title: 'Organisationen har mål men saknar {missing}',
      why: 'Målen härleds ur vision och strategi; utan dem kan teamen inte resonera om vad de ska stödja.',
      todo: 'Skriv vision och strategi i organisationens profil.',
    },
  },
  'unit.no-vision-or-mission': {
    en: {
      title: '{name} has objectives but no {missing}',
      why: 'Each team reasons from its own vision and mission about which organisation objectives it can support best.',
      todo: 'Write the team’s vision and mission on the unit page.',
    },
    sv: {
      title: '{name} har mål men saknar {missing}',
      why: 'Varje team resonerar utifrån sin egen vision och sitt uppdrag om vilka organisationsmål det kan stödja bäst.',
      todo: 'Skriv teamets vision och uppdrag på enhetens sida.',
    },
  },
  'key-result.no-action-plan': {
    en: {
      title: '“{title}” has no activities, {elapsed} into the cycle',
      why: 'Teams turn key results into action plans; without one, a key result tends to wait until it is too late.',
      todo: 'Add the first activities, each with an owner and a due date.',
    },
    sv: {
      title: '”{title}” har inga aktiviteter, {elapsed} in i perioden',
      why: 'Team gör om nyckelresultat till handlingsplaner; utan en plan väntar nyckelresultatet lätt tills det är för sent.',
      todo: 'Lägg till de första aktiviteterna, var och en med ägare och slutdatum.',
    },
  },
};

const MISSING: Record<Locale, Record<string, string>> = {
  en: { vision: 'vision', strategy: 'strategy', mission: 'mission' },
  sv: { vision: 'vision', strategy: 'strategi', mission: 'uppdrag' },
};
const OR: Record<Locale, string> = { en: ' or ', sv: ' eller ' };
/** A draft may not have a title yet. */
const UNTITLED: Record<Locale, string> = { en: 'Untitled', sv: 'Namnlöst' };

const LANGUAGE_TAG: Record<Locale, string> = { en: 'en-GB', sv: 'sv-SE' };

/** The form for the advice's count, by the language's plural rules (a text without one has one form). */
function counted(text: string | Counted, count: unknown, locale: Locale): string {
  if (typeof text === 'string') return text;
  const form = typeof count === 'number' ? new Intl.PluralRules(LANGUAGE_TAG[locale]).select(count) : 'other';
  return form === 'one' ? text.one : text.other;
}

const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));

/** The advice in words, in one language. */
export function describeAdvice(advice: Advice, locale: Locale): RuleText {
  const rule = COACH_MESSAGES[advice.ruleId][locale];
  const variant = advice.params.variant;
  const texts = (typeof variant === 'string' && rule.variants?.[variant]) || rule;
  const params = { ...advice.params };
  for (const name of ['title', 'keyResult']) {
    if (typeof params[name] === 'string' && !params[name].trim()) params[name] = UNTITLED[locale];
  }
  // A share of the cycle, written as the language writes percentages (as the pages do).
  if (typeof params.elapsed === 'number') {
    params.elapsed = new Intl.NumberFormat(LANGUAGE_TAG[locale], { style: 'percent', maximumFractionDigits: 0 }).format(
      params.elapsed / 100,
    );
  }
  if (typeof params.missing === 'string') {
    params.missing = params.missing
      .split(',')
      .map((m) => MISSING[locale][m] ?? m)
      .join(OR[locale]);
  }
  return {
    title: fill(counted(texts.title, advice.params.count, locale), params),
    why: fill(texts.why, params),
    todo: fill(texts.todo, params),
  };
}
