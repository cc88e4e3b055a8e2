// The API's shapes, derived from the same schemas that validate requests on the server.
// Type-only imports: no schema code reaches the browser.
import type { Static } from 'typebox';
import type { WeeklyMeetingSchema } from '../../api/schemas/meetings.ts';
import type { ReviewSchema } from '../../api/schemas/review.ts';
import type { MeSchema, ApiTokenSchema } from '../../api/schemas/me.ts';
import type { OrgSchema } from '../../api/schemas/org.ts';
import type {
  ActivityInContextSchema,
  ActivitySchema,
  CheckInSchema,
  KeyResultInContextSchema,
  KeyResultSchema,
  ObjectiveSchema,
  CreateObjectiveBody,
  UpdateObjectiveBody,
  NewKeyResultBody,
  UpdateKeyResultBody,
  CheckInBody,
  CreateActivityBody,
  DueCountSchema,
  UpdateActivityBody,
} from '../../api/schemas/objective.ts';
import type { ProblemSchema } from '../../api/schemas/common.ts';
import type { ArchivedItemSchema } from '../../api/schemas/archive.ts';
import type { InboxSchema, InboxItemSchema } from '../../api/schemas/inbox.ts';
import type { ImportResultSchema } from '../../api/schemas/export.ts';
import type {
  SheetDryRunSchema,
  SheetImportedSchema,
  SheetProblemSchema,
  SheetReadSchema,
} from '../../api/schemas/sheet-imports.ts';

export type Me = Static<typeof MeSchema>;
export type ApiToken = Static<typeof ApiTokenSchema>;
export type Org = Static<typeof OrgSchema>;
export type Objective = Static<typeof ObjectiveSchema>;
/** How an objective names one it supports: title, level, owner and progress. */
export type SupportedObjective = Objective['supportedObjectives'][number];
export type SupportedKeyResult = Objective['supportedKeyResults'][number];
export type KeyResult = Static<typeof KeyResultSchema>;
export type KeyResultInContext = Static<typeof KeyResultInContextSchema>;
export type DueCount = Static<typeof DueCountSchema>;
export type CheckIn = Static<typeof CheckInSchema>;
export type Activity = Static<typeof ActivitySchema>;
export type ActivityInContext = Static<typeof ActivityInContextSchema>;
export type Problem = Static<typeof ProblemSchema>;
export type ArchivedItem = Static<typeof ArchivedItemSchema>;
export type Inbox = Static<typeof InboxSchema>;
export type InboxItem = Static<typeof InboxItemSchema>;
export type ImportResult = Static<typeof ImportResultSchema>;
/** A sheet read for import, a dry run's answer, an import's, and one problem in the sheet. */
export type SheetRead = Static<typeof SheetReadSchema>;
export type SheetCheck = Static<typeof SheetDryRunSchema>;
export type SheetImported = Static<typeof SheetImportedSchema>;
export type SheetProblem = Static<typeof SheetProblemSchema>;
export type CreateObjectiveInput = Static<typeof CreateObjectiveBody>;
export type UpdateObjectiveInput = Static<typeof UpdateObjectiveBody>;
export type NewKeyResultInput = Static<typeof NewKeyResultBody>;
export type UpdateKeyResultInput = Static<typeof UpdateKeyResultBody>;
export type CheckInInput = Static<typeof CheckInBody>;
export type CreateActivityInput = Static<typeof CreateActivityBody>;
export type UpdateActivityInput = Static<typeof UpdateActivityBody>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

import type {
  UnitSchema,
  UnitDetailSchema,
  UnitMemberSchema,
  CreateUnitBody,
  UpdateUnitBody,
} from '../../api/schemas/units.ts';
import type {
  CycleSchema,
  CycleDetailSchema,
  ClosedCycleSchema,
  CreateCycleBody,
  UpdateCycleBody,
  YearSchema,
} from '../../api/schemas/cycles.ts';
import type { UnitReflectionSchema, UnitReflectionBody } from '../../api/schemas/reflections.ts';
import type { ScoreObjectiveBody } from '../../api/schemas/objective.ts';
import type { MemberSchema, AddMemberBody } from '../../api/schemas/members.ts';
import type { UpdateOrgBody } from '../../api/schemas/org.ts';

export type Unit = Static<typeof UnitSchema>;
export type UnitDetail = Static<typeof UnitDetailSchema>;
export type UnitMember = Static<typeof UnitMemberSchema>;
export type CreateUnitInput = Static<typeof CreateUnitBody>;
export type UpdateUnitInput = Static<typeof UpdateUnitBody>;
export type Cycle = Static<typeof CycleSchema>;
export type CycleDetail = Static<typeof CycleDetailSchema>;
export type YearAnswer = Static<typeof YearSchema>;
export type ClosedCycle = Static<typeof ClosedCycleSchema>;
export type UnitReflection = Static<typeof UnitReflectionSchema>;
export type UnitReflectionInput = Static<typeof UnitReflectionBody>;
export type ScoreObjectiveInput = Static<typeof ScoreObjectiveBody>;
export type CreateCycleInput = Static<typeof CreateCycleBody>;
export type UpdateCycleInput = Static<typeof UpdateCycleBody>;
export type Member = Static<typeof MemberSchema>;
export type AddMemberInput = Static<typeof AddMemberBody>;
export type UpdateOrgInput = Static<typeof UpdateOrgBody>;

