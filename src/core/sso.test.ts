import { describe, expect, it } from 'vitest';
import { domainAllowed, emailDomain, roleFromGroups, safeReturnPath, ssoSubjectKey } from './sso.ts';

describe('single sign-on rules', () => {
  it('keys a person by issuer and subject, since a subject is unique per issuer only', () => {
    expect(ssoSubjectKey('https://login.example.com', '42')).not.toBe(ssoSubjectKey('https://idp.example.org', '42'));
  });

  it('allows new accounts only for the listed domains, whatever their case', () => {
    expect(emailDomain('Anna@Nordljus.SE')).toBe('nordljus.se');
    expect(domainAllowed('anna@nordljus.se', ['Nordljus.se'])).toBe(true);
    expect(domainAllowed('anna@nordljus.se.evil.example', ['nordljus.se'])).toBe(false);
    expect(domainAllowed('anna@sub.nordljus.se', ['nordljus.se'])).toBe(false);
    expect(domainAllowed('anna', ['nordljus.se'])).toBe(false);
    expect(domainAllowed('anna@nordljus.se', [])).toBe(false);
  });

  it('returns only to a path of the app, never to another site', () => {
    expect(safeReturnPath('/orgs/x/week')).toBe('/orgs/x/week');
    expect(safeReturnPath('//evil.example/')).toBeNull();
    expect(safeReturnPath('/\\evil.example')).toBeNull();
    expect(safeReturnPath('https://evil.example/')).toBeNull();
    expect(safeReturnPath(undefined)).toBeNull();
  });

  it('gives the most capable role the person’s groups map to, and none when no group is mapped', () => {
    const map = { 'okr-admins': 'admin', 'okr-readers': 'viewer', staff: 'member' } as const;
    expect(roleFromGroups(['staff', 'okr-admins'], map)).toBe('admin');
    expect(roleFromGroups(['okr-readers', 'staff'], map)).toBe('member');
    expect(roleFromGroups(['okr-readers'], map)).toBe('viewer');
    expect(roleFromGroups(['sales'], map)).toBeNull();
    expect(roleFromGroups([], {})).toBeNull();
    // An inherited property is no group's mapping.
    expect(roleFromGroups(['constructor', 'toString'], map)).toBeNull();
  });
});
