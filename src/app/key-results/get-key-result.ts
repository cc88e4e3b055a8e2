import type { AppDeps, Caller } from '../context.ts';
import { notFound } from '../errors.ts';
import { actorForResource } from '../scope.ts';
import { loadReadableKeyResult } from '../objectives/owner-context.ts';
import type { KeyResultView } from '../objectives/present.ts';
import { viewKeyResult } from './view-key-result.ts';

export async function getKeyResult(deps: AppDeps, caller: Caller, id: string): Promise<KeyResultView> {
  const actor = await actorForResource(deps.db, caller, 'keyResult', id);
  // Reading a key result needs the right to read its objective (private and draft ones).
  const { keyResult } = await loadReadableKeyResult(deps.db, actor, id);
  if (keyResult.archivedAt) throw notFound('keyResult');
  return viewKeyResult(deps.db, actor, id, deps.now());
}
