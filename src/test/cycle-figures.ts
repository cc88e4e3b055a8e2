// A shared check for the endpoints that answer figures of one cycle for the organisation or
// a unit (`/orgs/{orgId}/<figures>?cycleId=&unitId=`): tenant scoping and required input.
import { expect } from 'vitest';
import type { AppDeps } from '../app/context.ts';
import type { Server } from '../server/app.ts';
import { createCycle, createOrg, createUnit } from './factories.ts';
import { ApiClient } from './server.ts';

/**
 * Another organisation's member, cycle or unit is always 404 (problem+json), whoever asks;
 * without a cycle the request is 400.
 */
export async function expectCycleFiguresScoped(
  app: Server,
  deps: AppDeps,
  figures: string,
  own: { orgId: string; cycleId: string; admin: ApiClient },
): Promise<void> {
  const other = await createOrg(deps.db);
  const foreignCycle = await createCycle(deps.db, other.org.id);
  const foreignUnit = await createUnit(deps.db, other.org.id);
  const outsider = await ApiClient.signIn(app, other.owner.email);
  const url = (orgId: string, query: Record<string, string>) =>
    `/api/v1/orgs/${orgId}/${figures}?${new URLSearchParams(query)}`;
  for (const [client, target] of [
    [outsider, url(own.orgId, { cycleId: own.cycleId })],
    [own.admin, url(own.orgId, { cycleId: foreignCycle.id })],
    [own.admin, url(own.orgId, { cycleId: own.cycleId, unitId: foreignUnit.id })],
    [own.admin, url(other.org.id, { cycleId: foreignCycle.id })],
  ] as const) {
    const response = await client.get(target);
    expect(response.statusCode, target).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  }
  expect((await own.admin.get(url(own.orgId, {}))).statusCode).toBe(400);
}
