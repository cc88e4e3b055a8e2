// The demo organisation as plain data: a Swedish lighting company with two layers of
// units, organisation OKRs for the year, team OKRs for the current quarter that support
// them, and the method's worked example (DESIGN.md section 1) as Sara's own objective.
// Dates are relative: activities say how many days from "now" they are due, check-ins
// are spread over the cycle up to "now" by seed-demo.ts.
import { mentionToken } from '../../core/mentions.ts';
import type { ActivityStatus, Metric, ObjectiveKind, OrgRole, Visibility } from '../../core/domain.ts';

export const DEMO_PASSWORD = 'riktning-demo';
export const DEMO_ORG_SLUG = 'nordljus';
/** The sign-ins the start-up banner shows: the owner and the worked example's author. */
export const DEMO_SIGN_INS = ['demo@example.com', 'sara@example.com'] as const;

export const ORGANIZATION = {
  name: 'Nordljus AB',
  slug: DEMO_ORG_SLUG,
  vision: 'Ett Norden där ljuset är smart och energin räcker längre.',
  mission:
    'Vi gör det enkelt för hem och företag att byta till energismart belysning – med installation, mätning och service i ett och samma avtal.',
  strategy: [
    'Vi växer genom att göra energismart belysning enkel att köpa, installera och leva med.',
    '',
    '- **Belysning som tjänst.** Installation, mätning och service i ett månadsavtal – kunden betalar för ljus, inte för armaturer.',
    '- **Nära kunden.** Egna säljare och installatörer i de fem största regionerna, utvalda partner i resten av Norden.',
    '- **Besparing som syns.** Varje installation mäts, och kunden ser sin besparing i kronor varje månad.',
    '- **Hållbart i hela kedjan.** Vi återbrukar armaturer och väljer leverantörer med vetenskapligt förankrade klimatmål.',
  ].join('\n'),
};

/** The strategy's four directions, as the strategy above names them. */
export const THEMES = [
  {
    key: 'service',
    name: 'Belysning som tjänst',
    description: 'Installation, mätning och service i ett månadsavtal – kunden betalar för ljus, inte för armaturer.',
  },
  {
    key: 'close',
    name: 'Nära kunden',
    description: 'Egna säljare och installatörer i de fem största regionerna, utvalda partner i resten av Norden.',
  },
  {
    key: 'savings',
    name: 'Besparing som syns',
    description: 'Varje installation mäts, och kunden ser sin besparing i kronor varje månad.',
  },
  {
    key: 'sustainable',
    name: 'Hållbart i hela kedjan',
    description: 'Vi återbrukar armaturer och väljer leverantörer med vetenskapligt förankrade klimatmål.',
  },
] as const;
export type ThemeKey = (typeof THEMES)[number]['key'];

interface DemoPerson {
  key: string;
  name: string;
  email: string;
  role: OrgRole;
}

export const PEOPLE = [
  { key: 'demo', name: 'Demo Ägare', email: 'demo@example.com', role: 'owner' },
  { key: 'johan', name: 'Johan Berg', email: 'johan.berg@example.com', role: 'admin' },
  { key: 'elin', name: 'Elin Sandberg', email: 'elin.sandberg@example.com', role: 'member' },
  { key: 'sara', name: 'Sara Lindqvist', email: 'sara@example.com', role: 'member' },
  { key: 'ahmed', name: 'Ahmed Hassan', email: 'ahmed.hassan@example.com', role: 'member' },
  { key: 'maria', name: 'Maria Nilsson', email: 'maria.nilsson@example.com', role: 'member' },
  { key: 'karin', name: 'Karin Holm', email: 'karin.holm@example.com', role: 'member' },
  { key: 'ida', name: 'Ida Ström', email: 'ida.strom@example.com', role: 'member' },
  { key: 'erik', name: 'Erik Lund', email: 'erik.lund@example.com', role: 'member' },
  { key: 'fatima', name: 'Fatima Ali', email: 'fatima.ali@example.com', role: 'member' },
  { key: 'oskar', name: 'Oskar Lindberg', email: 'oskar.lindberg@example.com', role: 'member' },
  { key: 'anna', name: 'Anna Ek', email: 'anna.ek@example.com', role: 'member' },
  { key: 'lars', name: 'Lars Persson', email: 'lars.persson@example.com', role: 'member' },
  { key: 'nora', name: 'Nora Johansson', email: 'nora.johansson@example.com', role: 'member' },
] as const satisfies readonly DemoPerson[];
export type PersonKey = (typeof PEOPLE)[number]['key'];

