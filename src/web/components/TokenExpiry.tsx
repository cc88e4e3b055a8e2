import { Text } from '@mantine/core';
import { useState } from 'react';
import { useFormat } from '../format.ts';

export type TokenExpiryState = 'expires' | 'expired' | 'never';

/** When a token stops working, in red once it has; `words` gives the page's text for each case. */
export function TokenExpiry({
  expiresAt,
  words,
}: {
  expiresAt: string | null;
  words: (state: TokenExpiryState, time: string) => string;
}) {
  const format = useFormat();
  // The moment the list was shown; an expiry passing while it is open shows at the next visit.
  const [shownAt] = useState(() => Date.now());
  const time = expiresAt ? format.dateTime(expiresAt) : '';
  const state: TokenExpiryState = !expiresAt
    ? 'never'
    : new Date(expiresAt).getTime() <= shownAt
      ? 'expired'
      : 'expires';
  return (
    <Text size="xs" c={state === 'expired' ? 'red' : 'dimmed'}>
      {words(state, time)}
    </Text>
  );
}
