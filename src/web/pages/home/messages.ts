import { bilingual } from '../../i18n/bilingual.ts';

export const home = bilingual(
  {
    vision: 'Vision',
    mission: 'Mission',
    strategy: 'Strategy',
    noVision: 'No vision written yet.',
    objectivesTitle: 'The organisation’s objectives',
    objectivesIntro:
      'The agenda leadership set for {{cycle}}. Teams choose which of these they support with objectives of their own.',
    noObjectives: 'The organisation has no objectives in this cycle yet.',
    keyResultCount_one: '{{count, number}} key result',
    keyResultCount_other: '{{count, number}} key results',
    supportedBy_one: 'Supported by {{count, number}} objective',
    supportedBy_other: 'Supported by {{count, number}} objectives',
    supportedByWithProgress_one: 'Supported by {{count, number}} objective, {{progress}}',
    supportedByWithProgress_other: 'Supported by {{count, number}} objectives, {{progress}}',
    newObjective: 'New objective',
  },
  {
    vision: 'Vision',
    mission: 'Uppdrag',
    strategy: 'Strategi',
    noVision: 'Ingen vision är skriven än.',
    objectivesTitle: 'Organisationens mål',
    objectivesIntro: 'Agendan som ledningen satt för {{cycle}}. Teamen väljer vilka av dessa de stöder med egna mål.',
    noObjectives: 'Organisationen har inga mål i denna period än.',
    keyResultCount_one: '{{count, number}} nyckelresultat',
    keyResultCount_other: '{{count, number}} nyckelresultat',
    supportedBy_one: 'Stöds av {{count, number}} mål',
    supportedBy_other: 'Stöds av {{count, number}} mål',
    supportedByWithProgress_one: 'Stöds av {{count, number}} mål, {{progress}}',
    supportedByWithProgress_other: 'Stöds av {{count, number}} mål, {{progress}}',
    newObjective: 'Nytt mål',
  },
);
