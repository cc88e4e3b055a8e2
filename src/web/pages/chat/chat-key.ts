/** The query key of the channels a panel lists (a unit's, or every one for Administration). */
export const chatChannelsKey = (orgId: string, unitId: string | null) => ['chat-channels', orgId, unitId ?? 'all'];
