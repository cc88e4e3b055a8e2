import { bilingual } from '../../i18n/bilingual.ts';

export const settings = bilingual(
  {
    title: 'My settings',
    intro: 'Your language, and which e-mails you get from {{org}}.',
    language: {
      title: 'Language',
      label: 'Language of the app and of your e-mails',
      saved: 'Language saved.',
    },
    email: {
      title: 'E-mail',
      intro: 'Every e-mail comes in your language and links straight to the page it is about.',
      checkInReminders: 'Check-in reminders',
      checkInRemindersHelp:
        'On Thursdays, when key results you own have had no check-in within their rhythm: which ones, and a link to My week.',
      weeklyDigest: 'Weekly digest',
      weeklyDigestHelp: 'On Monday mornings: what is due this week and where your objectives stand.',
      mentions: 'Mentions',
      mentionsHelp: 'When someone mentions you in a comment.',
      saved: 'Your e-mail settings were saved.',
      stale: 'Your settings were changed elsewhere; the latest are shown. Try again.',
      failed: 'The setting could not be saved.',
    },
  },
  {
    title: 'Mina inställningar',
    intro: 'Ditt språk och vilka mejl du får från {{org}}.',
    language: {
      title: 'Språk',
      label: 'Språk i appen och i dina mejl',
      saved: 'Språket är sparat.',
    },
    email: {
      title: 'Mejl',
      intro: 'Alla mejl kommer på ditt språk och länkar direkt till sidan de handlar om.',
      checkInReminders: 'Påminnelser om avstämning',
      checkInRemindersHelp:
        'På torsdagar, när nyckelresultat du äger inte har stämts av i sin takt: vilka det gäller, med en länk till Min vecka.',
      weeklyDigest: 'Veckosammanfattning',
      weeklyDigestHelp: 'På måndagsmorgnar: vad som ska stämmas av i veckan och hur det går för dina mål.',
      mentions: 'Omnämnanden',
      mentionsHelp: 'När någon nämner dig i en kommentar.',
      saved: 'Dina mejlinställningar är sparade.',
      stale: 'Inställningarna ändrades någon annanstans; de senaste visas. Försök igen.',
      failed: 'Inställningen kunde inte sparas.',
    },
  },
);
