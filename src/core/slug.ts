// An organisation's short name, as it may appear in addresses: what the API accepts, and
// what the web app suggests from a name.

/** 2–60 lower-case letters, digits and hyphens, not starting or ending with a hyphen. */
export const SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$';
export const SLUG = new RegExp(SLUG_PATTERN);

/** "Nordljus AB" → "nordljus-ab": letters without accents, anything else a hyphen. */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