interface DemoUnit {
  key: string;
  name: string;
  kind: 'division' | 'team';
  /** Key of the division a team belongs to. */
  parent?: string;
  vision: string;
  mission: string;
  lead: PersonKey;
  members: readonly PersonKey[];
}

/** Divisions first: a team's parent is inserted before the team. */
export const UNITS = [
  {
    key: 'kund-marknad',
    name: 'Kund & Marknad',
    kind: 'division',
    vision: 'Varje kund i Norden vet vem de ska ringa när de vill spara energi på belysningen.',
    mission: 'Vi skapar efterfrågan, gör affärer och tar hand om kunderna så att de stannar och rekommenderar oss.',
    lead: 'johan',
    members: ['elin', 'ahmed', 'karin'],
  },
  {
    key: 'leverans',
    name: 'Leverans',
    kind: 'division',
    vision: 'Från beställning till tänt ljus på två veckor – varje gång.',
    mission: 'Vi planerar, levererar och installerar med kvalitet, i tid och med så lite avfall som möjligt.',
    lead: 'erik',
    members: ['fatima'],
  },
  {
    key: 'produkt-teknik',
    name: 'Produkt & Teknik',
    kind: 'division',
    vision: 'Belysning som mäter, lär sig och sparar av sig själv.',
    mission: 'Vi bygger plattformen och produkterna som gör besparingen synlig för kunden och styrbar för oss.',
    lead: 'anna',
    members: ['nora'],
  },
  {
    key: 'marknad',
    name: 'Marknad',
    kind: 'team',
    parent: 'kund-marknad',
    vision: 'Nordljus är det självklara namnet när någon pratar om energismart belysning.',
    mission: 'Vi berättar om kundernas besparingar, skapar mötesplatser och fyller säljarnas kalendrar med rätt möten.',
    lead: 'elin',
    members: ['sara'],
  },
  {
    key: 'forsaljning',
    name: 'Försäljning',
    kind: 'team',
    parent: 'kund-marknad',
    vision: 'Varje kund vi möter förstår vad belysning som tjänst betyder för just dem.',
    mission: 'Vi hjälper hem och företag att välja rätt lösning och tecknar avtal som håller i många år.',
    lead: 'ahmed',
    members: ['maria'],
  },
  {
    key: 'kundservice',
    name: 'Kundservice',
    kind: 'team',
    parent: 'kund-marknad',
    vision: 'Att kontakta Nordljus ska vara den enklaste kontakten kunden har med ett företag.',
    mission:
      'Vi löser kundens ärende vid första kontakten och tar med oss det vi lär oss tillbaka till resten av företaget.',
    lead: 'karin',
    members: ['ida'],
  },
  {
    key: 'installation',
    name: 'Installation',
    kind: 'team',
    parent: 'leverans',
    vision: 'Varje installation blir rätt från början.',
    mission: 'Vi monterar, driftsätter och mäter – och lämnar kunden trygg med sin nya belysning.',
    lead: 'fatima',
    members: ['oskar'],
  },
  {
    key: 'logistik',
    name: 'Logistik',
    kind: 'team',
    parent: 'leverans',
    vision: 'Rätt armatur på rätt plats, utan onödiga transporter.',
    mission: 'Vi håller lagret i ordning, samordnar leveranser och tar tillbaka uttjänta armaturer för återbruk.',
    lead: 'erik',
    members: ['oskar'],
  },
  {
    key: 'plattform',
    name: 'Plattform',
    kind: 'team',
    parent: 'produkt-teknik',
    vision: 'En plattform som alltid är på, precis som ljuset.',
    mission: 'Vi utvecklar och driver kundportalen och systemen som resten av Nordljus bygger på.',
    lead: 'anna',
    members: ['lars'],
  },
  {
    key: 'energidata',
    name: 'Energidata',
    kind: 'team',
    parent: 'produkt-teknik',
    vision: 'Varje kund vet exakt hur mycket energi och pengar de sparar.',
    mission: 'Vi samlar in, analyserar och presenterar mätdata så att besparingen blir begriplig.',
    lead: 'nora',
    members: ['lars'],
  },
] as const satisfies readonly DemoUnit[];
export type UnitKey = (typeof UNITS)[number]['key'];

