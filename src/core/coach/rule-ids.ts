// The coach's rule ids, on their own so that schemas and settings can name the rules
// without loading the rules (and their stemmers).
export const RULE_IDS = [
  'focus.too-many-objectives',
  'focus.too-few-objectives',
  'focus.key-result-count',
  'key-result.no-owner',
  'key-result.start-equals-target',
  'key-result.no-measurable-target',
  'key-result.is-activity',
  'alignment.waterfall',
  'alignment.unit-supports-nothing',
  'alignment.person-supports-nothing',
  'organization.no-vision-or-strategy',
  'unit.no-vision-or-mission',
  'key-result.no-action-plan',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/**
 * The `variant` parameter of waterfall advice about a key result the objective supports
 * itself: the messages word it on their own.
 */
export const RESTATES_SUPPORTED_KEY_RESULT = 'supportedKeyResult';

export const SEVERITIES = ['hint', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];
