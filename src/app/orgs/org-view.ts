import type { OrgSettings } from '../../db/schema.ts';
import type { organizations } from '../../db/schema.ts';
import { abilities } from '../../core/policy.ts';
import type { Locale, OrgRole } from '../../core/domain.ts';
import type { OrgActor } from '../scope.ts';

export const DEFAULT_SETTINGS: Required<OrgSettings> = {
  focus: { objectivesMin: 3, objectivesMax: 4, keyResultsMin: 3, keyResultsMax: 4 },
  checkInCadenceDays: 7,
  fiscalYearStartMonth: 1,
};

const ORG_ACTIONS = [
  'org.update',
  'member.manage',
  'unit.create',
  'cycle.manage',
  'audit.read',
  'archive.restore',
] as const;

export function presentOrg(row: typeof organizations.$inferSelect, actor: OrgActor) {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    vision: row.vision,
    mission: row.mission,
    strategy: row.strategy,
    defaultLocale: row.defaultLocale as Locale,
    settings: { ...DEFAULT_SETTINGS, ...row.settings },
    version: row.version,
    role: actor.role as OrgRole,
    abilities: abilities(actor, ORG_ACTIONS),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type OrgView = ReturnType<typeof presentOrg>;
