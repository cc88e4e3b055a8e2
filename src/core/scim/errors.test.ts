import { describe, expect, it } from 'vitest';
import { ERROR_SCHEMA, ScimError, scimErrorBody } from './errors.ts';

describe('SCIM errors', () => {
  it('carry the status as a string, the scimType and the detail', () => {
    expect(scimErrorBody(new ScimError(409, 'userName is taken', 'uniqueness'))).toEqual({
      schemas: [ERROR_SCHEMA],
      status: '409',
      scimType: 'uniqueness',
      detail: 'userName is taken',
    });
  });

  it('leave scimType out when there is none', () => {
    expect(scimErrorBody(new ScimError(404, 'no such user'))).toEqual({
      schemas: [ERROR_SCHEMA],
      status: '404',
      detail: 'no such user',
    });
  });
});