/** Value, confidence (0–10) and an optional note, oldest first. */
export type DemoCheckIn = readonly [value: number, confidence: number, note?: string];

export interface DemoActivity {
  title: string;
  owner: PersonKey;
  status: ActivityStatus;
  /** Due this many days from now (negative: in the past), kept inside the cycle. */
  dueInDays: number;
}

export interface DemoKeyResult {
  title: string;
  metric: Metric;
  start: number;
  target: number;
  unit: string;
  owner: PersonKey;
  checkIns?: readonly DemoCheckIn[];
  /** Days since the latest check-in when more than the usual couple: its owner owes one ("My week"). */
  quietDays?: number;
  activities?: readonly DemoActivity[];
}

export type DemoOwner =
  { level: 'organization' } | { level: 'unit'; unit: UnitKey } | { level: 'person'; person: PersonKey };

export interface DemoObjective {
  key: string;
  cycle: 'year' | 'quarter';
  owner: DemoOwner;
  title: string;
  description: string;
  kind?: ObjectiveKind;
  visibility?: Visibility;
  /** Keys of the objectives this one supports. */
  supports?: readonly string[];
  /** Key results this one supports, by their objective's key and their title. */
  supportsKeyResults?: readonly { objective: string; title: string }[];
  /** The strategy themes it serves. */
  themes?: readonly ThemeKey[];
  keyResults: readonly DemoKeyResult[];
}

const ORG = { level: 'organization' } as const;
const team = (unit: UnitKey) => ({ level: 'unit', unit }) as const;

