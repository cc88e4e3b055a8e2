import type { OkrExample } from '../model.ts';
import { down, up } from './key-results.ts';

export const PUBLIC_SECTOR: readonly OkrExample[] = [
  {
    id: 'public-sector-building-permits',
    function: 'public-sector',
    level: 'unit',
    kind: 'committed',
    text: {
      sv: {
        title: 'Invånare och företag ska få besked om bygglov snabbt och begripligt',
        description: 'Ett snabbt och tydligt besked gör det lättare att bygga, bo och driva företag i kommunen.',
        keyResults: [
          down('Minska handläggningstiden för bygglov från 9 till 5 veckor', 9, 5, 'veckor'),
          up('Öka andelen ansökningar som är kompletta redan första gången från 40 % till 70 %', 40, 70, '%'),
          up('Öka nöjd-kund-index för bygglov från 58 till 70', 58, 70, 'NKI'),
        ],
      },
      en: {
        title: 'Residents and businesses get clear planning decisions, fast',
        description: 'A quick, clear answer makes it easier to build, live and run a business in our area.',
        keyResults: [
          down('Average processing time for planning applications down from 9 to 5 weeks', 9, 5, 'weeks'),
          up('Applications complete on first submission from 40% to 70%', 40, 70, '%'),
          up('Customer satisfaction index for planning from 58 to 70', 58, 70, 'index'),
        ],
      },
    },
  },
  {
    id: 'public-sector-digital-services',
    function: 'public-sector',
    level: 'unit',
    kind: 'committed',
    text: {
      sv: {
        title: 'Det ska vara enklast att sköta sina ärenden med kommunen digitalt',
        description:
          'Invånarna ska kunna göra sina ärenden när det passar dem, och handläggarna få tid för de svåra frågorna.',
        keyResults: [
          up('Öka andelen ärenden som kommer in via e-tjänst från 45 % till 75 %', 45, 75, '%'),
          down(
            'Minska antalet samtal till kontaktcenter om var ett ärende står från 1 200 till 500 per månad',
            1200,
            500,
            'samtal',
          ),
          up('Öka andelen invånare som tycker att e-tjänsterna är lätta att använda från 62 % till 80 %', 62, 80, '%'),
        ],
      },
      en: {
        title: 'Dealing with the council online should be the easy option',
        description:
          'Residents should be able to get things done when it suits them, and our officers should have time for the hard cases.',
        keyResults: [
          up('Requests made through online services from 45% to 75%', 45, 75, '%'),
          down('Calls to the contact centre chasing a request down from 1,200 to 500 a month', 1200, 500, 'calls'),
          up('Residents who find the online services easy to use from 62% to 80%', 62, 80, '%'),
        ],
      },
    },
  },
  {
    id: 'public-sector-home-care',
    function: 'public-sector',
    level: 'unit',
    kind: 'committed',
    text: {
      sv: {
        title: 'Äldre i hemtjänsten ska känna sig trygga och veta vem som kommer',
        description: 'Kontinuitet och passade tider gör att brukarna känner sig trygga i sitt eget hem.',
        keyResults: [
          down('Minska antalet olika personal som besöker en brukare under 14 dagar från 15 till 9', 15, 9, 'personer'),
          up('Öka andelen brukare som känner sig trygga med hemtjänsten från 78 % till 90 %', 78, 90, '%'),
          up('Öka andelen besök som börjar inom överenskommen tid från 82 % till 95 %', 82, 95, '%'),
        ],
      },
      en: {
        title: 'Older people in home care feel safe and know who is coming',
        description: 'Familiar faces and visits on time let people feel secure in their own homes.',
        keyResults: [
          down('Different carers visiting one client over 14 days down from 15 to 9', 15, 9, 'carers'),
          up('Clients who feel safe with their home care from 78% to 90%', 78, 90, '%'),
          up('Visits that start at the agreed time from 82% to 95%', 82, 95, '%'),
        ],
      },
    },
  },
];
