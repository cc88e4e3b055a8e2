import { bilingual } from '../../i18n/bilingual.ts';

export const integrations = bilingual(
  {
    title: 'Service accounts',
    intro:
      'Accounts for integrations, which belong to the organisation rather than to a person: a reporting tool, a script that checks in from another system, provisioning from your identity provider. Each has a token with the scopes you choose, and what it does is in the audit log under its name.',
    add: 'Add a service account',
    empty: 'No service accounts yet.',
    listLabel: 'The organisation’s service accounts',
    createdAt: 'Added {{time}}',
    lastUsed: 'Last used {{time}}',
    neverUsed: 'Not used yet',
    tokenExpiry: {
      expires: 'Token expires {{time}}',
      expired: 'Token expired {{time}}: give it a new token',
      never: 'Token never expires',
    },
    wholeOrg: 'The whole organisation',
    limitedTo: 'Changes only {{unit}} and the units beneath it',
    scopes: {
      legend: 'Scopes',
      read: 'Read',
      checkIns: 'Check in',
      okrs: 'Write OKRs',
      admin: 'Administer',
      scim: 'SCIM provisioning',
    },
    scopeHelp: {
      read: 'Reads the organisation’s OKRs, as an admin sees them; changes nothing.',
      checkIns: 'Checks in on key results.',
      okrs: 'Creates and changes objectives, key results, activities and comments, and checks in.',
      admin: 'Everything an admin may do, except handing out tokens.',
      scim: 'Adds, changes and deactivates members through /scim/v2, for Entra ID or Okta.',
    },
    form: {
      title: 'Add a service account',
      name: 'Name',
      nameHelp: 'What it is for, e.g. “Power BI” or “Jira sync”: the audit log shows this name.',
      nameRequired: 'Give it a name',
      scopesRequired: 'Choose at least one scope',
      unit: 'Limit changes to a unit',
      unitHelp:
        'It may then change only that unit’s OKRs and those of the units beneath it. It still reads the whole organisation.',
      lifetime: 'Token lifetime',
      lifetimeHelp:
        'Each of its tokens stops working this long after it is made, a new token too; the list shows when. Never: until revoked.',
      save: 'Add',
      cancel: 'Cancel',
    },
    token: {
      createdTitle: 'Service account added',
      rotatedTitle: 'New token',
      intro:
        'Copy the token to the integration now: it is not shown again. Send it as “Authorization: Bearer …” with each request.',
      rotatedIntro:
        'Copy the new token to the integration now: it is not shown again. The old token has stopped working.',
      label: 'Token',
      copy: 'Copy',
      copied: 'Copied',
      done: 'Done',
    },
    actions: {
      rotate: 'New token',
      revoke: 'Revoke',
    },
    rotateConfirm: {
      title: 'Give {{name}} a new token?',
      body: 'The current token stops working at once; the integration needs the new one.',
      confirm: 'New token',
    },
    revokeConfirm: {
      title: 'Revoke {{name}}?',
      body: 'Its token stops working at once. What it did stays in the audit log under its name.',
      confirm: 'Revoke',
    },
    revoked: '{{name}} is revoked.',
    lifetimes: { days30: '30 days', days90: '90 days', days365: '1 year', never: 'Never' },
  },
  {
    title: 'Tjänstekonton',
    intro:
      'Konton för integrationer, som tillhör organisationen i stället för en person: ett rapportverktyg, ett skript som stämmer av från ett annat system, användarhantering från er identitetsleverantör. Varje konto har en token med de behörigheter du väljer, och det som kontot gör syns i granskningsloggen under dess namn.',
    add: 'Lägg till ett tjänstekonto',
    empty: 'Inga tjänstekonton ännu.',
    listLabel: 'Organisationens tjänstekonton',
    createdAt: 'Tillagt {{time}}',
    lastUsed: 'Senast använt {{time}}',
    neverUsed: 'Inte använt ännu',
    tokenExpiry: {
      expires: 'Token går ut {{time}}',
      expired: 'Token gick ut {{time}}: ge kontot en ny token',
      never: 'Token går aldrig ut',
    },
    wholeOrg: 'Hela organisationen',
    limitedTo: 'Ändrar bara {{unit}} och enheterna under den',
    scopes: {
      legend: 'Behörigheter',
      read: 'Läsa',
      checkIns: 'Stämma av',
      okrs: 'Skriva OKR',
      admin: 'Administrera',
      scim: 'SCIM-användarhantering',
    },
    scopeHelp: {
      read: 'Läser organisationens OKR så som en administratör ser dem; ändrar ingenting.',
      checkIns: 'Stämmer av nyckelresultat.',
      okrs: 'Skapar och ändrar mål, nyckelresultat, aktiviteter och kommentarer, och stämmer av.',
      admin: 'Allt en administratör får göra, utom att dela ut tokens.',
      scim: 'Lägger till, ändrar och inaktiverar medlemmar via /scim/v2, för Entra ID eller Okta.',
    },
    form: {
      title: 'Lägg till ett tjänstekonto',
      name: 'Namn',
      nameHelp: 'Vad det är till för, t.ex. ”Power BI” eller ”Jira-synk”: granskningsloggen visar detta namn.',
      nameRequired: 'Ge det ett namn',
      scopesRequired: 'Välj minst en behörighet',
      unit: 'Begränsa ändringar till en enhet',
      unitHelp:
        'Då får det bara ändra enhetens OKR och dem för enheterna under den. Det läser fortfarande hela organisationen.',
      lifetime: 'Tokens giltighetstid',
      lifetimeHelp:
        'Varje token slutar fungera så här länge efter att den skapats, även en ny token; listan visar när. Aldrig: tills den återkallas.',
      save: 'Lägg till',
      cancel: 'Avbryt',
    },
    token: {
      createdTitle: 'Tjänstekontot är tillagt',
      rotatedTitle: 'Ny token',
      intro:
        'Kopiera token till integrationen nu: den visas inte igen. Skicka den som ”Authorization: Bearer …” med varje anrop.',
      rotatedIntro: 'Kopiera den nya token till integrationen nu: den visas inte igen. Den gamla har slutat fungera.',
      label: 'Token',
      copy: 'Kopiera',
      copied: 'Kopierad',
      done: 'Klar',
    },
    actions: {
      rotate: 'Ny token',
      revoke: 'Återkalla',
    },
    rotateConfirm: {
      title: 'Ge {{name}} en ny token?',
      body: 'Den nuvarande token slutar fungera direkt; integrationen behöver den nya.',
      confirm: 'Ny token',
    },
    revokeConfirm: {
      title: 'Återkalla {{name}}?',
      body: 'Dess token slutar fungera direkt. Det som kontot gjort finns kvar i granskningsloggen under dess namn.',
      confirm: 'Återkalla',
    },
    revoked: '{{name}} är återkallat.',
    lifetimes: { days30: '30 dagar', days90: '90 dagar', days365: '1 år', never: 'Aldrig' },
  },
);