/** The organisation's agenda for the year: set by leadership from vision and strategy. */
export const ORGANIZATION_OBJECTIVES: readonly DemoObjective[] = [
  {
    key: 'org-growth',
    cycle: 'year',
    owner: ORG,
    themes: ['service', 'close'],
    title: 'Bli förstahandsvalet för energismart belysning i Norden',
    description:
      'Fler hem och företag ska välja oss – och stanna kvar. Vi växer med långa tjänsteavtal, inte med engångsförsäljning.',
    keyResults: [
      {
        title: 'Öka antalet aktiva tjänsteavtal från 1 200 till 2 000',
        metric: 'increase_to',
        start: 1200,
        target: 2000,
        unit: 'avtal',
        owner: 'johan',
        checkIns: [
          [1260, 7],
          [1340, 7],
          [1415, 6, 'Stark vår i Mälardalen, Göteborg går trögare än planerat.'],
        ],
      },
      {
        title: 'Öka NPS bland kunderna från 32 till 45',
        metric: 'increase_to',
        start: 32,
        target: 45,
        unit: 'NPS',
        owner: 'karin',
        checkIns: [
          [34, 6],
          [37, 7],
          [38, 6],
        ],
      },
      {
        title: 'Behåll en bruttomarginal på minst 38 %',
        metric: 'stay_at_or_above',
        start: 39,
        target: 38,
        unit: '%',
        owner: 'demo',
        checkIns: [
          [39.5, 8],
          [38.4, 7],
          [38.9, 7, 'Komponentpriserna har stabiliserats.'],
        ],
      },
      {
        title: 'Försäljningen i Norge i gång med tre återförsäljare',
        metric: 'milestone',
        start: 0,
        target: 1,
        unit: '',
        owner: 'ahmed',
        checkIns: [[0, 6, 'Två återförsäljare har skrivit avsiktsförklaring, den tredje vill se en pilot först.']],
      },
    ],
  },
  {
    key: 'org-easy',
    cycle: 'year',
    owner: ORG,
    themes: ['close'],
    title: 'Göra det enkelt att vara kund hos oss',
    description:
      'Från första kontakt till färdig installation ska det kännas enkelt. Varje steg vi tar bort är ett skäl mindre att välja någon annan.',
    keyResults: [
      {
        title: 'Minska tiden från beställning till färdig installation från 21 till 10 dagar',
        metric: 'decrease_to',
        start: 21,
        target: 10,
        unit: 'dagar',
        owner: 'erik',
        checkIns: [
          [19, 6],
          [17, 6],
          [15, 7],
        ],
      },
      {
        title: 'Minska antalet supportärenden per 100 kunder från 14 till 7',
        metric: 'decrease_to',
        start: 14,
        target: 7,
        unit: 'ärenden',
        owner: 'karin',
        checkIns: [
          [13, 7],
          [12, 7],
          [11, 6],
        ],
      },
      {
        title: 'Självbetjäningsportalen lanserad för alla kunder',
        metric: 'milestone',
        start: 0,
        target: 1,
        unit: '',
        owner: 'anna',
        checkIns: [
          [0, 7],
          [0, 6, 'Betaversionen testas av 200 kunder. Inloggningen behöver förenklas före lansering.'],
        ],
      },
    ],
  },
  {
    key: 'org-energy',
    cycle: 'year',
    owner: ORG,
    themes: ['savings', 'sustainable'],
    title: 'Visa att våra kunder sparar energi på riktigt',
    description: 'Vårt löfte är lägre energiförbrukning. Vi ska kunna visa besparingen för varje kund, svart på vitt.',
    keyResults: [
      {
        title: 'Öka andelen installationer med energimätning från 40 % till 90 %',
        metric: 'increase_to',
        start: 40,
        target: 90,
        unit: '%',
        owner: 'nora',
        checkIns: [
          [48, 7],
          [57, 7],
          [66, 8],
        ],
      },
      {
        title: 'Öka kundernas uppmätta energibesparing från 38 % till 55 %',
        metric: 'increase_to',
        start: 38,
        target: 55,
        unit: '%',
        owner: 'anna',
        checkIns: [
          [39, 6],
          [42, 6],
          [44, 6],
        ],
      },
      {
        title: 'Återbruka minst 30 % av de armaturer vi byter ut',
        metric: 'increase_to',
        start: 12,
        target: 30,
        unit: '%',
        owner: 'erik',
        checkIns: [
          [14, 5],
          [19, 6],
        ],
      },
    ],
  },
  {
    key: 'org-people',
    cycle: 'year',
    owner: ORG,
    title: 'Vara en arbetsplats där människor växer',
    description: 'Vi når våra mål genom människor som trivs, utvecklas och vill stanna.',
    keyResults: [
      {
        title: 'Öka eNPS från 12 till 30',
        metric: 'increase_to',
        start: 12,
        target: 30,
        unit: 'eNPS',
        owner: 'demo',
        checkIns: [
          [15, 6],
          [21, 7],
        ],
      },
      {
        title: 'Alla medarbetare har en aktuell utvecklingsplan',
        metric: 'increase_to',
        start: 40,
        target: 100,
        unit: '%',
        owner: 'johan',
        checkIns: [
          [55, 7],
          [70, 7],
          [78, 8],
        ],
      },
      {
        title: 'Håll personalomsättningen på högst 8 %',
        metric: 'stay_at_or_below',
        start: 7,
        target: 8,
        unit: '%',
        owner: 'demo',
        checkIns: [
          [6.8, 8],
          [7.1, 8],
        ],
      },
    ],
  },
];

/**
 * Teams and a division write their own objectives for the quarter and say which
 * organisation objectives they support; they do not copy its key results.
 */
