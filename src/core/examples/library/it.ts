import type { OkrExample } from '../model.ts';
import { down, up } from './key-results.ts';

export const IT: readonly OkrExample[] = [
  {
    id: 'it-stable-operations',
    function: 'it',
    level: 'unit',
    kind: 'committed',
    text: {
      sv: {
        title: 'IT-driften ska vara något verksamheten aldrig behöver tänka på',
        description: 'Varje driftstörning stoppar kollegor och kunder. Vi vill att systemen bara fungerar.',
        keyResults: [
          up('Öka tillgängligheten för affärskritiska system från 99,5 % till 99,9 %', 99.5, 99.9, '%'),
          down('Minska antalet allvarliga driftstörningar från 6 till 2 per kvartal', 6, 2, 'störningar'),
          down('Minska tiden till åtgärdad allvarlig incident från 4 till 1 timme', 4, 1, 'timmar'),
        ],
      },
      en: {
        title: 'Make IT something the business never has to think about',
        description: 'Every outage stops colleagues and customers in their tracks. We want the systems to just work.',
        keyResults: [
          up('Uptime of business-critical systems from 99.5% to 99.9%', 99.5, 99.9, '%'),
          down('Major incidents down from 6 to 2 a quarter', 6, 2, 'incidents'),
          down('Mean time to restore after a major incident from 4 hours to 1', 4, 1, 'hours'),
        ],
      },
    },
  },
  {
    id: 'it-service-desk',
    function: 'it',
    level: 'unit',
    kind: 'committed',
    text: {
      sv: {
        title: 'Ge kollegorna en IT-support som löser problemet på en gång',
        description: 'Tid som går åt till att vänta på hjälp är tid som inte går till kunderna.',
        keyResults: [
          up('Öka andelen ärenden som löses vid första kontakten från 55 % till 75 %', 55, 75, '%'),
          up('Höj nöjdheten med IT-supporten från 3,4 till 4,3 av 5', 3.4, 4.3, 'av 5'),
          down('Minska väntetiden i telefon från 9 till 3 minuter', 9, 3, 'minuter'),
          up('Öka andelen ärenden som användarna löser själva via självservice från 10 % till 30 %', 10, 30, '%'),
        ],
      },
      en: {
        title: 'Service desk help that fixes it the first time',
        description: 'Time spent waiting for help is time not spent on our customers.',
        keyResults: [
          up('First-contact resolution from 55% to 75%', 55, 75, '%'),
          up('Satisfaction with the service desk from 3.4 to 4.3 out of 5', 3.4, 4.3, 'out of 5'),
          down('Average wait on the phone down from 9 to 3 minutes', 9, 3, 'minutes'),
          up('Requests people solve themselves through self-service from 10% to 30%', 10, 30, '%'),
        ],
      },
    },
  },
  {
    id: 'it-security',
    function: 'it',
    level: 'unit',
    kind: 'committed',
    text: {
      sv: {
        title: 'Svårt att ta sig in, lätt att göra rätt',
        description: 'Ett intrång kan kosta oss kundernas förtroende. Säkerheten ska sitta i vardagen, inte i en pärm.',
        keyResults: [
          up('Öka andelen konton med tvåfaktorsinloggning från 60 % till 100 %', 60, 100, '%'),
          down('Minska andelen medarbetare som klickar på simulerade nätfiskemejl från 18 % till 5 %', 18, 5, '%'),
          down('Minska antalet kritiska sårbarheter äldre än 30 dagar från 25 till 0', 25, 0, 'sårbarheter'),
        ],
      },
      en: {
        title: 'Hard to break into, easy to do the right thing',
        description:
          'One breach could cost us our customers’ trust. Security belongs in everyday work, not in a binder.',
        keyResults: [
          up('Accounts with multi-factor sign-in from 60% to 100%', 60, 100, '%'),
          down('Staff who click simulated phishing e-mails down from 18% to 5%', 18, 5, '%'),
          down('Critical vulnerabilities older than 30 days down from 25 to 0', 25, 0, 'vulnerabilities'),
        ],
      },
    },
  },
];
