import type { OrgSettings } from '../../db/schema.ts';
import type { organizations } from '../../db/schema.ts';
import { abilities, can } from '../../core/policy.ts';
import type { Locale, OrgRole } from '../../core/domain.ts';
import { RULE_IDS } from '../../core/coach/rule-ids.ts';
import type { OrgActor } from '../scope.ts';
import type { ThemeView } from '../themes/theme-view.ts';

export const DEFAULT_SETTINGS: Required<OrgSettings> = {
  focus: { objectivesMin: 3, objectivesMax: 4, keyResultsMin: 3, keyResultsMax: 4 },
  checkInCadenceDays: 7,
  fiscalYearStartMonth: 1,
  coach: { disabledRules: [] },
  ssoRequired: false,
};

const KNOWN_RULES: ReadonlySet<string> = new Set(RULE_IDS);

/** The settings with defaults for what was never set; ids of rules that no longer exist are dropped. */
export function effectiveSettings(settings: OrgSettings): Required<OrgSettings> {
  const disabledRules = (settings.coach?.disabledRules ?? []).filter((id) => KNOWN_RULES.has(id));
  return { ...DEFAULT_SETTINGS, ...settings, coach: { disabledRules } };
}

const ORG_ACTIONS = [
  'org.update',
  'member.manage',
  'member.grantOwner',
  'unit.create',
  'cycle.manage',
  'audit.read',
  'outbox.read',
  'archive.restore',
  'org.export',
  'org.import',
  'webhook.manage',
  'serviceAccount.manage',
  'chat.manage',
  'comment.create',
] as const;

/** The organisation as the API shows it, with its strategy themes (themes/theme-view.ts). */
export function presentOrg(row: typeof organizations.$inferSelect, actor: OrgActor, themes: ThemeView[]) {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    vision: row.vision,
    mission: row.mission,
    strategy: row.strategy,
    themes,
    defaultLocale: row.defaultLocale as Locale,
    settings: effectiveSettings(row.settings),
    version: row.version,
    role: actor.role as OrgRole,
    abilities: {
      ...abilities(actor, ORG_ACTIONS),
      // Whom the caller may write objectives for, so a form offers only those owners.
      // Their own individual OKRs (viewers may not):
      'objective.createOwn': can(actor, 'objective.create', { level: 'person', personId: actor.accountId }),
      // The organisation's:
      'objective.createForOrg': can(actor, 'objective.create', { level: 'organization' }),
      // Any unit's, and anyone's, by role alone (no unit led, no objective of one's own):
      'objective.createForAnyUnit': can(actor, 'objective.create', { level: 'unit' }),
      'objective.createForAnyone': can(actor, 'objective.create', { level: 'person' }),
    },
    // The units the caller leads, with every unit beneath them: a lead writes their OKRs.
    ledUnitIds: [...actor.ledUnitIds].sort(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type OrgView = ReturnType<typeof presentOrg>;