export const UNIT_OBJECTIVES: readonly DemoObjective[] = [
  {
    key: 'marknad-events',
    cycle: 'quarter',
    owner: team('marknad'),
    title: 'Göra våra egna event till den bästa platsen att möta Nordljus',
    description:
      'Kunder som träffar oss på våra event blir oftare kunder som stannar. Det här kvartalet vill vi fylla salarna – med rätt personer.',
    supports: ['org-growth'],
    keyResults: [
      {
        title: '300 deltagare på interna event',
        metric: 'increase_to',
        start: 0,
        target: 300,
        unit: 'deltagare',
        owner: 'elin',
        checkIns: [
          [40, 6],
          [95, 6],
          [150, 7],
          [185, 7, 'Anmälningarna tar fart efter att programmet publicerades.'],
        ],
      },
      {
        title: 'Öka andelen deltagare som bokar ett rådgivningsmöte från 8 % till 15 %',
        metric: 'increase_to',
        start: 8,
        target: 15,
        unit: '%',
        owner: 'elin',
        checkIns: [
          [9, 6],
          [11, 6],
        ],
      },
      {
        title: '160 kvalificerade leads från webben',
        metric: 'increase_to',
        start: 0,
        target: 160,
        unit: 'leads',
        owner: 'sara',
        checkIns: [
          [30, 7],
          [64, 7],
          [91, 6],
        ],
      },
    ],
  },
  {
    key: 'forsaljning-service',
    cycle: 'quarter',
    owner: team('forsaljning'),
    title: 'Fler kunder väljer belysning som tjänst',
    description: 'Tjänsteavtalen är vår tillväxt. Vi hjälper kunderna att se värdet av ljus utan egna investeringar.',
    supports: ['org-growth'],
    keyResults: [
      {
        title: 'Teckna 250 nya tjänsteavtal',
        metric: 'increase_to',
        start: 0,
        target: 250,
        unit: 'avtal',
        owner: 'ahmed',
        checkIns: [
          [45, 7],
          [102, 7],
          [148, 6],
        ],
      },
      {
        title: 'Öka andelen offerter som blir avtal från 22 % till 30 %',
        metric: 'increase_to',
        start: 22,
        target: 30,
        unit: '%',
        owner: 'maria',
        checkIns: [
          [23, 6],
          [25, 6],
          [26, 5, 'Vi tappar affärer på långa installationstider; har tagit upp det med Leverans.'],
        ],
      },
      {
        title: 'Varje säljare genomför minst 8 kundmöten i veckan',
        metric: 'stay_at_or_above',
        start: 8,
        target: 8,
        unit: 'möten',
        owner: 'ahmed',
        checkIns: [
          [8.5, 7],
          [7.6, 5],
          [8.2, 6],
        ],
      },
    ],
  },
  {
    key: 'kundservice-first-contact',
    cycle: 'quarter',
    owner: team('kundservice'),
    title: 'Kunden får hjälp på första försöket',
    description: 'Varje ärende som löses direkt sparar tid för kunden och för oss – och syns i NPS.',
    supports: ['org-easy', 'org-growth'],
    keyResults: [
      {
        title: 'Öka andelen ärenden som löses vid första kontakten från 62 % till 80 %',
        metric: 'increase_to',
        start: 62,
        target: 80,
        unit: '%',
        owner: 'karin',
        checkIns: [
          [65, 6],
          [69, 7],
          [71, 7],
        ],
      },
      {
        title: 'Minska väntetiden i telefon från 6 till 2 minuter',
        metric: 'decrease_to',
        start: 6,
        target: 2,
        unit: 'minuter',
        owner: 'ida',
        checkIns: [
          [5.5, 6],
          [4.2, 6],
          [3.8, 7],
        ],
      },
      {
        title: 'Publicera 30 självhjälpsguider i kundportalen',
        metric: 'increase_to',
        start: 0,
        target: 30,
        unit: 'guider',
        owner: 'ida',
        checkIns: [
          [6, 8],
          [11, 7],
        ],
      },
    ],
  },
  {
    key: 'leverans-two-weeks',
    cycle: 'quarter',
    owner: team('leverans'),
    title: 'Leverera varje installation inom två veckor',
    description:
      'Långa ledtider kostar oss affärer. Hela divisionen samlas kring att korta tiden från beställning till tänt ljus.',
    supports: ['org-easy'],
    keyResults: [
      {
        title: 'Minska ledtiden från beställning till installation från 19 till 12 dagar',
        metric: 'decrease_to',
        start: 19,
        target: 12,
        unit: 'dagar',
        owner: 'erik',
        checkIns: [
          [18, 6],
          [16, 6],
        ],
      },
      {
        title: 'Öka andelen installationer på första bokade tiden från 84 % till 95 %',
        metric: 'increase_to',
        start: 84,
        target: 95,
        unit: '%',
        owner: 'fatima',
        checkIns: [
          [86, 7],
          [88, 7],
        ],
      },
    ],
  },
  {
    key: 'installation-right-first-time',
    cycle: 'quarter',
    owner: team('installation'),
    title: 'Varje installation blir rätt från början',
    description: 'Återbesök kostar kunden tid och oss pengar. Och utan mätare kan vi inte visa besparingen.',
    supports: ['leverans-two-weeks', 'org-energy'],
    keyResults: [
      {
        title: 'Minska andelen installationer som kräver återbesök från 9 % till 3 %',
        metric: 'decrease_to',
        start: 9,
        target: 3,
        unit: '%',
        owner: 'fatima',
        checkIns: [
          [8, 6],
          [6.5, 7],
          [5.8, 7],
        ],
      },
      {
        title: 'Energimätare monterad vid 90 % av installationerna',
        metric: 'increase_to',
        start: 45,
        target: 90,
        unit: '%',
        owner: 'oskar',
        checkIns: [
          [55, 7],
          [63, 7],
          [71, 8],
        ],
      },
      {
        title: 'Digitalt egenkontrollprotokoll infört i alla installationslag',
        metric: 'milestone',
        start: 0,
        target: 1,
        unit: '',
        owner: 'fatima',
        checkIns: [
          [0, 7],
          [0, 8, 'Två av tre lag använder protokollet, det sista börjar efter utbildningen.'],
        ],
      },
    ],
  },
  {
    key: 'energidata-savings',
    cycle: 'quarter',
    owner: team('energidata'),
    title: 'Varje kund ser sin besparing i kronor varje månad',
    description: 'Mätningen är bara värd något om kunden förstår den. Vi gör besparingen konkret och personlig.',
    supports: ['org-energy', 'org-easy'],
    keyResults: [
      {
        title: 'Månadsrapport om besparing skickas till alla kunder med mätare',
        metric: 'increase_to',
        start: 0,
        target: 100,
        unit: '%',
        owner: 'nora',
        checkIns: [
          [20, 6],
          [45, 7],
          [60, 7],
        ],
      },
      {
        title: 'Öka andelen kunder som öppnar rapporten från 30 % till 60 %',
        metric: 'increase_to',
        start: 30,
        target: 60,
        unit: '%',
        owner: 'lars',
        checkIns: [
          [34, 5],
          [41, 6],
        ],
      },
      {
        title: 'Mätdata når plattformen inom en timme i minst 99 % av fallen',
        metric: 'stay_at_or_above',
        start: 97,
        target: 99,
        unit: '%',
        owner: 'lars',
        checkIns: [
          [97.8, 5],
          [98.9, 6],
          [99.2, 7],
        ],
      },
    ],
  },
  {
    // No organisation objective is about the supply chain this year: the team aligns its own
    // objective to the strategy's theme instead, as the method allows.
    key: 'logistik-reuse',
    cycle: 'quarter',
    owner: team('logistik'),
    title: 'Ge uttjänta armaturer ett nytt liv',
    description:
      'Strategin lovar hållbarhet i hela kedjan. Vi tar tillbaka det kunderna byter ut och ser till att det återbrukas i stället för att slängas.',
    themes: ['sustainable'],
    keyResults: [
      {
        title: 'Öka andelen returnerade armaturer som återbrukas från 35 % till 60 %',
        metric: 'increase_to',
        start: 35,
        target: 60,
        unit: '%',
        owner: 'oskar',
        checkIns: [
          [38, 6],
          [41, 6],
        ],
      },
      {
        title: 'Minska antalet halvfulla transporter per vecka från 14 till 6',
        metric: 'decrease_to',
        start: 14,
        target: 6,
        unit: 'transporter',
        owner: 'erik',
        checkIns: [
          [13, 5],
          [11, 6],
        ],
      },
      {
        title: 'Öka antalet leverantörer med vetenskapligt förankrade klimatmål från 3 till 8',
        metric: 'increase_to',
        start: 3,
        target: 8,
        unit: 'leverantörer',
        owner: 'erik',
        checkIns: [[4, 7]],
      },
    ],
  },
];

