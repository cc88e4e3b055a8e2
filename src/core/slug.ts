// An organisation's short name, as it may appear in addresses: what the API accepts, and
// what the web app suggests from a name.

/** Lower-case letters, digits and hyphens, not starting or ending with a hyphen… */
export const SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$';
/** …from 2 to 60 of them. */
export const SLUG_LENGTH = { min: 2, max: 60 } as const;

const SLUG = new RegExp(SLUG_PATTERN);

/** Whether the API takes this as a short name (the web app checks before it asks). */
export function isSlug(value: string): boolean {
  return value.length >= SLUG_LENGTH.min && value.length <= SLUG_LENGTH.max && SLUG.test(value);
}

/** "Nordljus AB" → "nordljus-ab": letters without accents, anything else a hyphen. */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_LENGTH.max)
    .replace(/-+$/, '');
}
