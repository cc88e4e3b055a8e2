import { bilingual } from '../../i18n/bilingual.ts';

export const people = bilingual(
  {
    intro: 'The individual objectives of {{name}} and the key results they own.',
    cycleIntro: 'Shown for {{cycle}}.',
    noCycle: 'There is no cycle yet.',
    objectives: { title: 'Individual objectives', none: 'No individual objectives in this cycle.' },
    keyResults: {
      title: 'Key results they own',
      none: 'They own no key results in this cycle.',
      objective: 'Objective: {{title}}',
    },
  },
  {
    intro: 'Individuella mål för {{name}} och nyckelresultaten hen äger.',
    cycleIntro: 'Visas för {{cycle}}.',
    noCycle: 'Det finns ingen period än.',
    objectives: { title: 'Individuella mål', none: 'Inga individuella mål i den här perioden.' },
    keyResults: {
      title: 'Nyckelresultat hen äger',
      none: 'Hen äger inga nyckelresultat i den här perioden.',
      objective: 'Mål: {{title}}',
    },
  },
);
