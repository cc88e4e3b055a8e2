import { describe, expect, it } from 'vitest';
import { LOCALES } from '../domain.ts';
import type { Advice, CoachKeyResult, CoachObjective, CoachSnapshot, SupportedKeyResult } from './model.ts';
import { COACH_MESSAGES, describeAdvice } from './messages.ts';
import { RESTATES_SUPPORTED_KEY_RESULT } from './rule-ids.ts';
import {
  ACTION_PLAN_AFTER,
  RESTATEMENT_THRESHOLD,
  RULES,
  RULES_BY_ID,
  RULE_IDS,
  runCoach,
  type RuleId,
} from './rules.ts';

// Key results are numbered in the order they are built, so the baseline's ids are fixed:
// o1 holds kr1–kr3, o2 kr4–kr6, o3 kr7–kr9, t1 kr10–kr12, t2 kr13–kr15, t3 kr16–kr18.
//
// A well-formed organisation that the coach has nothing to say about: vision and strategy,
// three organisation objectives, a team with vision and mission and three objectives of
// its own that support them, and a person whose objective supports the team's. Every
// objective has three measurable key results with an owner and an action plan. Each case
// below changes one thing.

let krSeq = 0;
function kr(overrides: Partial<CoachKeyResult> = {}): CoachKeyResult {
  const n = ++krSeq;
  return {
    id: `kr${n}`,
    title: `${10 + n} nya kunder i region ${n}`,
    metric: 'increase_to',
    start: 0,
    target: 10 + n,
    unit: 'kunder',
    ownerId: 'anna',
    hasActionPlan: true,
    ...overrides,
  };
}
const krs = (n = 3) => Array.from({ length: n }, () => kr());

function objective(id: string, overrides: Partial<CoachObjective> = {}): CoachObjective {
  return {
    id,
    title: `Ett eget mål ${id}`,
    level: 'organization',
    unitId: null,
    personId: null,
    kind: 'committed',
    inCycle: true,
    supports: [],
    supportsKeyResults: [],
    servesTheme: false,
    keyResults: krs(),
    ...overrides,
  };
}
const teamObjective = (id: string, overrides: Partial<CoachObjective> = {}) =>
  objective(id, { level: 'unit', unitId: 'marknad', supports: ['o1'], ...overrides });
const personObjective = (id: string, overrides: Partial<CoachObjective> = {}) =>
  objective(id, { level: 'person', personId: 'sara', supports: ['t1'], ...overrides });

function baseline(): CoachSnapshot {
  return {
    now: new Date('2026-05-15T10:00:00Z'),
    org: {
      id: 'org',
      vision: 'Ett hållbart Norden',
      strategy: 'Nära kunderna',
      focus: { objectivesMin: 3, objectivesMax: 4, keyResultsMin: 3, keyResultsMax: 4 },
    },
    cycle: { id: 'q2', startsOn: '2026-04-01', endsOn: '2026-06-30' },
    units: [{ id: 'marknad', name: 'Marknad', vision: 'Alla känner oss', mission: 'Vi skapar möten' }],
    objectives: [
      objective('o1'),
      objective('o2'),
      objective('o3'),
      teamObjective('t1', { supports: ['o1'] }),
      teamObjective('t2', { supports: ['o2'] }),
      teamObjective('t3', { supports: ['o3'] }),
      personObjective('p1'),
    ],
  };
}

const find = (s: CoachSnapshot, id: string): CoachObjective => {
  const found = s.objectives.find((o) => o.id === id);
  if (!found) throw new Error(`no objective ${id}`);
  return found;
};
const firstKr = (s: CoachSnapshot, id: string): CoachKeyResult => find(s, id).keyResults[0] as CoachKeyResult;

/** The marketing team and Sara from DESIGN.md's worked example, added to the baseline. */
function workedExample(s: CoachSnapshot, saraTitle: string, language: 'sv' | 'en' = 'sv'): void {
  const team = find(s, 't1');
  team.title =
    language === 'sv'
      ? 'Göra våra egna event till den bästa platsen att möta oss'
      : 'Make our own events the best place to meet us';
  team.keyResults = [
    kr({
      id: 'events',
      title: language === 'sv' ? '300 deltagare på interna event' : '300 participants at internal events',
      start: 180,
      target: 300,
      unit: language === 'sv' ? 'deltagare' : 'participants',
    }),
    kr(),
    kr(),
  ];
  const sara = find(s, 'p1');
  sara.title = saraTitle;
  sara.supports = ['t1'];
  sara.keyResults =
    language === 'sv'
      ? [
          kr({ title: 'E-post ger 100 anmälningar', target: 100, unit: 'anmälningar' }),
          kr({ title: 'Varje säljare bjuder in minst 10 kunder', target: 10, unit: 'kunder' }),
          kr({ title: 'Sociala medier ger 100 anmälningar', target: 100, unit: 'anmälningar' }),
        ]
      : [
          kr({ title: 'E-mail generates 100 registrations', target: 100, unit: 'registrations' }),
          kr({ title: 'Every salesperson invites at least 10 customers', target: 10, unit: 'customers' }),
          kr({ title: 'Social media generates 100 registrations', target: 100, unit: 'registrations' }),
        ];
}

