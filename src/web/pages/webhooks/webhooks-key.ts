/** The query key of an organisation's webhook list, which adding, rotating and removing refresh. */
export const webhooksKey = (orgId: string) => ['webhooks', orgId];
