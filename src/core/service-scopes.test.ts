import { describe, expect, it } from 'vitest';
import { can, type Subject } from './policy.ts';
import type { ServiceScope } from './service-scopes.ts';

const service = (scopes: ServiceScope[], unitIds: string[] | null = null): Subject => ({
  accountId: 'service',
  role: 'admin',
  ledUnitIds: new Set(),
  service: { scopes, unitIds: unitIds && new Set(unitIds) },
});

describe('a service account in the policy', () => {
  it('reads only with read, checks in with check-ins:write, edits OKRs with okrs:write', () => {
    expect(can(service(['read']), 'checkIn.create')).toBe(false);
    expect(can(service(['check-ins:write']), 'checkIn.create')).toBe(true);
    expect(can(service(['check-ins:write']), 'objective.update')).toBe(false);
    expect(can(service(['okrs:write']), 'objective.update')).toBe(true);
    expect(can(service(['okrs:write']), 'member.manage')).toBe(false);
    expect(can(service(['okrs:write']), 'audit.read')).toBe(false);
  });

  it('with admin does what an admin does, and never what only an owner does', () => {
    expect(can(service(['admin']), 'member.manage')).toBe(true);
    expect(can(service(['admin']), 'audit.read')).toBe(true);
    expect(can(service(['admin']), 'member.grantOwner')).toBe(false);
  });

  it('limited to units, acts on those units alone', () => {
    const limited = service(['admin'], ['team']);
    expect(can(limited, 'objective.update', { level: 'unit', unitId: 'team' })).toBe(true);
    expect(can(limited, 'unit.update', { unitId: 'team' })).toBe(true);
    expect(can(limited, 'objective.update', { level: 'unit', unitId: 'other' })).toBe(false);
    expect(can(limited, 'objective.update', { level: 'organization' })).toBe(false);
    expect(can(limited, 'objective.update', { level: 'person', personId: 'someone', unitId: 'team' })).toBe(false);
    expect(can(limited, 'cycle.manage')).toBe(false);
  });
});
