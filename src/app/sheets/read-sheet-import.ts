// Step one of a sheet import: the file read into text, and the columns proposed for each
// field (the organisation's saved choices first, then suggestions from the header names).
// Writes nothing.
import { can } from '../../core/policy.ts';
import { suggestMapping, type MappingSource, type SheetMapping } from '../../core/sheet-mapping.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden } from '../errors.ts';
import { actorInOrg } from '../scope.ts';
import { readSheetFile } from './read-sheet-file.ts';
import { savedMappingFor } from './saved-mappings.ts';

export interface SheetRead {
  headers: string[];
  rows: string[][];
  mapping: SheetMapping;
  mappingSource: MappingSource;
}

export async function readSheetImport(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  file: { bytes: Uint8Array; contentType: string },
): Promise<SheetRead> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  if (!can(actor, 'org.import')) throw forbidden();
  const { headers, rows } = await readSheetFile(file.bytes, file.contentType);
  const saved = await savedMappingFor(deps.db, actor.orgId, headers);
  return { headers, rows, ...suggestMapping(headers, saved) };
}
