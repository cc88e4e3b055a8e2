import { describe, expect, it } from 'vitest';
import { opensWithHold, opensWithTask } from './task-verbs.ts';

describe('a title that opens with a task, by the first word’s role', () => {
  it.each([
    'Launch the partner programme',
    'Launching a self-service portal',
    'Implement single sign-on',
    'Set up a customer panel',
    'Setting up the data warehouse',
    'Hire 3 engineers',
    'Lansera den nya webbplatsen',
    'Genomföra 10 kundmöten',
    'Genomför 10 kundmöten',
    'Bygg en ny kundportal',
    'Sätt upp en kundpanel',
    'Ta fram en ny prismodell',
    'Anställ 3 säljare',
    'Kör 4 utbildningar',
  ])('fires for a verb that orders or names the doing: %s', (title) => {
    expect(opensWithTask(title)).toBe(true);
  });

  it.each([
    // Plural nouns that share a verb's stem.
    'Releases per month rise from 2 to 6',
    'Launches per quarter from 2 to 6',
    'Hires per quarter reach 12',
    'Anställningar per kvartal från 5 till 12',
    'Lanseringar i tid från 50 % till 90 %',
    // Adjectives and participles made from a verb.
    'Organisational trust grows from 55 to 70',
    'Completed deals from 20 to 35',
    'Publicerade artiklar per månad från 4 till 10',
    'Skapade leads från 100 till 250',
    'Installerad bas växer från 200 till 500',
    'Etablerade partner från 3 till 8',
    'Anställda som rekommenderar oss från 40 till 60 %',
    // A verb's base form as the subject of a change.
    'Start rate rises from 20 % to 40 %',
    'Hire count reaches 40',
    'Starttid är under 2 sekunder',
    // Nouns that are no verb at all, and an empty title.
    'Developer satisfaction 4 of 5',
    'NPS från 30 till 45',
    '',
  ])('does not fire for a word that is no order: %s', (title) => {
    expect(opensWithTask(title)).toBe(false);
  });

  it('tells "hold" as a verb from other words', () => {
    expect(opensWithHold('Hålla 4 kundworkshops')).toBe(true);
    expect(opensWithHold('Håll NPS över 40')).toBe(true);
    expect(opensWithHold('Hold churn below 5 %')).toBe(true);
    expect(opensWithHold('Hållbarhetsindex från 60 till 75')).toBe(false);
    expect(opensWithHold('Holdings grow to 12')).toBe(false);
  });
});
