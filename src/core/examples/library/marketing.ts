import type { OkrExample } from '../model.ts';
import { down, up } from './key-results.ts';

export const MARKETING: readonly OkrExample[] = [
  {
    id: 'marketing-qualified-leads',
    function: 'marketing',
    level: 'unit',
    kind: 'committed',
    text: {
      sv: {
        title: 'Fyll säljarnas kalendrar med möten som leder till affärer',
        description: 'Säljarna ska lägga sin tid på kunder som är redo att köpa, inte på att leta efter dem.',
        keyResults: [
          up('Öka antalet säljkvalificerade leads från 40 till 90 per månad', 40, 90, 'leads'),
          up('Öka andelen leads som blir kunder från 8 % till 14 %', 8, 14, '%'),
          down('Sänk kostnaden per kvalificerat lead från 1 900 till 1 200 kronor', 1900, 1200, 'kr'),
        ],
      },
      en: {
        title: 'Give sales a steady flow of conversations worth having',
        description: 'Our sales people should spend their time with buyers who are ready, not hunting for them.',
        keyResults: [
          up('Sales-qualified leads from 40 to 90 a month', 40, 90, 'leads'),
          up('Lead-to-customer conversion from 8% to 14%', 8, 14, '%'),
          down('Cost per qualified lead down from €180 to €110', 180, 110, '€'),
        ],
      },
    },
  },
  {
    id: 'marketing-known-brand',
    function: 'marketing',
    level: 'unit',
    kind: 'aspirational',
    text: {
      sv: {
        title: 'Bli namnet som kunderna tänker på först i vår bransch',
        description:
          'När någon i vår målgrupp behöver det vi gör ska vi vara det första namnet de kommer att tänka på.',
        keyResults: [
          up('Öka den spontana kännedomen i målgruppen från 12 % till 20 %', 12, 20, '%'),
          up('Öka besöken på webbplatsen från sökmotorer från 8 000 till 14 000 per månad', 8000, 14000, 'besök'),
          up('Öka antalet prenumeranter på nyhetsbrevet från 2 500 till 4 000', 2500, 4000, 'prenumeranter'),
        ],
      },
      en: {
        title: 'Be the name people think of first in our field',
        description: 'When someone in our audience needs what we do, we want to be the first name that comes to mind.',
        keyResults: [
          up('Unaided brand awareness in our target group from 12% to 20%', 12, 20, '%'),
          up('Organic search visits from 8,000 to 14,000 a month', 8000, 14000, 'visits'),
          up('Newsletter subscribers from 2,500 to 4,000', 2500, 4000, 'subscribers'),
        ],
      },
    },
  },
  {
    id: 'marketing-customer-events',
    function: 'marketing',
    level: 'unit',
    kind: 'committed',
    text: {
      sv: {
        title: 'Gör våra kundträffar till något kunderna inte vill missa',
        description: 'Kundträffarna är där befintliga kunder blir ambassadörer och nya kunder lär känna oss.',
        keyResults: [
          up('Öka antalet deltagare per kundträff från 60 till 120', 60, 120, 'deltagare'),
          up('Höj deltagarnas betyg på träffarna från 3,9 till 4,5 av 5', 3.9, 4.5, 'av 5'),
          up('Öka andelen deltagare som bokar ett uppföljande möte från 10 % till 25 %', 10, 25, '%'),
        ],
      },
      en: {
        title: 'Make our customer events the ones people clear their diaries for',
        description: 'Our events are where customers become advocates and new prospects get to know us.',
        keyResults: [
          up('Average attendance per event from 60 to 120', 60, 120, 'attendees'),
          up('Event rating from 3.9 to 4.5 out of 5', 3.9, 4.5, 'out of 5'),
          up('Attendees who book a follow-up meeting from 10% to 25%', 10, 25, '%'),
        ],
      },
    },
  },
];
