// The functions of the example library: their names, and the words that tell a draft is
// about one (the matcher's keywords). A keyword matches a word that starts with it, or,
// from five letters, holds it (Swedish compounds: "nyckelkunder" holds "kund"); one of
// three letters or fewer matches only the word itself ("it", "pr").
import type { Locale } from '../domain.ts';
import type { ExampleFunction } from './model.ts';

export const FUNCTION_NAMES: Record<ExampleFunction, Record<Locale, string>> = {
  sales: { sv: 'Försäljning', en: 'Sales' },
  marketing: { sv: 'Marknad', en: 'Marketing' },
  hr: { sv: 'HR', en: 'HR' },
  it: { sv: 'IT', en: 'IT' },
  product: { sv: 'Produkt', en: 'Product' },
  'public-sector': { sv: 'Offentlig sektor', en: 'Public sector' },
  'personal-development': { sv: 'Personlig utveckling', en: 'Personal development' },
};

export const FUNCTION_KEYWORDS: Record<ExampleFunction, Record<Locale, readonly string[]>> = {
  sales: {
    sv: ['sälj', 'försälj', 'kund', 'affär', 'offert', 'order', 'avtal', 'pipeline', 'prognos', 'intäkt', 'omsättning'],
    en: ['sale', 'sell', 'revenue', 'deal', 'customer', 'client', 'pipeline', 'forecast', 'quota', 'proposal', 'renew'],
  },
  marketing: {
    sv: ['marknad', 'varumärke', 'kännedom', 'kampanj', 'lead', 'event', 'webb', 'nyhetsbrev', 'annons', 'kundträff'],
    en: ['marketing', 'brand', 'awareness', 'campaign', 'leads', 'event', 'website', 'newsletter', 'advert', 'seo'],
  },
  hr: {
    sv: [
      'medarbetar',
      'anställ',
      'rekryt',
      'personal',
      'introduktion',
      'sjukfrånvaro',
      'arbetsmiljö',
      'kompetens',
      'enps',
    ],
    en: ['employee', 'staff', 'hire', 'hiring', 'recruit', 'onboard', 'starter', 'turnover', 'sickness', 'wellbeing'],
  },
  it: {
    sv: [
      'it',
      'system',
      'drift',
      'incident',
      'tillgänglighet',
      'säkerhet',
      'sårbarhet',
      'nätfiske',
      'server',
      'lösenord',
    ],
    en: ['uptime', 'outage', 'incident', 'system', 'server', 'security', 'vulnerab', 'phishing', 'helpdesk', 'network'],
  },
  product: {
    sv: ['produkt', 'användare', 'funktion', 'release', 'app', 'registrer', 'testkund', 'betalande', 'lansering'],
    en: ['product', 'user', 'feature', 'release', 'app', 'activation', 'usage', 'trial', 'churn', 'adoption'],
  },
  'public-sector': {
    sv: [
      'invånare',
      'medborgare',
      'kommun',
      'myndighet',
      'handläggning',
      'ansökan',
      'bygglov',
      'hemtjänst',
      'omsorg',
      'brukare',
      'elev',
    ],
    en: [
      'resident',
      'citizen',
      'council',
      'municipal',
      'public',
      'agency',
      'permit',
      'planning',
      'processing',
      'patient',
      'carer',
    ],
  },
  'personal-development': {
    sv: ['jag', 'min', 'mitt', 'mina', 'lära', 'kurs', 'presentera', 'presentation', 'ledare', 'självskatt'],
    en: ['my', 'learn', 'course', 'skill', 'present', 'speaking', 'leader', 'mentor', 'confident', 'self'],
  },
};
