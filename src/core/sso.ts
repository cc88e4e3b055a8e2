// Single sign-on's rules that need no I/O: who a provider's person is here, and whether an
// e-mail address may get an account by signing in (docs/sso.md).

/** Why a sign-in through the identity provider was refused; the sign-in page words each. */
export const SSO_REFUSALS = [
  /** The browser came back without the sign-in it started here, or with another state. */
  'sso_state',
  /** The provider would not exchange the code (used already, expired, or not for us). */
  'sso_exchange',
  /** The ID token failed a check: issuer, audience, expiry, nonce or signature. */
  'sso_token',
  /** The provider did not vouch for the e-mail address. */
  'sso_unverified_email',
  /** No account has that address, and its domain may not make one. */
  'sso_domain',
  /** The account is deactivated. */
  'sso_inactive',
  /** The provider could not be reached, or answered the provider's own error. */
  'sso_unavailable',
] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

/** How an account remembers the provider's person: the subject is unique per issuer only. */
export const ssoSubjectKey = (issuer: string, subject: string): string => `${issuer}#${subject}`;

/** The address's domain, lower-cased ('' when there is none). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/** Whether a new account may be made for the address: its domain is one of those allowed. */
export function domainAllowed(email: string, allowedDomains: readonly string[]): boolean {
  const domain = emailDomain(email);
  return domain !== '' && allowedDomains.some((allowed) => allowed.toLowerCase() === domain);
}

/** A path of the web app to return to, or null: never another site (an open redirect). */
export function safeReturnPath(value: string | undefined | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value.length <= 2000 ? value : null;
}

/** Roles a provider's group may give: never owner, which is given by an owner in the app. */
export const SSO_MAPPED_ROLES = ['admin', 'member', 'viewer'] as const;
export type SsoMappedRole = (typeof SSO_MAPPED_ROLES)[number];

/**
 * The role the person's groups give by the admin's mapping (group → role): the most
 * capable one when several match, null when none does (the membership is left as it is).
 */
export function roleFromGroups(
  groups: readonly string[],
  roleMap: Readonly<Record<string, SsoMappedRole>>,
): SsoMappedRole | null {
  const given = new Set(groups.filter((group) => Object.hasOwn(roleMap, group)).map((group) => roleMap[group]));
  return SSO_MAPPED_ROLES.find((role) => given.has(role)) ?? null;
}

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * An organisation's own provider's issuer: an https URL without credentials, query or
 * fragment; plain http only on this machine's loopback (a provider beside the server in
 * development and tests). Null when it will do, else the problem's code.
 */
export function issuerProblem(issuer: string): 'sso_issuer' | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'sso_issuer';
  }
  if (url.username || url.password || url.search || url.hash) return 'sso_issuer';
  if (url.protocol === 'https:') return null;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) ? null : 'sso_issuer';
}
