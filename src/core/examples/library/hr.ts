import type { OkrExample } from '../model.ts';
import { down, up } from './key-results.ts';

export const HR: readonly OkrExample[] = [
  {
    id: 'hr-people-stay-and-grow',
    function: 'hr',
    level: 'unit',
    kind: 'committed',
    text: {
      sv: {
        title: 'Bli en arbetsplats där medarbetarna vill stanna och växa',
        description:
          'Varje kollega som slutar tar med sig kunskap och kundrelationer. Vi vill att folk växer här i stället.',
        keyResults: [
          up('Öka eNPS i medarbetarundersökningen från 5 till 25', 5, 25, 'eNPS'),
          down('Minska personalomsättningen från 18 % till 12 %', 18, 12, '%'),
          up('Öka andelen tjänster som tillsätts internt från 20 % till 35 %', 20, 35, '%'),
        ],
      },
      en: {
        title: 'Make this a place where people want to stay and grow',
        description:
          'Everyone who leaves takes knowledge and customer relationships with them. We want people to grow here instead.',
        keyResults: [
          up('Employee NPS from 5 to 25', 5, 25, 'eNPS'),
          down('Staff turnover down from 18% to 12%', 18, 12, '%'),
          up('Roles filled by internal candidates from 20% to 35%', 20, 35, '%'),
        ],
      },
    },
  },
  {
    id: 'hr-onboarding',
    function: 'hr',
    level: 'unit',
    kind: 'committed',
    text: {
      sv: {
        title: 'Ge nyanställda en start som gör dem trygga och självgående snabbt',
        description: 'De första månaderna avgör om en ny kollega stannar och hur snart hen kan göra skillnad.',
        keyResults: [
          up('Höj nyanställdas betyg på introduktionen från 3,6 till 4,5 av 5', 3.6, 4.5, 'av 5'),
          down(
            'Minska tiden tills nyanställda klarar sina uppgifter på egen hand från 90 till 60 dagar',
            90,
            60,
            'dagar',
          ),
          down('Minska andelen som slutar under första året från 15 % till 7 %', 15, 7, '%'),
        ],
      },
      en: {
        title: 'Help new starters feel at home and do great work sooner',
        description: 'The first months decide whether a new colleague stays, and how soon they make a difference.',
        keyResults: [
          up('Onboarding rating from new starters from 3.6 to 4.5 out of 5', 3.6, 4.5, 'out of 5'),
          down('Days until new starters work on their own down from 90 to 60', 90, 60, 'days'),
          down('First-year leavers down from 15% to 7%', 15, 7, '%'),
        ],
      },
    },
  },
  {
    id: 'hr-sustainable-work',
    function: 'hr',
    level: 'unit',
    kind: 'committed',
    text: {
      sv: {
        title: 'En arbetsmiljö där alla orkar, år efter år',
        description: 'Vi vill att medarbetarna har kraft kvar efter arbetsdagen och ett långt arbetsliv hos oss.',
        keyResults: [
          down('Minska sjukfrånvaron från 5,8 % till 4,5 %', 5.8, 4.5, '%'),
          down('Minska korttidsfrånvaron från 2,4 till 1,5 tillfällen per medarbetare och år', 2.4, 1.5, 'tillfällen'),
          up('Öka andelen som upplever arbetsbelastningen som rimlig från 58 % till 75 %', 58, 75, '%'),
        ],
      },
      en: {
        title: 'A workplace where people stay well, year after year',
        description: 'We want people to have energy left at the end of the day, and long careers with us.',
        keyResults: [
          down('Sickness absence down from 5.8% to 4.5%', 5.8, 4.5, '%'),
          down('Short-term absences from 2.4 to 1.5 per person a year', 2.4, 1.5, 'absences'),
          up('People who find their workload manageable from 58% to 75%', 58, 75, '%'),
        ],
      },
    },
  },
];
