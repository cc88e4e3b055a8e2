// Some rules span many rows (an organisation keeps an owner; a tree has no loops), and
// row locks alone cannot keep two concurrent changes from each passing the check. Such
// changes take turns on the organisation's row instead. NO KEY UPDATE does not block the
// inserts and updates that merely reference the organisation.
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/connect.ts';
import { organizations } from '../db/schema.ts';

export async function takeTurnInOrg(tx: Tx, orgId: string): Promise<void> {
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId)).for('no key update');
}