/** The marketing team's key result as an objective that supports it sees it. */
const EVENTS: SupportedKeyResult = { id: 'events', title: '300 deltagare på interna event', target: 300 };
const EVENTS_EN: SupportedKeyResult = { id: 'events', title: '300 participants at internal events', target: 300 };

interface RuleCase {
  rule: RuleId;
  case: string;
  change: (s: CoachSnapshot) => void;
  /** The advice the rule must give (each matched partially), or [] when it must stay quiet. */
  expect: Partial<Advice>[];
}

const cases: RuleCase[] = [
  // Focus: objectives per owner.
  {
    rule: 'focus.too-many-objectives',
    case: 'a team with five objectives',
    change: (s) => s.objectives.push(teamObjective('t4'), teamObjective('t5')),
    expect: [{ target: { type: 'unit', id: 'marknad' }, objectiveId: null, params: { count: 5, max: 4 } }],
  },
  {
    rule: 'focus.too-many-objectives',
    case: 'a person with five, one of them personal development',
    change: (s) =>
      s.objectives.push(
        personObjective('p2'),
        personObjective('p3'),
        personObjective('p4'),
        personObjective('p5', { kind: 'development', supports: [] }),
      ),
    expect: [{ target: { type: 'person', id: 'sara' }, params: { count: 5, max: 4 } }],
  },
  {
    rule: 'focus.too-many-objectives',
    case: 'four objectives is within the range',
    change: (s) => s.objectives.push(teamObjective('t4'), objective('o4')),
    expect: [],
  },
  {
    rule: 'focus.too-many-objectives',
    case: 'the organisation’s objectives for the year are context, not counted',
    change: (s) => s.objectives.push(objective('y1', { inCycle: false }), objective('y2', { inCycle: false })),
    expect: [],
  },
  {
    rule: 'focus.too-many-objectives',
    case: 'the organisation’s own range',
    change: (s) => {
      s.org.focus.objectivesMax = 6;
      s.objectives.push(teamObjective('t4'), teamObjective('t5'));
    },
    expect: [],
  },
  {
    rule: 'focus.too-few-objectives',
    case: 'a team with two objectives and a development plan',
    change: (s) => {
      s.objectives = s.objectives.filter((o) => o.id !== 't3');
      s.objectives.push(teamObjective('t4', { kind: 'development' }));
    },
    expect: [{ target: { type: 'unit', id: 'marknad' }, objectiveId: null, params: { count: 2, min: 3 } }],
  },
  {
    rule: 'focus.too-few-objectives',
    case: 'the organisation with one objective',
    change: (s) => (s.objectives = s.objectives.filter((o) => o.id !== 'o2' && o.id !== 'o3')),
    expect: [{ target: { type: 'organization', id: 'org' }, params: { count: 1, min: 3 } }],
  },
  {
    rule: 'focus.too-few-objectives',
    case: 'a person with one objective (individual OKRs are optional and few)',
    change: () => {},
    expect: [],
  },
  {
    rule: 'focus.too-few-objectives',
    case: 'an organisation whose range starts at two',
    change: (s) => {
      s.org.focus.objectivesMin = 2;
      s.objectives = s.objectives.filter((o) => o.id !== 't3');
    },
    expect: [],
  },
  // Focus: key results per objective.
  {
    rule: 'focus.key-result-count',
    case: 'two, five and none',
    change: (s) => {
      find(s, 'o1').keyResults = krs(2);
      find(s, 't1').keyResults = krs(5);
      find(s, 'p1').keyResults = [];
    },
    expect: [
      { target: { type: 'objective', id: 'o1' }, objectiveId: 'o1', params: { count: 2, min: 3, max: 4 } },
      { target: { type: 'objective', id: 't1' }, objectiveId: 't1', params: { count: 5, min: 3, max: 4 } },
      { target: { type: 'objective', id: 'p1' }, objectiveId: 'p1', params: { count: 0, min: 3, max: 4 } },
    ],
  },
  {
    rule: 'focus.key-result-count',
    case: 'four is within the range; context objectives are not reviewed',
    change: (s) => {
      find(s, 'o1').keyResults = krs(4);
      s.objectives.push(objective('y1', { inCycle: false, keyResults: krs(9) }));
    },
    expect: [],
  },
  {
    rule: 'focus.key-result-count',
    case: 'the organisation’s own range',
    change: (s) => {
      s.org.focus.keyResultsMax = 5;
      find(s, 'o1').keyResults = krs(5);
    },
    expect: [],
  },
  // Key results.
  {
    rule: 'key-result.no-owner',
    case: 'a key result nobody owns',
    change: (s) => (firstKr(s, 't2').ownerId = null),
    expect: [{ target: { type: 'keyResult', id: 'kr13' }, objectiveId: 't2' }],
  },
  {
    rule: 'key-result.no-owner',
    case: 'every key result has an owner; a context objective is not reviewed',
    change: (s) => s.objectives.push(objective('y1', { inCycle: false, keyResults: [kr({ ownerId: null })] })),
    expect: [],
  },
  {
    rule: 'key-result.start-equals-target',
    case: 'an increase from 40 to 40',
    change: (s) => Object.assign(firstKr(s, 'o1'), { start: 40, target: 40 }),
    expect: [{ objectiveId: 'o1', params: { value: 40 } }],
  },
  {
    rule: 'key-result.start-equals-target',
    case: 'a decrease from 5 to 5',
    change: (s) => Object.assign(firstKr(s, 'o1'), { metric: 'decrease_to', start: 5, target: 5 }),
    expect: [{ objectiveId: 'o1', params: { value: 5 } }],
  },
  {
    rule: 'key-result.start-equals-target',
    case: 'a threshold and a milestone, whose start says nothing',
    change: (s) => {
      Object.assign(firstKr(s, 'o1'), { metric: 'stay_at_or_above', start: 45, target: 45 });
      Object.assign(firstKr(s, 'o2'), { metric: 'milestone', start: 1, target: 1 });
    },
    expect: [],
  },
  {
    rule: 'key-result.no-measurable-target',
    case: 'a yes/no dressed as 0 to 1, with no unit and no figure',
    change: (s) => Object.assign(firstKr(s, 'o1'), { title: 'Nöjdare kunder', start: 0, target: 1, unit: '' }),
    expect: [{ target: { type: 'keyResult', id: 'kr1' }, objectiveId: 'o1' }],
  },
  {
    rule: 'key-result.no-measurable-target',
    case: 'a draft with no target yet, and “at least 1” of nothing',
    change: (s) => {
      Object.assign(firstKr(s, 'o1'), { target: null });
      Object.assign(firstKr(s, 'o2'), { title: 'Systemet fungerar', metric: 'stay_at_or_above', target: 1, unit: '' });
    },
    expect: [{ objectiveId: 'o1' }, { objectiveId: 'o2' }],
  },
  {
    rule: 'key-result.no-measurable-target',
    case: 'a unit, a figure in the words, a real range, zero incidents or a milestone',
    change: (s) => {
      Object.assign(firstKr(s, 'o1'), { title: 'Fler nöjda kunder', start: 0, target: 1, unit: 'poäng' });
      Object.assign(firstKr(s, 'o2'), {
        title: 'Churn ner till 5 %',
        metric: 'decrease_to',
        start: 1,
        target: 0,
        unit: '',
      });
      Object.assign(firstKr(s, 'o3'), { title: 'Lägre churn', metric: 'decrease_to', start: 0.12, target: 0.05 });
      Object.assign(firstKr(s, 't1'), { title: 'Inga allvarliga incidenter', metric: 'stay_at_or_below', target: 0 });
      Object.assign(firstKr(s, 't2'), { title: 'Ny kundportal', metric: 'milestone', target: 1, unit: '' });
    },
    expect: [],
  },
  {
    rule: 'key-result.is-activity',
    case: 'starts with an action verb (Swedish and English) or is a milestone',
    change: (s) => {
      const [a, b, c] = find(s, 'o1').keyResults as [CoachKeyResult, CoachKeyResult, CoachKeyResult];
      a.title = 'Lansera den nya webbplatsen';
      b.title = 'Genomföra 10 kundmöten';
      c.title = 'Launch the partner programme';
      const [d, e, f] = find(s, 't1').keyResults as [CoachKeyResult, CoachKeyResult, CoachKeyResult];
      d.title = 'Implement single sign-on';
      e.title = 'Ta fram en ny prismodell';
      Object.assign(f, { title: 'Ny kundportal i drift', metric: 'milestone', target: 1 });
      firstKr(s, 't2').title = 'Hålla 4 kundworkshops';
    },
    expect: [
      { objectiveId: 'o1', params: { title: 'Lansera den nya webbplatsen' } },
      { objectiveId: 'o1', params: { title: 'Genomföra 10 kundmöten' } },
      { objectiveId: 'o1', params: { title: 'Launch the partner programme' } },
      { objectiveId: 't1', params: { title: 'Implement single sign-on' } },
      { objectiveId: 't1', params: { title: 'Ta fram en ny prismodell' } },
      { objectiveId: 't1', params: { title: 'Ny kundportal i drift' } },
      { objectiveId: 't2', params: { title: 'Hålla 4 kundworkshops' } },
    ],
  },
  {
    rule: 'key-result.is-activity',
    case: 'outcomes, a level to hold, and nouns that share a verb’s stem',
    change: (s) => {
      const [a, b, c] = find(s, 'o1').keyResults as [CoachKeyResult, CoachKeyResult, CoachKeyResult];
      a.title = 'NPS från 30 till 45';
      Object.assign(b, { title: 'Hålla NPS över 40', metric: 'stay_at_or_above', target: 40 });
      Object.assign(c, { title: 'Hold churn below 5 %', metric: 'stay_at_or_below', target: 5 });
      firstKr(s, 't1').title = 'Completion rate 80 %';
      Object.assign(find(s, 't1').keyResults[1] as CoachKeyResult, { title: 'Developer satisfaction 4 of 5' });
      firstKr(s, 't2').title = 'Ta 20 % av marknaden';
    },
    expect: [],
  },
  {
    rule: 'key-result.is-activity',
    case: 'words that share a verb’s stem but are no order: plural nouns, participles, a subject of a change',
    change: (s) => {
      const [a, b, c] = find(s, 'o1').keyResults as [CoachKeyResult, CoachKeyResult, CoachKeyResult];
      a.title = 'Releases per month rise from 2 to 6';
      b.title = 'Organisational trust grows from 55 to 70';
      c.title = 'Publicerade artiklar per månad från 4 till 10';
      const [d, e] = find(s, 't1').keyResults as [CoachKeyResult, CoachKeyResult];
      d.title = 'Start rate rises from 20 % to 40 %';
      e.title = 'Skapade leads från 100 till 250';
      firstKr(s, 't2').title = 'Anställda som rekommenderar oss från 40 till 60 %';
    },
    expect: [],
  },
  // Alignment, not waterfall.
  {
    rule: 'alignment.waterfall',
    case: 'an objective titled with the marketing team’s key result (DESIGN.md)',
    change: (s) => workedExample(s, '300 deltagare på interna event'),
    expect: [
      {
        target: { type: 'objective', id: 'p1' },
        objectiveId: 'p1',
        params: { title: '300 deltagare på interna event', keyResult: '300 deltagare på interna event' },
      },
    ],
  },
  {
    rule: 'alignment.waterfall',
    case: 'the marketing key result with a word of direction, and without its place',
    change: (s) => {
      workedExample(s, 'Nå 300 deltagare');
      s.objectives.push(personObjective('p2', { title: 'Nå 300 deltagare på interna event', personId: 'olle' }));
    },
    expect: [{ objectiveId: 'p1' }, { objectiveId: 'p2' }],
  },
  {
    rule: 'alignment.waterfall',
    case: 'in English: “Increase NPS to 45” under “Increase NPS from 30 to 45”',
    change: (s) => {
      firstKr(s, 'o1').title = 'Increase NPS from 30 to 45';
      firstKr(s, 'o1').target = 45;
      find(s, 't1').title = 'Increase NPS to 45';
    },
    expect: [{ objectiveId: 't1', params: { title: 'Increase NPS to 45', keyResult: 'Increase NPS from 30 to 45' } }],
  },
  {
    rule: 'alignment.waterfall',
    case: 'in Swedish, restating a key result of an organisation objective it does not support',
    change: (s) => {
      Object.assign(firstKr(s, 'o3'), { title: 'NPS från 30 till 45', start: 30, target: 45 });
      find(s, 't1').title = 'Öka NPS till 45';
    },
    expect: [{ objectiveId: 't1', params: { keyResult: 'NPS från 30 till 45' } }],
  },
  {
    rule: 'alignment.waterfall',
    case: 'the figure repeated with words of the team’s own (how it gets there) is the team’s own',
    change: (s) => {
      Object.assign(firstKr(s, 'o3'), { title: 'NPS från 30 till 45', start: 30, target: 45 });
      find(s, 't1').title = 'Öka NPS till 45 genom en bättre introduktion för nya kunder';
    },
    expect: [],
  },
  {
    rule: 'alignment.waterfall',
    case: 'restating a key result of the year’s organisation objective (context)',
    change: (s) => {
      s.objectives.push(
        objective('y1', { inCycle: false, keyResults: [kr({ title: '40 nya återförsäljare', target: 40 })] }),
      );
      find(s, 't2').title = '40 nya återförsäljare';
    },
    expect: [{ objectiveId: 't2', params: { keyResult: '40 nya återförsäljare' } }],
  },
  {
    rule: 'alignment.waterfall',
    case: 'Sara’s own objective supporting the team’s (DESIGN.md) is well aligned',
    change: (s) => workedExample(s, 'Öka deltagandet på interna event jämfört med förra året'),
    expect: [],
  },
  {
    rule: 'alignment.waterfall',
    case: 'the same in English',
    change: (s) => workedExample(s, 'Increase participation at internal events compared to last year', 'en'),
    expect: [],
  },
  {
    rule: 'alignment.waterfall',
    case: 'a theme without the figure; organisation objectives; objectives not under review',
    change: (s) => {
      Object.assign(firstKr(s, 'o1'), { title: 'NPS för nöjda kunder från 20 till 45', target: 45 });
      find(s, 't1').title = 'Nöjda kunder';
      find(s, 'o2').title = 'NPS för nöjda kunder från 20 till 45';
      s.objectives.push(teamObjective('y1', { inCycle: false, title: 'NPS för nöjda kunder från 20 till 45' }));
    },
    expect: [],
  },
  {
    rule: 'alignment.waterfall',
    case: 'an objective titled with the key result it supports itself: named as such',
    change: (s) => {
      workedExample(s, '300 deltagare på interna event');
      find(s, 'p1').supportsKeyResults = [EVENTS];
    },
    expect: [
      {
        target: { type: 'objective', id: 'p1' },
        objectiveId: 'p1',
        params: {
          title: '300 deltagare på interna event',
          keyResult: '300 deltagare på interna event',
          variant: RESTATES_SUPPORTED_KEY_RESULT,
        },
      },
    ],
  },
  {
    rule: 'alignment.waterfall',
    case: 'near copies of the key result it supports, in Swedish and English, its objective not in the snapshot',
    change: (s) => {
      // The supported objective is one the snapshot left out: the key result's words are enough.
      const other = { supports: ['elsewhere'], keyResults: krs() };
      s.objectives.push(
        personObjective('p2', { ...other, personId: 'olle', title: 'Nå 300 deltagare på våra interna event' }),
        personObjective('p3', { ...other, personId: 'lisa', title: 'Reach 300 participants at our internal events' }),
      );
      find(s, 'p2').supportsKeyResults = [EVENTS];
      find(s, 'p3').supportsKeyResults = [EVENTS_EN];
    },
    expect: [
      { objectiveId: 'p2', params: { keyResult: EVENTS.title, variant: RESTATES_SUPPORTED_KEY_RESULT } },
      { objectiveId: 'p3', params: { keyResult: EVENTS_EN.title, variant: RESTATES_SUPPORTED_KEY_RESULT } },
    ],
  },
  {
    rule: 'alignment.waterfall',
    case: 'Sara’s own objective supporting the key result itself (DESIGN.md), in Swedish and English',
    change: (s) => {
      workedExample(s, 'Öka deltagandet på interna event jämfört med förra året');
      find(s, 'p1').supportsKeyResults = [EVENTS];
      s.objectives.push(
        personObjective('p2', {
          personId: 'olle',
          title: 'Increase participation at internal events compared to last year',
          supportsKeyResults: [EVENTS_EN],
        }),
      );
    },
    expect: [],
  },
  {
    rule: 'alignment.unit-supports-nothing',
    case: 'a team objective that supports nothing, and one that supports only it',
    change: (s) => {
      find(s, 't1').supports = [];
      find(s, 't2').supports = ['t1'];
    },
    expect: [
      { target: { type: 'objective', id: 't1' }, objectiveId: 't1' },
      { target: { type: 'objective', id: 't2' }, objectiveId: 't2' },
    ],
  },
  {
    rule: 'alignment.unit-supports-nothing',
    case: 'supporting the year’s organisation objective, or through a division, or one the caller cannot read',
    change: (s) => {
      s.objectives.push(objective('y1', { inCycle: false }));
      find(s, 't1').supports = ['y1'];
      s.objectives.push(teamObjective('d1', { unitId: 'division', inCycle: false, supports: ['o1'] }));
      find(s, 't2').supports = ['d1'];
      find(s, 't3').supports = ['not-readable'];
    },
    expect: [],
  },
  {
    rule: 'alignment.unit-supports-nothing',
    case: 'serving a strategy theme instead: aligned to the strategy with nothing of the agenda to support',
    change: (s) => Object.assign(find(s, 't1'), { supports: [], servesTheme: true }),
    expect: [],
  },
  {
    rule: 'alignment.unit-supports-nothing',
    case: 'the organisation has no objectives: teams may have OKRs of their own',
    change: (s) => {
      s.objectives = s.objectives.filter((o) => o.level !== 'organization');
      for (const o of s.objectives) o.supports = [];
    },
    expect: [],
  },
  {
    rule: 'alignment.person-supports-nothing',
    case: 'an individual objective that supports nothing',
    change: (s) => (find(s, 'p1').supports = []),
    expect: [{ target: { type: 'objective', id: 'p1' }, objectiveId: 'p1' }],
  },
  {
    rule: 'alignment.person-supports-nothing',
    case: 'supporting only a key result of the team’s objective (stored with the link to its objective)',
    change: (s) => {
      Object.assign(find(s, 'p1'), { supports: ['t1'], supportsKeyResults: [EVENTS] });
      s.objectives.push(teamObjective('t4', { supports: ['o1'], supportsKeyResults: [firstKr(s, 'o1')] }));
    },
    expect: [],
  },
  {
    rule: 'alignment.person-supports-nothing',
    case: 'serving a strategy theme',
    change: (s) => Object.assign(find(s, 'p1'), { supports: [], servesTheme: true }),
    expect: [],
  },
  {
    rule: 'alignment.person-supports-nothing',
    case: 'personal development, or supporting any objective',
    change: (s) => {
      Object.assign(find(s, 'p1'), { kind: 'development', supports: [] });
      s.objectives.push(personObjective('p2', { personId: 'olle', supports: ['o2'] }));
    },
    expect: [],
  },
  // Vision first.
  {
    rule: 'organization.no-vision-or-strategy',
    case: 'no strategy',
    change: (s) => (s.org.strategy = '  '),
    expect: [{ target: { type: 'organization', id: 'org' }, objectiveId: null, params: { missing: 'strategy' } }],
  },
  {
    rule: 'organization.no-vision-or-strategy',
    case: 'neither, with only the year’s objectives',
    change: (s) => {
      Object.assign(s.org, { vision: '', strategy: '' });
      for (const o of s.objectives) if (o.level === 'organization') o.inCycle = false;
    },
    expect: [{ params: { missing: 'vision,strategy' } }],
  },
  {
    rule: 'organization.no-vision-or-strategy',
    case: 'no vision, but no organisation objectives either',
    change: (s) => {
      s.org.vision = '';
      s.objectives = s.objectives.filter((o) => o.level !== 'organization');
    },
    expect: [],
  },
  {
    rule: 'unit.no-vision-or-mission',
    case: 'a team with objectives and no mission',
    change: (s) => ((s.units[0] as { mission: string }).mission = ''),
    expect: [{ target: { type: 'unit', id: 'marknad' }, params: { name: 'Marknad', missing: 'mission' } }],
  },
  {
    rule: 'unit.no-vision-or-mission',
    case: 'a team with neither',
    change: (s) => Object.assign(s.units[0] as object, { vision: '', mission: '' }),
    expect: [{ params: { name: 'Marknad', missing: 'vision,mission' } }],
  },
  {
    rule: 'unit.no-vision-or-mission',
    case: 'a team with neither, but no objectives in the cycle',
    change: (s) => s.units.push({ id: 'sales', name: 'Sälj', vision: '', mission: '' }),
    expect: [],
  },
  // The action plan.
  {
    rule: 'key-result.no-action-plan',
    case: 'no activity halfway through the cycle',
    change: (s) => (firstKr(s, 'o1').hasActionPlan = false),
    expect: [
      {
        target: { type: 'keyResult', id: 'kr1' },
        objectiveId: 'o1',
        // Rounded as the pages round the share of the cycle gone (49 %, not 48 %).
        params: { title: '11 nya kunder i region 1', elapsed: 49 },
      },
    ],
  },
  {
    rule: 'key-result.no-action-plan',
    case: 'exactly a third of the cycle has passed',
    change: (s) => {
      s.cycle = { id: 'c', startsOn: '2026-01-01', endsOn: '2026-03-31' }; // 90 days
      s.now = new Date('2026-01-31T00:00:00Z');
      firstKr(s, 'o1').hasActionPlan = false;
    },
    expect: [{ objectiveId: 'o1', params: { elapsed: 33 } }],
  },
  {
    rule: 'key-result.no-action-plan',
    case: 'just before a third of the cycle',
    change: (s) => {
      s.cycle = { id: 'c', startsOn: '2026-01-01', endsOn: '2026-03-31' };
      s.now = new Date('2026-01-30T23:00:00Z');
      firstKr(s, 'o1').hasActionPlan = false;
    },
    expect: [],
  },
  {
    rule: 'key-result.no-action-plan',
    case: 'after the cycle has ended there is nothing left to plan',
    change: (s) => {
      s.now = new Date('2026-07-01T00:00:00Z');
      firstKr(s, 'o1').hasActionPlan = false;
      firstKr(s, 'o2').hasActionPlan = null;
    },
    expect: [],
  },
  {
    rule: 'key-result.no-action-plan',
    case: 'a draft’s key results, whose activities are not known',
    change: (s) => (firstKr(s, 'o1').hasActionPlan = null),
    expect: [],
  },
];