/**
 * The worked example from the method: Sara writes her own objective from the marketing
 * team's key result "300 deltagare på interna event", and plans how to get there.
 */
export const SARA_OBJECTIVE: DemoObjective = {
  key: 'sara-events',
  cycle: 'quarter',
  owner: { level: 'person', person: 'sara' },
  title: 'Öka deltagandet på interna event jämfört med förra året',
  description:
    'Förra året kom 180 personer till våra egna event. Jag ansvarar för inbjudningarna och vill att fler kunder hittar dit – det är mitt bidrag till teamets mål om 300 deltagare.',
  supports: ['marknad-events'],
  supportsKeyResults: [{ objective: 'marknad-events', title: '300 deltagare på interna event' }],
  keyResults: [
    {
      title: 'E-post genererar 100 anmälningar',
      quietDays: 10,
      metric: 'increase_to',
      start: 0,
      target: 100,
      unit: 'anmälningar',
      owner: 'sara',
      checkIns: [
        [0, 7, 'Inbjudan är skriven och mottagarlistorna segmenterade per region. Första utskicket går på tisdag.'],
        [18, 7, 'Första utskicket gav 18 anmälningar på tre dagar. Öppningsgraden var 41 %, klart över vårt snitt.'],
        [31, 7, 'Påminnelsen till dem som öppnat men inte anmält sig gav 13 till.'],
        [44, 8, 'Ämnesraden med talarens namn slog den allmänna med bred marginal. Vi kör den varianten framöver.'],
        [52, 7, 'Lugnare vecka med semestrar i flera regioner. Andra påminnelsen är planerad.'],
        [63, 7, 'Andra påminnelsen är ute. Med sista utskicket kvar ser 100 fortfarande realistiskt ut.'],
      ],
      activities: [
        { title: 'Skriva inbjudan och tre påminnelser', owner: 'sara', status: 'done', dueInDays: -35 },
        { title: 'Segmentera kundregistret per region', owner: 'sara', status: 'done', dueInDays: -30 },
        { title: 'A/B-testa ämnesraden i varje utskick', owner: 'sara', status: 'doing', dueInDays: 10 },
        { title: 'Skicka sista påminnelsen en vecka före eventet', owner: 'sara', status: 'todo', dueInDays: 21 },
      ],
    },
    {
      title: 'Varje säljare bjuder in minst 10 kunder',
      quietDays: 10,
      metric: 'increase_to',
      start: 0,
      target: 10,
      unit: 'kunder',
      owner: 'sara',
      checkIns: [
        [0, 6, 'Eventet är presenterat på säljmötet och inbjudningsmallen delad i säljkanalen.'],
        [2, 6, 'Säljarna har i snitt bjudit in två kunder var. Många väntar på att programmet ska bli klart.'],
        [4, 6, 'Programmet är publicerat och inbjudningarna tar fart. Fyra säljare har redan nått tio.'],
        [5, 5, 'Region Syd har knappt kommit i gång. Jag har bokat ett möte med Ahmed om hur vi kan hjälpa dem.'],
        [7, 6, 'Topplistan i säljkanalen gör skillnad: sju kunder per säljare i snitt.'],
        [
          8,
          7,
          'Region Syd har kommit ikapp. Tre säljare saknar fortfarande inbjudningar; jag följer upp dem personligen.',
        ],
      ],
      activities: [
        { title: 'Presentera eventet på säljmötet', owner: 'sara', status: 'done', dueInDays: -32 },
        { title: 'Ta fram en färdig inbjudningsmall för säljarna', owner: 'sara', status: 'done', dueInDays: -28 },
        { title: 'Veckovis topplista över inbjudningar i säljkanalen', owner: 'sara', status: 'doing', dueInDays: 14 },
        { title: 'Följa upp säljare med färre än fem inbjudna kunder', owner: 'ahmed', status: 'doing', dueInDays: 7 },
      ],
    },
    {
      title: 'Sociala medier genererar 100 anmälningar',
      quietDays: 10,
      metric: 'increase_to',
      start: 0,
      target: 100,
      unit: 'anmälningar',
      owner: 'sara',
      checkIns: [
        [
          0,
          5,
          'Innehållskalendern för LinkedIn och Instagram är klar. Vi börjar med ett klipp från förra årets event.',
        ],
        [6, 5, 'Sex anmälningar från första veckans inlägg. Bara organisk spridning räcker inte.'],
        [11, 4, 'Räckvidden är bra men få klickar vidare till anmälan. Vi testar en kortare anmälningssida.'],
        [19, 5, 'Den nya anmälningssidan fördubblade andelen som anmäler sig.'],
        [27, 5, 'Första talarklippet gav åtta anmälningar på två dagar. Två klipp till är på väg.'],
        [
          34,
          4,
          'Vi ligger efter plan. Jag föreslår att vi flyttar en del av tryckbudgeten till riktade annonser i regionerna.',
        ],
      ],
      activities: [
        {
          title: 'Planera innehållskalender för LinkedIn och Instagram',
          owner: 'sara',
          status: 'done',
          dueInDays: -34,
        },
        { title: 'Spela in tre korta klipp med talarna', owner: 'sara', status: 'doing', dueInDays: 5 },
        { title: 'Riktad annonskampanj i regionerna', owner: 'elin', status: 'todo', dueInDays: 12 },
      ],
    },
  ],
};

