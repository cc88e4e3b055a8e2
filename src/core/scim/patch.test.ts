import { describe, expect, it } from 'vitest';
import { scimErrorOf } from '../../test/scim.ts';
import { PATCH_OP_SCHEMA, applyPatch, parsePatch, targetOf, type PatchOperation } from './patch.ts';
import type { ScimUserState } from './user.ts';

const anna: ScimUserState = {
  userName: 'anna@example.com',
  name: 'Anna Svensson',
  givenName: 'Anna',
  familyName: 'Svensson',
  active: true,
  locale: 'sv',
  externalId: 'e-1',
};

const patch = (...Operations: unknown[]) => parsePatch({ schemas: [PATCH_OP_SCHEMA], Operations });
const apply = (...operations: unknown[]) => applyPatch(anna, patch(...operations));

describe('SCIM PATCH', () => {
  it('deactivates with Entra ID’s capitalised Replace and the string "False"', () => {
    expect(apply({ op: 'Replace', path: 'active', value: 'False' })).toEqual({ ...anna, active: false });
    expect(applyPatch({ ...anna, active: false }, patch({ op: 'replace', path: 'active', value: 'True' })).active).toBe(
      true,
    );
    expect(apply({ op: 'replace', path: 'active', value: false }).active).toBe(false);
  });

  it('replaces without a path, taking the value as attributes (Okta, older Entra ID)', () => {
    expect(apply({ op: 'replace', value: { active: false, displayName: 'Anna Lind' } })).toEqual({
      ...anna,
      active: false,
      name: 'Anna Lind',
    });
    expect(apply({ op: 'add', value: { 'name.givenName': 'Annie', externalId: 'e-2' } })).toMatchObject({
      givenName: 'Annie',
      name: 'Annie Svensson',
      externalId: 'e-2',
    });
    expect(
      apply({ op: 'replace', value: { 'urn:ietf:params:scim:schemas:core:2.0:User': { userName: 'A@X.se' } } }),
    ).toMatchObject({ userName: 'a@x.se' });
  });

  it('follows sub-attribute paths and name objects', () => {
    expect(apply({ op: 'Replace', path: 'name.familyName', value: 'Lind' })).toMatchObject({
      familyName: 'Lind',
      name: 'Anna Lind',
    });
    expect(apply({ op: 'replace', path: 'name', value: { givenName: 'Eva', familyName: 'Berg' } })).toMatchObject({
      name: 'Eva Berg',
    });
    // An explicit display name wins over the parts sent with it.
    expect(
      apply(
        { op: 'Replace', path: 'displayName', value: 'Eva B.' },
        { op: 'Replace', path: 'name.givenName', value: 'Eva' },
      ),
    ).toMatchObject({ name: 'Eva B.', givenName: 'Eva' });
    expect(
      apply({ op: 'replace', path: 'urn:ietf:params:scim:schemas:core:2.0:User:userName', value: 'b@x.se' }),
    ).toMatchObject({ userName: 'b@x.se' });
    expect(apply({ op: 'replace', path: 'preferredLanguage', value: 'en-US' }).locale).toBe('en');
    expect(apply({ op: 'replace', path: 'preferredLanguage', value: 'de-DE' }).locale).toBe('sv');
  });

  it('accepts and drops attributes Riktning does not keep', () => {
    expect(
      apply(
        { op: 'Add', path: 'emails[type eq "work"].value', value: 'anna@other.example' },
        { op: 'Add', path: 'title', value: 'Designer' },
        { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '+46 70' },
        { op: 'Add', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', value: 'Sales' },
        { op: 'Replace', value: { 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager': 'x' } },
      ),
    ).toEqual(anna);
  });

  it('removes what may be removed', () => {
    expect(apply({ op: 'Remove', path: 'externalId' }).externalId).toBeNull();
    expect(apply({ op: 'remove', path: 'name.givenName' })).toMatchObject({ givenName: null, name: 'Svensson' });
    expect(scimErrorOf(() => apply({ op: 'remove', path: 'userName' }))).toMatchObject({ scimType: 'mutability' });
    expect(scimErrorOf(() => apply({ op: 'remove', path: 'active' }))).toMatchObject({ scimType: 'mutability' });
    expect(scimErrorOf(() => apply({ op: 'remove' }))).toMatchObject({ scimType: 'noTarget' });
  });

  it.each([
    [{ op: 'move', path: 'active', value: false }, 'invalidSyntax'],
    [{ path: 'active', value: false }, 'invalidSyntax'],
    [{ op: 'replace', path: 'favouriteColour', value: 'blue' }, 'invalidPath'],
    [{ op: 'replace', path: 'name.nickname.x', value: 'a' }, 'invalidPath'],
    [{ op: 'replace', path: 'active]', value: 'a' }, 'invalidPath'],
    [{ op: 'replace', path: 'groups[value eq "x"]', value: 'a' }, 'invalidPath'],
    [{ op: 'replace', path: 'id', value: 'x' }, 'mutability'],
    [{ op: 'replace', path: 'meta.created', value: 'x' }, 'mutability'],
    [{ op: 'replace', path: 'active', value: 'maybe' }, 'invalidValue'],
    [{ op: 'replace', path: 'userName', value: 'not an address' }, 'invalidValue'],
    [{ op: 'replace', path: 'displayName', value: 42 }, 'invalidValue'],
    [{ op: 'replace', path: 'displayName', value: 'x'.repeat(201) }, 'invalidValue'],
    [{ op: 'replace', value: 'False' }, 'invalidValue'],
    [{ op: 'replace', value: { shoeSize: 44 } }, 'invalidPath'],
  ])('refuses %j (%s)', (operation, scimType) => {
    expect(scimErrorOf(() => apply(operation))).toMatchObject({ status: 400, scimType });
  });

  it('refuses a body that is no PatchOp message', () => {
    expect(scimErrorOf(() => parsePatch([]))).toMatchObject({ scimType: 'invalidSyntax' });
    expect(scimErrorOf(() => parsePatch({ schemas: ['x'], Operations: [] }))).toMatchObject({
      scimType: 'invalidSyntax',
    });
    expect(scimErrorOf(() => parsePatch({ schemas: [PATCH_OP_SCHEMA], Operations: [] }))).toMatchObject({
      scimType: 'invalidSyntax',
    });
    const many: PatchOperation[] = Array.from({ length: 101 }, () => ({ op: 'add', path: 'title', value: 'x' }));
    expect(scimErrorOf(() => parsePatch({ schemas: [PATCH_OP_SCHEMA], Operations: many }))).toMatchObject({
      scimType: 'tooMany',
    });
  });

  it('names attributes whatever their case', () => {
    expect(targetOf('USERNAME')).toBe('userName');
    expect(targetOf('Name.GivenName')).toBe('name.givenName');
    expect(targetOf('Emails[Type eq "work"].Value')).toBe('dropped');
  });
});
