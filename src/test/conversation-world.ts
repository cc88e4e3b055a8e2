// An organisation to talk in: an organisation objective of a quarter, members with names
// and languages to mention, and a viewer who may read but not write. Shared by the
// comment tests.
import { createCycle, createMember, createObjective, createOrg } from './factories.ts';
import { testServer } from './server.ts';

export async function conversationWorld() {
  const { app, deps, clock } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  const cycle = await createCycle(deps.db, org.id, { startsOn: '2026-04-01', endsOn: '2026-06-30' });
  const sara = await createMember(deps.db, org.id, 'member', { name: 'Sara Lind', locale: 'sv' });
  const olle = await createMember(deps.db, org.id, 'member', { name: 'Olle Berg', locale: 'en' });
  const pia = await createMember(deps.db, org.id, 'member', { name: 'Pia Ek', locale: 'sv' });
  const viewer = await createMember(deps.db, org.id, 'viewer', { name: 'Vera Viewer' });
  const objective = await createObjective(
    deps.db,
    org.id,
    cycle.id,
    { level: 'organization' },
    { title: 'Fler deltagare' },
  );
  return { app, deps, clock, org, owner, cycle, sara, olle, pia, viewer, objective };
}
