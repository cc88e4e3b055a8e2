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
    keyResultCount_one: '{{count}} key result',
    keyResultCount_other: '{{count}} key results',
    supportedBy_one: 'Supported by {{count}} objective',
    supportedBy_other: 'Supported by {{count}} objectives',
    supportedByWithProgress_one: 'Supported by {{count}} objective, {{progress}}',
    supportedByWithProgress_other: 'Supported by {{count}} objectives, {{progress}}',
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
    keyResultCount_one: '{{count}} nyckelresultat',
    keyResultCount_other: '{{count}} nyckelresultat',
    supportedBy_one: 'Stöds av {{count}} mål',
    supportedBy_other: 'Stöds av {{count}} mål',
    supportedByWithProgress_one: 'Stöds av {{count}} mål, {{progress}}',
    supportedByWithProgress_other: 'Stöds av {{count}} mål, {{progress}}',
    newObjective: 'Nytt mål',
  },
);
