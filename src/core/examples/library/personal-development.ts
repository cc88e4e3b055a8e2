import type { OkrExample } from '../model.ts';
import { down, up } from './key-results.ts';

// A person's own development plan: the method lets individuals add such goals beside the
// ones that support the team's. The outcomes are about the person, measured all the same.
export const PERSONAL_DEVELOPMENT: readonly OkrExample[] = [
  {
    id: 'personal-development-presenting',
    function: 'personal-development',
    level: 'person',
    kind: 'development',
    text: {
      sv: {
        title: 'Bli en trygg och tydlig presentatör',
        description: 'Jag vill kunna stå framför en grupp och få fram mitt budskap utan att nerverna tar över.',
        keyResults: [
          up('Höj åhörarnas betyg på mina presentationer från 3,5 till 4,3 av 5', 3.5, 4.3, 'av 5'),
          down('Minska utfyllnadsorden i inspelade dragningar från 12 till 4 per minut', 12, 4, 'ord/min'),
          up('Öka min egen trygghet inför en presentation från 4 till 8 av 10', 4, 8, 'av 10'),
        ],
      },
      en: {
        title: 'Become a confident, clear presenter',
        description: 'I want to stand in front of a room and get my message across without my nerves taking over.',
        keyResults: [
          up('Audience rating of my talks from 3.5 to 4.3 out of 5', 3.5, 4.3, 'out of 5'),
          down('Filler words in recorded talks down from 12 to 4 a minute', 12, 4, 'words/min'),
          up('How confident I feel before presenting from 4 to 8 out of 10', 4, 8, 'out of 10'),
        ],
      },
    },
  },
  {
    id: 'personal-development-leadership',
    function: 'personal-development',
    level: 'person',
    kind: 'development',
    text: {
      sv: {
        title: 'Växa in i rollen som den ledare mitt team behöver',
        description: 'Jag är ny som chef och vill att teamet ska få stöd att ta egna beslut och utvecklas.',
        keyResults: [
          up('Höj teamets betyg på ”jag får den återkoppling jag behöver” från 3,1 till 4,2 av 5', 3.1, 4.2, 'av 5'),
          up('Öka andelen i teamet med en aktuell utvecklingsplan från 30 % till 100 %', 30, 100, '%'),
          up('Öka andelen beslut som teamet fattar utan mig från 40 % till 70 %', 40, 70, '%'),
        ],
      },
      en: {
        title: 'Grow into the leader my team needs',
        description: 'I am new to managing, and I want my team to feel supported to make their own decisions and grow.',
        keyResults: [
          up('Team rating of “I get the feedback I need” from 3.1 to 4.2 out of 5', 3.1, 4.2, 'out of 5'),
          up('Team members with an up-to-date development plan from 30% to 100%', 30, 100, '%'),
          up('Decisions the team makes without me from 40% to 70%', 40, 70, '%'),
        ],
      },
    },
  },
  {
    id: 'personal-development-data-skills',
    function: 'personal-development',
    level: 'person',
    kind: 'development',
    text: {
      sv: {
        title: 'Bli självgående i att analysera data',
        description: 'Jag vill kunna svara på mina egna frågor med data i stället för att vänta på analysteamet.',
        keyResults: [
          up('Öka andelen av mina analyser som jag gör utan hjälp från 20 % till 80 %', 20, 80, '%'),
          down('Minska tiden det tar mig att sammanställa månadsrapporten från 6 till 2 timmar', 6, 2, 'timmar'),
          up('Höj min självskattade SQL-kunskap från 2 till 4 av 5', 2, 4, 'av 5'),
        ],
      },
      en: {
        title: 'Become self-sufficient with data',
        description: 'I want to answer my own questions with data instead of waiting for the analytics team.',
        keyResults: [
          up('Analyses I do without help from 20% to 80%', 20, 80, '%'),
          down('Time it takes me to put the monthly report together down from 6 to 2 hours', 6, 2, 'hours'),
          up('Self-rated SQL skill from 2 to 4 out of 5', 2, 4, 'out of 5'),
        ],
      },
    },
  },
];