function buildCase(c: RuleCase): CoachSnapshot {
  krSeq = 0;
  const s = baseline();
  c.change(s);
  return s;
}

describe('coach rules', () => {
  it('names the same rules in RULE_IDS and RULES, each once', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    expect(RULES_BY_ID.size).toBe(RULE_IDS.length);
  });

  it('has a case that fires and one that must not for every rule', () => {
    const fires = new Set(cases.filter((c) => c.expect.length > 0).map((c) => c.rule));
    const quiet = new Set(cases.filter((c) => c.expect.length === 0).map((c) => c.rule));
    expect([...fires].sort()).toEqual([...RULE_IDS].sort());
    expect([...quiet].sort()).toEqual([...RULE_IDS].sort());
  });

  it('has nothing to say about the well-formed baseline', () => {
    expect(runCoach(buildCase({ rule: 'focus.too-many-objectives', case: '', change: () => {}, expect: [] }))).toEqual(
      [],
    );
  });

  it('uses the documented thresholds', () => {
    expect({ RESTATEMENT_THRESHOLD, ACTION_PLAN_AFTER }).toEqual({
      RESTATEMENT_THRESHOLD: 0.8,
      ACTION_PLAN_AFTER: 1 / 3,
    });
  });

  it.each(cases.map((c) => [c.rule, c.case, c] as const))('%s: %s', (ruleId, _name, c) => {
    const snapshot = buildCase(c);
    const rule = RULES_BY_ID.get(ruleId);
    if (!rule) throw new Error(`no rule ${ruleId}`);
    const advice = rule.check(snapshot);
    expect(advice).toHaveLength(c.expect.length);
    advice.forEach((a, i) => {
      expect(a).toMatchObject({ ruleId, severity: rule.severity, ...c.expect[i] });
      // runCoach gives the same advice, and none once the rule is switched off.
      expect(runCoach(snapshot)).toContainEqual(a);
    });
    expect(runCoach(snapshot, [ruleId]).filter((a) => a.ruleId === ruleId)).toEqual([]);
  });
});

