/** The query key of an organisation's service accounts, which adding, rotating and revoking refresh. */
export const serviceAccountsKey = (orgId: string) => ['service-accounts', orgId];

/** A scope's key among the texts: i18next reads a colon as the namespace's end, so none have one. */
export const SCOPE_TEXT_KEYS = {
  read: 'read',
  'check-ins:write': 'checkIns',
  'okrs:write': 'okrs',
  admin: 'admin',
  scim: 'scim',
} as const;
