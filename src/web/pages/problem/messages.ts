// What a page that could not be shown says (ProblemView): loaded with it, when it is shown.
import { bilingual } from '../../i18n/bilingual.ts';

export const problem = bilingual(
  {
    back: 'Go back',
    home: 'To the start page',
    notFound: {
      title: 'There is nothing here',
      text: 'What this address points to does not exist, or is no longer here: it may have been archived, or the link may be mistyped.',
    },
    forbidden: {
      title: 'Not yours to see',
      text: 'This belongs to someone else and is private, or your role does not allow it. Ask an administrator if you need it.',
    },
    failed: {
      title: 'Something went wrong',
      text: 'The page could not be loaded. Try again in a moment; if it keeps happening, tell an administrator.',
    },
    unknownAddress: {
      title: 'There is no such page',
      text: 'Riktning has no page at this address. Check the link, or go on from the start page.',
    },
  },
  {
    back: 'Gå tillbaka',
    home: 'Till startsidan',
    notFound: {
      title: 'Här finns inget',
      text: 'Det som adressen pekar på finns inte, eller finns inte här längre: det kan ha arkiverats, eller så är länken felskriven.',
    },
    forbidden: {
      title: 'Inte ditt att se',
      text: 'Det här tillhör någon annan och är privat, eller så tillåter inte din roll det. Fråga en administratör om du behöver det.',
    },
    failed: {
      title: 'Något gick fel',
      text: 'Sidan kunde inte läsas in. Försök igen om en stund; händer det igen, säg till en administratör.',
    },
    unknownAddress: {
      title: 'Sidan finns inte',
      text: 'Riktning har ingen sida på den här adressen. Kontrollera länken, eller gå vidare från startsidan.',
    },
  },
);