/** A personal development plan: supports the organisation without aligning to one objective. */
export const DEVELOPMENT_OBJECTIVE: DemoObjective = {
  key: 'sara-development',
  cycle: 'year',
  owner: { level: 'person', person: 'sara' },
  kind: 'development',
  visibility: 'private',
  title: 'Utvecklas som projektledare för event',
  description:
    'Min utvecklingsplan för året: jag vill kunna leda större event på egen hand och bli tryggare i att tala inför publik.',
  keyResults: [
    {
      title: 'Leda ett event med minst 100 deltagare från idé till uppföljning',
      metric: 'milestone',
      start: 0,
      target: 1,
      unit: '',
      owner: 'sara',
      checkIns: [[0, 7, 'Jag är projektledare för höstens kundevent.']],
    },
    {
      title: 'Hålla tre presentationer inför publik',
      metric: 'increase_to',
      start: 0,
      target: 3,
      unit: 'presentationer',
      owner: 'sara',
      checkIns: [[1, 7, 'Första presentationen på säljmötet gick bra. Nästa blir inför en kundgrupp.']],
    },
  ],
};

export const ALL_OBJECTIVES: readonly DemoObjective[] = [
  ...ORGANIZATION_OBJECTIVES,
  ...UNIT_OBJECTIVES,
  SARA_OBJECTIVE,
  DEVELOPMENT_OBJECTIVE,
];

export interface DemoComment {
  objective: string;
  author: PersonKey;
  hoursAgo: number;
  /** People mentioned, in order; the body gets their account ids to build the mention tokens. */
  mentions: PersonKey[];
  body: (ids: Partial<Record<PersonKey, string>>) => string;
}

/** A short conversation on Sara's objective, with a mention, so the demo's feeds have talk in them. */
export const DEMO_COMMENTS: DemoComment[] = [
  {
    objective: 'sara-events',
    author: 'elin',
    hoursAgo: 30,
    mentions: ['sara'],
    body: (ids) =>
      `Snyggt att e-posten redan ger över 60 anmälningar! ${mentionToken('Sara Lindqvist', ids.sara ?? '')} kan du dela mallen med resten av teamet?`,
  },
  {
    objective: 'sara-events',
    author: 'sara',
    hoursAgo: 26,
    mentions: [],
    body: () =>
      'Absolut, jag lägger den i teamets mapp i dag. Sociala medier går trögare – jag testar **kortfilmer** nästa vecka.',
  },
];
