import { bilingual } from '../../i18n/bilingual.ts';

export const auth = bilingual(
  {
    setup: {
      title: 'Set up Riktning',
      intro: 'Welcome! Start your organisation and your own account. You can invite everyone else afterwards.',
      organisation: 'Your organisation',
      orgName: 'Name of the organisation',
      slug: 'Short name',
      slugHelp: 'Lower-case letters, digits and hyphens, e.g. nordljus.',
      slugInvalid: 'Use 2–60 lower-case letters, digits and hyphens, not starting or ending with a hyphen.',
      you: 'You',
      name: 'Your name',
      email: 'E-mail',
      emailInvalid: 'Enter an e-mail address.',
      password: 'Password',
      submit: 'Create organisation',
      done: 'Riktning is already set up.',
      toSignIn: 'Go to sign-in',
    },
    password: {
      rules:
        '8–128 characters that are hard to guess: a few words of your own, not a common password nor your name, e-mail or organisation.',
      tooShort: 'Must be at least 8 characters',
      tooLong: 'Must be at most 128 characters',
    },
    invite: {
      title: 'Join {{org}}',
      intro: 'You have been invited to {{org}} in Riktning. Choose a password to sign in.',
      email: 'E-mail',
      name: 'Your name',
      password: 'Choose a password',
      expires: 'The link works until {{date}}.',
      submit: 'Join and sign in',
      invalidTitle: 'This link does not work',
      askAgain: 'Already chosen a password? Sign in instead.',
      toSignIn: 'Go to sign-in',
      signInIntro:
        'You have been invited to {{org}} in Riktning as {{email}}. You already have an account: sign in to accept.',
      signInToAccept: 'Sign in to accept',
      joinIntro: 'You have been invited to {{org}} in Riktning. Join with your account {{email}}.',
      join: 'Join {{org}}',
      otherAccount:
        'You are signed in as {{current}}, but this invitation is for {{email}}. Sign out, then sign in as {{email}} to accept it.',
      signOut: 'Sign out',
    },
    sso: {
      signInWith: 'Sign in with {{name}}',
      orWithPassword: 'or with your e-mail and password',
      refused: {
        sso_state:
          'The sign-in could not be finished: it was started in another browser window or took too long. Please try again.',
        sso_exchange:
          'The identity provider did not confirm the sign-in (it may have been used already). Please try again.',
        sso_token: 'The identity provider’s answer did not pass our checks, so you were not signed in.',
        sso_unverified_email:
          'Your identity provider has not verified your e-mail address, so you cannot be signed in with it.',
        sso_domain:
          'There is no account for your e-mail address, and its domain may not make one. Ask an administrator to invite you.',
        sso_inactive: 'Your account is deactivated. Ask an administrator if you need it back.',
        sso_unavailable: 'The identity provider could not be reached just now. Please try again in a moment.',
      },
    },
  },
  {
    setup: {
      title: 'Kom igång med Riktning',
      intro: 'Välkommen! Skapa din organisation och ditt eget konto. Resten av kollegorna bjuder du in efteråt.',
      organisation: 'Din organisation',
      orgName: 'Organisationens namn',
      slug: 'Kortnamn',
      slugHelp: 'Små bokstäver, siffror och bindestreck, t.ex. nordljus.',
      slugInvalid: 'Använd 2–60 små bokstäver, siffror och bindestreck, inte bindestreck först eller sist.',
      you: 'Du',
      name: 'Ditt namn',
      email: 'E-post',
      emailInvalid: 'Ange en e-postadress.',
      password: 'Lösenord',
      submit: 'Skapa organisationen',
      done: 'Riktning är redan konfigurerat.',
      toSignIn: 'Gå till inloggningen',
    },
    password: {
      rules:
        '8–128 tecken som är svåra att gissa: några egna ord, inte ett vanligt lösenord och inte ditt namn, din e-post eller organisationen.',
      tooShort: 'Måste ha minst 8 tecken',
      tooLong: 'Får ha högst 128 tecken',
    },
    invite: {
      title: 'Gå med i {{org}}',
      intro: 'Du har blivit inbjuden till {{org}} i Riktning. Välj ett lösenord för att logga in.',
      email: 'E-post',
      name: 'Ditt namn',
      password: 'Välj ett lösenord',
      expires: 'Länken fungerar till och med {{date}}.',
      submit: 'Gå med och logga in',
      invalidTitle: 'Länken fungerar inte',
      askAgain: 'Har du redan valt ett lösenord? Logga in i stället.',
      toSignIn: 'Gå till inloggningen',
      signInIntro:
        'Du har blivit inbjuden till {{org}} i Riktning som {{email}}. Du har redan ett konto: logga in för att tacka ja.',
      signInToAccept: 'Logga in för att tacka ja',
      joinIntro: 'Du har blivit inbjuden till {{org}} i Riktning. Gå med med ditt konto {{email}}.',
      join: 'Gå med i {{org}}',
      otherAccount:
        'Du är inloggad som {{current}}, men inbjudan gäller {{email}}. Logga ut och logga in som {{email}} för att tacka ja.',
      signOut: 'Logga ut',
    },
    sso: {
      signInWith: 'Logga in med {{name}}',
      orWithPassword: 'eller med din e-postadress och ditt lösenord',
      refused: {
        sso_state:
          'Inloggningen kunde inte slutföras: den påbörjades i ett annat webbläsarfönster eller tog för lång tid. Försök igen.',
        sso_exchange: 'Identitetsleverantören bekräftade inte inloggningen (den kan redan ha använts). Försök igen.',
        sso_token: 'Identitetsleverantörens svar klarade inte våra kontroller, så du loggades inte in.',
        sso_unverified_email:
          'Din identitetsleverantör har inte bekräftat din e-postadress, så du kan inte logga in med den.',
        sso_domain:
          'Det finns inget konto för din e-postadress, och dess domän får inte skapa något. Be en administratör att bjuda in dig.',
        sso_inactive: 'Ditt konto är avaktiverat. Fråga en administratör om du behöver det igen.',
        sso_unavailable: 'Identitetsleverantören gick inte att nå just nu. Försök igen om en stund.',
      },
    },
  },
);