import type {
  AdviceSchema,
  AlignmentHealthSchema,
  CoachAdviceSchema,
  CoachCheckBody,
  CoachRuleSchema,
} from '../../api/schemas/coach.ts';

export type Advice = Static<typeof AdviceSchema>;
export type CoachAdvice = Static<typeof CoachAdviceSchema>;
export type CoachRule = Static<typeof CoachRuleSchema>;
export type CoachCheckInput = Static<typeof CoachCheckBody>;
export type AlignmentHealth = Static<typeof AlignmentHealthSchema>;

import type { ExamplesSchema } from '../../api/schemas/examples.ts';

/** The example library in one language, and one example of it. */
export type Examples = Static<typeof ExamplesSchema>;
export type Example = Examples['items'][number];

import type { CheckInBatchBody, CheckInBatchSchema } from '../../api/schemas/check-ins.ts';

export type CheckInBatchInput = Static<typeof CheckInBatchBody>;
export type CheckInBatch = Static<typeof CheckInBatchSchema>;

import type { DashboardSchema } from '../../api/schemas/dashboard.ts';

export type Dashboard = Static<typeof DashboardSchema>;

import type { AuditEventSchema, CommentSchema, FeedItemSchema } from '../../api/schemas/conversation.ts';

export type Comment = Static<typeof CommentSchema>;
export type FeedItem = Static<typeof FeedItemSchema>;
export type AuditEvent = Static<typeof AuditEventSchema>;

import type {
  NotificationSettingsSchema,
  OutboxMessageSchema,
  OutboxMessageSummarySchema,
  OutboxPageSchema,
} from '../../api/schemas/notifications.ts';

export type NotificationSettings = Static<typeof NotificationSettingsSchema>;
export type OutboxMessageSummary = Static<typeof OutboxMessageSummarySchema>;
export type OutboxMessage = Static<typeof OutboxMessageSchema>;
export type OutboxPage = Static<typeof OutboxPageSchema>;

import type {
  AlignmentMapSchema,
  MapKeyResultSchema,
  MapObjectiveSchema,
  MapThemeSchema,
  MapUnitSchema,
} from '../../api/schemas/map.ts';

export type AlignmentMap = Static<typeof AlignmentMapSchema>;
export type MapObjective = Static<typeof MapObjectiveSchema>;
export type MapKeyResult = Static<typeof MapKeyResultSchema>;
export type MapUnit = Static<typeof MapUnitSchema>;
export type MapTheme = Static<typeof MapThemeSchema>;

import type { SearchHitsSchema } from '../../api/schemas/search.ts';
export type SearchHits = Static<typeof SearchHitsSchema>;

import type { WebhookDeliverySchema, WebhookSchema, WebhookWithSecretSchema } from '../../api/schemas/webhooks.ts';
export type Webhook = Static<typeof WebhookSchema>;
export type WebhookWithSecret = Static<typeof WebhookWithSecretSchema>;
export type WebhookDelivery = Static<typeof WebhookDeliverySchema>;
export interface WebhookDeliveryPage {
  items: WebhookDelivery[];
  nextCursor: string | null;
}

import type { AuthProviderSchema } from '../../api/schemas/auth-providers.ts';
export type AuthProvider = Static<typeof AuthProviderSchema>;

import type { ServiceAccountSchema, ServiceAccountWithTokenSchema } from '../../api/schemas/service-accounts.ts';
export type ServiceAccount = Static<typeof ServiceAccountSchema>;
export type ServiceAccountWithToken = Static<typeof ServiceAccountWithTokenSchema>;

import type { OrgSsoProviderSchema } from '../../api/schemas/auth-providers.ts';
export type OrgSsoProvider = Static<typeof OrgSsoProviderSchema>;
import type { ChatChannelSchema, ChatPostSchema } from '../../api/schemas/chat-channels.ts';
export type ChatChannel = Static<typeof ChatChannelSchema>;
export type ChatPost = Static<typeof ChatPostSchema>;
export interface ChatPostPage {
  items: ChatPost[];
  nextCursor: string | null;
}

export type WeeklyMeeting = Static<typeof WeeklyMeetingSchema>;
export type MeetingKeyResult = WeeklyMeeting['sections'][number]['keyResults'][number];

export type Theme = Org['themes'][number];
export type Review = Static<typeof ReviewSchema>;
export type ReviewObjective = Review['objectives'][number];
