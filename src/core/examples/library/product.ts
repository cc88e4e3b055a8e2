import type { OkrExample } from '../model.ts';
import { down, up } from './key-results.ts';

export const PRODUCT: readonly OkrExample[] = [
  {
    id: 'product-first-week-value',
    function: 'product',
    level: 'unit',
    kind: 'committed',
    text: {
      sv: {
        title: 'Nya användare ska se nyttan med produkten redan första veckan',
        description: 'Den som inte får ut något av produkten första veckan kommer sällan tillbaka.',
        keyResults: [
          up('Öka andelen nya användare som kommer tillbaka andra veckan från 35 % till 55 %', 35, 55, '%'),
          down('Minska tiden från registrering till första färdiga rapport från 72 till 12 timmar', 72, 12, 'timmar'),
          up('Öka andelen testkunder som blir betalande från 12 % till 20 %', 12, 20, '%'),
        ],
      },
      en: {
        title: 'New users get real value from the product in their very first week',
        description: 'People who get nothing out of the product in week one rarely come back.',
        keyResults: [
          up('New users who come back in week two from 35% to 55%', 35, 55, '%'),
          down('Median time from sign-up to first finished report down from 72 to 12 hours', 72, 12, 'hours'),
          up('Trial-to-paid conversion from 12% to 20%', 12, 20, '%'),
        ],
      },
    },
  },
  {
    id: 'product-recommended',
    function: 'product',
    level: 'unit',
    kind: 'aspirational',
    text: {
      sv: {
        title: 'En produkt som användarna rekommenderar utan att vi ber dem',
        description: 'Rekommendationer är vår billigaste tillväxt – och det ärligaste betyget på produkten.',
        keyResults: [
          up('Öka NPS bland aktiva användare från 18 till 35', 18, 35, 'NPS'),
          down('Minska antalet supportärenden per 1 000 användare från 40 till 20', 40, 20, 'ärenden'),
          up('Öka andelen kunder som använder minst tre kärnfunktioner varje vecka från 30 % till 50 %', 30, 50, '%'),
        ],
      },
      en: {
        title: 'A product users recommend without being asked',
        description: 'Word of mouth is our cheapest growth, and the most honest verdict on the product.',
        keyResults: [
          up('NPS among active users from 18 to 35', 18, 35, 'NPS'),
          down('Support tickets per 1,000 users down from 40 to 20', 40, 20, 'tickets'),
          up('Customers using at least three core features every week from 30% to 50%', 30, 50, '%'),
        ],
      },
    },
  },
  {
    id: 'product-steady-delivery',
    function: 'product',
    level: 'unit',
    kind: 'committed',
    text: {
      sv: {
        title: 'Ge kunderna förbättringar varje vecka, utan överraskningar',
        description: 'Små, täta leveranser ger snabbare svar från kunderna och färre fel än stora releaser.',
        keyResults: [
          up('Öka antalet releaser till produktion från 2 till 8 per månad', 2, 8, 'releaser'),
          down('Minska andelen releaser som orsakar fel hos kund från 15 % till 5 %', 15, 5, '%'),
          down('Minska ledtiden från idé till kund från 45 till 20 dagar', 45, 20, 'dagar'),
        ],
      },
      en: {
        title: 'Ship improvements every week, without surprises',
        description: 'Small, frequent releases get us answers from customers sooner, with fewer bugs than big ones.',
        keyResults: [
          up('Production releases from 2 to 8 a month', 2, 8, 'releases'),
          down('Releases that cause customer-facing bugs down from 15% to 5%', 15, 5, '%'),
          down('Lead time from idea to customer down from 45 to 20 days', 45, 20, 'days'),
        ],
      },
    },
  },
];
