import { describe, expect, it } from 'vitest';
import { parseRoleMap, roleMapText } from './role-map.ts';

describe('the role map as text', () => {
  it('reads group = role lines, and writes them back', () => {
    const parsed = parseRoleMap('okr-admins = admin\n\n  Alla läsare=viewer  \n');
    expect(parsed).toEqual({ map: { 'okr-admins': 'admin', 'Alla läsare': 'viewer' } });
    expect(roleMapText({ a: 'member' })).toBe('a = member');
  });

  it('names the first line that is not one', () => {
    expect(parseRoleMap('a = admin\nb = owner')).toEqual({ badLine: 2 });
    expect(parseRoleMap('no role here')).toEqual({ badLine: 1 });
    expect(parseRoleMap(' = admin')).toEqual({ badLine: 1 });
  });
});
