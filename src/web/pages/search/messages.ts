import { bilingual } from '../../i18n/bilingual.ts';

// The search dialog's words; the header's search button is in `common` (first bundle).
export const search = bilingual(
  {
    title: 'Search',
    label: 'Search objectives, key results, teams and people',
    placeholder: 'Objectives, key results, teams, people…',
    results: 'Search results',
    hint_one: 'Type at least {{count, number}} character. Move with the arrow keys, open with Enter, close with Esc.',
    hint_other:
      'Type at least {{count, number}} characters. Move with the arrow keys, open with Enter, close with Esc.',
    tooShort_one: 'Keep typing: at least {{count, number}} character.',
    tooShort_other: 'Keep typing: at least {{count, number}} characters.',
    searching: 'Searching…',
    none: 'Nothing matches “{{query}}”. Try part of a word, or another word.',
    found_one: '{{count, number}} hit',
    found_other: '{{count, number}} hits',
    failed: 'The search did not work. Try again in a moment.',
    groups: { objectives: 'Objectives', keyResults: 'Key results', units: 'Teams and units', people: 'People' },
    objectiveDetail: '{{owner}} · {{cycle}}',
    keyResultDetail: 'In “{{objective}}”',
    unitKind: { division: 'Division', department: 'Department', team: 'Team', group: 'Group' },
  },
  {
    title: 'Sök',
    label: 'Sök mål, nyckelresultat, team och personer',
    placeholder: 'Mål, nyckelresultat, team, personer…',
    results: 'Sökresultat',
    hint_one: 'Skriv minst {{count, number}} tecken. Flytta med piltangenterna, öppna med Enter, stäng med Esc.',
    hint_other: 'Skriv minst {{count, number}} tecken. Flytta med piltangenterna, öppna med Enter, stäng med Esc.',
    tooShort_one: 'Skriv vidare: minst {{count, number}} tecken.',
    tooShort_other: 'Skriv vidare: minst {{count, number}} tecken.',
    searching: 'Söker…',
    none: 'Inget matchar ”{{query}}”. Pröva en del av ett ord, eller ett annat ord.',
    found_one: '{{count, number}} träff',
    found_other: '{{count, number}} träffar',
    failed: 'Sökningen fungerade inte. Försök igen om en stund.',
    groups: { objectives: 'Mål', keyResults: 'Nyckelresultat', units: 'Team och enheter', people: 'Personer' },
    objectiveDetail: '{{owner}} · {{cycle}}',
    keyResultDetail: 'I ”{{objective}}”',
    unitKind: { division: 'Division', department: 'Avdelning', team: 'Team', group: 'Grupp' },
  },
);
