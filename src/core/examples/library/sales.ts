import type { OkrExample } from '../model.ts';
import { down, up } from './key-results.ts';

export const SALES: readonly OkrExample[] = [
  {
    id: 'sales-new-customers',
    function: 'sales',
    level: 'unit',
    kind: 'committed',
    text: {
      sv: {
        title: 'Bli det självklara valet för nya kunder i vår region',
        description:
          'Vi växer med kunder som väljer oss för att vi förstår deras verksamhet – inte för att vi är billigast.',
        keyResults: [
          up('Öka antalet nya kunder per kvartal från 18 till 30', 18, 30, 'kunder'),
          up('Öka andelen vunna offerter från 22 % till 35 %', 22, 35, '%'),
          down('Korta säljcykeln från 64 till 45 dagar', 64, 45, 'dagar'),
          up('Öka andelen affärer som kommer via rekommendationer från 15 % till 25 %', 15, 25, '%'),
        ],
      },
      en: {
        title: 'Be the first call for new customers in our region',
        description:
          'We grow with customers who pick us because we understand their business, not because we are cheapest.',
        keyResults: [
          up('New customers per quarter up from 18 to 30', 18, 30, 'customers'),
          up('Proposal win rate from 22% to 35%', 22, 35, '%'),
          down('Average sales cycle down from 64 to 45 days', 64, 45, 'days'),
          up('Deals that come through referrals from 15% to 25%', 15, 25, '%'),
        ],
      },
    },
  },
  {
    id: 'sales-grow-with-customers',
    function: 'sales',
    level: 'unit',
    kind: 'committed',
    text: {
      sv: {
        title: 'Få våra kunder att stanna och växa med oss',
        description:
          'Det är dyrare att vinna en ny kund än att behålla en befintlig. Nöjda kunder köper mer och berättar om oss.',
        keyResults: [
          up('Öka andelen kunder som förnyar sitt avtal från 78 % till 90 %', 78, 90, '%'),
          up('Öka andelen kunder som köper mer än en tjänst från 30 % till 45 %', 30, 45, '%'),
          down('Minska antalet uppsagda avtal från 24 till 12 per kvartal', 24, 12, 'avtal'),
        ],
      },
      en: {
        title: 'Keep our customers with us, and grow with them',
        description:
          'Winning a new customer costs far more than keeping one. Happy customers buy more and tell others.',
        keyResults: [
          up('Contract renewal rate from 78% to 90%', 78, 90, '%'),
          up('Customers buying more than one service from 30% to 45%', 30, 45, '%'),
          down('Cancelled contracts down from 24 to 12 a quarter', 24, 12, 'contracts'),
        ],
      },
    },
  },
  {
    id: 'sales-predictable-revenue',
    function: 'sales',
    level: 'unit',
    kind: 'committed',
    text: {
      sv: {
        title: 'Gör vår försäljning så förutsägbar att resten av företaget kan planera efter den',
        description:
          'Leverans, inköp och ledning behöver kunna lita på våra prognoser för att anställa och köpa in i tid.',
        keyResults: [
          down('Minska avvikelsen mellan prognos och utfall från 25 % till 10 %', 25, 10, '%'),
          up('Öka den kvalificerade pipelinen från 3 till 5 gånger kvartalets säljmål', 3, 5, 'gånger'),
          up('Öka andelen öppna affärer med ett bokat nästa steg från 55 % till 90 %', 55, 90, '%'),
        ],
      },
      en: {
        title: 'Make our revenue predictable enough for everyone else to plan on',
        description: 'Delivery, purchasing and leadership need forecasts they can trust to hire and buy in time.',
        keyResults: [
          down('Forecast error down from 25% to 10%', 25, 10, '%'),
          up('Qualified pipeline coverage from 3 to 5 times the quarterly target', 3, 5, '×'),
          up('Open deals with a booked next step from 55% to 90%', 55, 90, '%'),
        ],
      },
    },
  },
];
