import { describe, expect, it } from 'vitest';
import { scimErrorOf } from '../../test/scim.ts';
import { pageOf } from './discovery.ts';
import {
  ENTERPRISE_USER_SCHEMA,
  USER_SCHEMA,
  ifMatchHolds,
  parseUser,
  presentUser,
  readLocale,
  resourceVersion,
  type ScimUserRecord,
} from './user.ts';

const record: ScimUserRecord = {
  id: '6b1f0e36-3c53-4a4e-9d70-0f6a1d1f7a01',
  email: 'anna@example.com',
  name: 'Anna Svensson',
  locale: 'sv',
  active: true,
  externalId: null,
  givenName: 'Anna',
  familyName: null,
  created: new Date('2025-01-02T03:04:05.000Z'),
  lastModified: new Date('2025-02-02T03:04:05.000Z'),
  version: resourceVersion(3, 1),
};

describe('the SCIM User resource', () => {
  it('presents a member with userName as the e-mail and meta with a weak ETag', () => {
    expect(presentUser(record, 'https://okr.example/scim/v2')).toEqual({
      schemas: [USER_SCHEMA],
      id: record.id,
      userName: 'anna@example.com',
      name: { formatted: 'Anna Svensson', givenName: 'Anna' },
      displayName: 'Anna Svensson',
      emails: [{ value: 'anna@example.com', type: 'work', primary: true }],
      active: true,
      locale: 'sv',
      preferredLanguage: 'sv',
      meta: {
        resourceType: 'User',
        created: '2025-01-02T03:04:05.000Z',
        lastModified: '2025-02-02T03:04:05.000Z',
        location: `https://okr.example/scim/v2/Users/${record.id}`,
        version: 'W/"3-1"',
      },
    });
    expect(presentUser({ ...record, externalId: 'x-1' }, '').externalId).toBe('x-1');
  });

  it('reads a POST body as Entra ID and Okta send it', () => {
    expect(
      parseUser({
        schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
        externalId: '00u1',
        userName: ' Anna@Example.com ',
        active: true,
        displayName: 'Anna S',
        name: { givenName: 'Anna', familyName: 'Svensson' },
        emails: [{ primary: true, type: 'work', value: 'anna@example.com' }],
        preferredLanguage: 'en-GB',
        [ENTERPRISE_USER_SCHEMA]: { department: 'Sales' },
      }),
    ).toEqual({
      userName: 'anna@example.com',
      name: 'Anna S',
      givenName: 'Anna',
      familyName: 'Svensson',
      active: true,
      locale: 'en',
      externalId: '00u1',
    });
  });

  it('makes the one name from what there is', () => {
    const base = { schemas: [USER_SCHEMA], userName: 'eva.berg@x.se' };
    expect(parseUser({ ...base, name: { formatted: 'Eva Berg' } }).name).toBe('Eva Berg');
    expect(parseUser({ ...base, name: { givenName: 'Eva', familyName: 'Berg' } }).name).toBe('Eva Berg');
    expect(parseUser(base).name).toBe('eva.berg');
    expect(parseUser({ ...base, active: 'False' }).active).toBe(false);
    expect(parseUser(base).active).toBeUndefined();
  });

  it.each([
    [[], 'invalidSyntax', 'JSON object'],
    [{ userName: 'a@x.se' }, 'invalidSyntax', 'schemas'],
    [{ schemas: ['urn:example:unknown'], userName: 'a@x.se' }, 'invalidSyntax', 'unknown schema'],
    [{ schemas: [ENTERPRISE_USER_SCHEMA], userName: 'a@x.se' }, 'invalidSyntax', 'schemas'],
    [{ schemas: [USER_SCHEMA] }, 'invalidValue', 'userName is required'],
    [{ schemas: [USER_SCHEMA], userName: 'anna' }, 'invalidValue', 'userName must be an e-mail'],
    [{ schemas: [USER_SCHEMA], userName: 'a@x.se', active: 'yes' }, 'invalidValue', 'active'],
    [{ schemas: [USER_SCHEMA], userName: 'a@x.se', name: 'Anna' }, 'invalidValue', 'name'],
    [{ schemas: [USER_SCHEMA], userName: 'a@x.se', name: { givenName: 3 } }, 'invalidValue', 'name.givenName'],
    [{ schemas: [USER_SCHEMA], userName: 'a@x.se', externalId: 'x'.repeat(256) }, 'invalidValue', 'externalId'],
  ])('refuses %j (%s)', (body, scimType, detail) => {
    const error = scimErrorOf(() => parseUser(body));
    expect(error).toMatchObject({ status: 400, scimType });
    expect(error.detail).toContain(detail);
  });

  it('reads languages as sv or en, other ones as none', () => {
    expect(readLocale('sv-SE', 'locale')).toBe('sv');
    expect(readLocale('en_US', 'locale')).toBe('en');
    expect(readLocale('EN', 'locale')).toBe('en');
    expect(readLocale('fi-FI', 'locale')).toBeNull();
    expect(readLocale(undefined, 'locale')).toBeNull();
  });

  it('honours If-Match with the weak or strong tag, a list or *', () => {
    expect(ifMatchHolds('W/"3-1"', '3-1')).toBe(true);
    expect(ifMatchHolds('"3-1"', '3-1')).toBe(true);
    expect(ifMatchHolds('W/"2-1", W/"3-1"', '3-1')).toBe(true);
    expect(ifMatchHolds('*', '3-1')).toBe(true);
    expect(ifMatchHolds('W/"2-1"', '3-1')).toBe(false);
  });

  it('pages from startIndex 1 with a bounded count', () => {
    expect(pageOf({})).toEqual({ startIndex: 1, count: 100 });
    expect(pageOf({ startIndex: '0', count: '-5' })).toEqual({ startIndex: 1, count: 0 });
    expect(pageOf({ startIndex: '11', count: '10' })).toEqual({ startIndex: 11, count: 10 });
    expect(pageOf({ startIndex: 'x', count: '100000' })).toEqual({ startIndex: 1, count: 200 });
  });
});
