import { describe, expect, it } from 'vitest';
import { ScimError } from './errors.ts';
import { parseFilter } from './filter.ts';

describe('SCIM filters', () => {
  it.each([
    ['userName eq "anna@example.com"', { attribute: 'userName', value: 'anna@example.com' }],
    ['USERNAME EQ "anna@example.com"', { attribute: 'userName', value: 'anna@example.com' }],
    ['  userName   eq   "a\\"b@example.com"  ', { attribute: 'userName', value: 'a"b@example.com' }],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName eq "x@y.se"', { attribute: 'userName', value: 'x@y.se' }],
    ['externalId eq "00u1abc"', { attribute: 'externalId', value: '00u1abc' }],
    ['emails.value eq "x@y.se"', { attribute: 'emails.value', value: 'x@y.se' }],
    ['userName eq "with space and eq inside"', { attribute: 'userName', value: 'with space and eq inside' }],
  ])('reads %s', (filter, expected) => {
    expect(parseFilter(filter)).toEqual(expected);
  });

  it.each([
    'userName co "anna"',
    'userName sw "a"',
    'userName pr',
    'displayName eq "Anna"',
    'userName eq "a" and active eq true',
    'userName eq "a" or userName eq "b"',
    'userName eq anna',
    'userName eq "unterminated',
    'active eq true',
    '',
    'emails[type eq "work"].value eq "x@y.se"',
  ])('refuses %s as invalidFilter', (filter) => {
    try {
      parseFilter(filter);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScimError);
      expect(error).toMatchObject({ status: 400, scimType: 'invalidFilter' });
    }
  });

  it('refuses a filter longer than 1,000 characters', () => {
    expect(() => parseFilter(`userName eq "${'a'.repeat(2000)}"`)).toThrow('too long');
  });
});
