// The lifetimes a new API token may be given, personal or a service account's, in days
// ('never': until revoked), and the key of each one's words in a page's messages.
export const TOKEN_LIFETIMES = ['30', '90', '365', 'never'] as const;
export type TokenLifetime = (typeof TOKEN_LIFETIMES)[number];

export const LIFETIME_TEXT_KEYS = { '30': 'days30', '90': 'days90', '365': 'days365', never: 'never' } as const;

/** The days to send the API (null: never expires). */
export const lifetimeDays = (lifetime: TokenLifetime): number | null =>
  lifetime === 'never' ? null : Number(lifetime);