describe('the coach in words', () => {
  // One snapshot where every rule fires, so that every message is seen with real parameters.
  function everythingWrong(): CoachSnapshot {
    const s = buildCase({
      rule: 'alignment.waterfall',
      case: '',
      change: (s) => workedExample(s, '300 deltagare på interna event'),
      expect: [],
    });
    s.org.strategy = '';
    s.units[0] = { ...(s.units[0] as CoachSnapshot['units'][number]), mission: '' };
    s.objectives.push(teamObjective('t4'), teamObjective('t5', { supports: [] }));
    s.objectives = s.objectives.filter((o) => o.id !== 'o3' && o.id !== 'o2');
    const [a, b, c] = find(s, 'o1').keyResults as [CoachKeyResult, CoachKeyResult, CoachKeyResult];
    Object.assign(a, { ownerId: null, start: 5, target: 5 });
    Object.assign(b, { title: 'Bättre stämning', start: 0, target: 1, unit: '', hasActionPlan: false });
    c.title = 'Lansera nya webben';
    find(s, 't2').keyResults = krs(1);
    s.objectives.push(personObjective('p2', { personId: 'olle', supports: [] }));
    // Waterfall twice: p1 copies a key result above it, p3 the one it supports itself.
    s.objectives.push(personObjective('p3', { personId: 'lisa', title: EVENTS.title, supportsKeyResults: [EVENTS] }));
    return s;
  }

  it('fires every rule on the everything-wrong snapshot', () => {
    const ids = new Set(runCoach(everythingWrong()).map((a) => a.ruleId));
    expect([...ids].sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(LOCALES)('has every rule’s title, why and what to do in %s, with every parameter filled', (locale) => {
    for (const advice of runCoach(everythingWrong())) {
      const text = describeAdvice(advice, locale);
      for (const part of [text.title, text.why, text.todo]) {
        expect(part.trim().length, `${advice.ruleId} ${locale}`).toBeGreaterThan(10);
        expect(part, `${advice.ruleId} ${locale}`).not.toMatch(/\{\w+\}/);
      }
    }
    for (const id of RULE_IDS) expect(Object.keys(COACH_MESSAGES[id]).sort()).toEqual([...LOCALES].sort());
  });

  it('counts in the language’s plural forms and writes shares as the language writes percentages', () => {
    const few = (count: number) =>
      describeAdvice(
        {
          ruleId: 'focus.too-few-objectives',
          severity: 'hint',
          target: { type: 'unit', id: 'u' },
          objectiveId: null,
          params: { count, min: 3 },
        },
        'en',
      ).title;
    expect(few(1)).toBe('Only 1 objective in this cycle; the focus range starts at 3');
    expect(few(2)).toBe('Only 2 objectives in this cycle; the focus range starts at 3');
    const krs = (count: number, locale: 'sv' | 'en') =>
      describeAdvice(
        {
          ruleId: 'focus.key-result-count',
          severity: 'hint',
          target: { type: 'objective', id: 'o' },
          objectiveId: 'o',
          params: { count, min: 3, max: 4 },
        },
        locale,
      ).title;
    expect(krs(1, 'en')).toBe('1 key result; aim for 3–4');
    expect(krs(6, 'en')).toBe('6 key results; aim for 3–4');
    expect(krs(1, 'sv')).toBe('1 nyckelresultat; sikta på 3–4');
    const late = (locale: 'sv' | 'en') =>
      describeAdvice(
        {
          ruleId: 'key-result.no-action-plan',
          severity: 'hint',
          target: { type: 'keyResult', id: 'k' },
          objectiveId: 'o',
          params: { title: 'NPS', elapsed: 69 },
        },
        locale,
      ).title;
    expect(late('en')).toBe('“NPS” has no activities, 69% into the cycle');
    expect(late('sv')).toBe('”NPS” har inga aktiviteter, 69\u00a0% in i perioden');
  });

  it('names what is missing in the reader’s language, and an untitled draft', () => {
    const advice = runCoach(everythingWrong());
    const org = advice.find((a) => a.ruleId === 'organization.no-vision-or-strategy') as Advice;
    expect(describeAdvice(org, 'sv').title).toBe('Organisationen har mål men saknar strategi');
    expect(describeAdvice({ ...org, params: { missing: 'vision,strategy' } }, 'en').title).toBe(
      'The organisation has objectives but no vision or strategy',
    );
    const unit = advice.find((a) => a.ruleId === 'unit.no-vision-or-mission') as Advice;
    expect(describeAdvice(unit, 'sv').title).toBe('Marknad har mål men saknar uppdrag');
    const waterfall = advice.find((a) => a.ruleId === 'alignment.waterfall') as Advice;
    expect(describeAdvice(waterfall, 'sv').title).toBe(
      '”300 deltagare på interna event” upprepar nyckelresultatet ”300 deltagare på interna event”',
    );
    expect(describeAdvice(waterfall, 'en').todo).toContain('own objective');
    const supported = advice.find((a) => a.ruleId === 'alignment.waterfall' && a.objectiveId === 'p3') as Advice;
    expect(describeAdvice(supported, 'sv')).toMatchObject({
      title:
        '”300 deltagare på interna event” upprepar bara nyckelresultatet det stöder, ”300 deltagare på interna event”',
      todo: expect.stringContaining('Behåll kopplingen till ”300 deltagare på interna event”'),
    });
    expect(describeAdvice(supported, 'en')).toMatchObject({
      title:
        '“300 deltagare på interna event” only restates the key result it supports, “300 deltagare på interna event”',
      todo: expect.stringContaining('Keep the link to “300 deltagare på interna event”'),
    });
    const untitled = { ...waterfall, ruleId: 'key-result.no-owner' as const, params: { title: ' ' } };
    expect(describeAdvice(untitled, 'en').title).toBe('“Untitled” has no owner');
    expect(describeAdvice(untitled, 'sv').title).toBe('”Namnlöst” saknar ägare');
  });
});
