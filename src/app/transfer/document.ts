// The organisation export document as the import reads it (its JSON Schema, which the API
// validates requests against, is api/schemas/export.ts; the route checks the two agree).
import type {
  ActivityStatus,
  CycleStatus,
  Lifecycle,
  Locale,
  Metric,
  ObjectiveKind,
  ObjectiveLevel,
  OrgRole,
  Status,
  UnitKind,
  UnitRole,
  Visibility,
} from '../../core/domain.ts';
import type { OrgSettings } from '../../db/schema.ts';

type Id = string;
type Time = string;

export interface ExportedOrganization {
  format: string;
  exportedAt: Time;
  organization: {
    id: Id;
    vision: string;
    mission: string;
    strategy: string;
    /** Absent in documents from before strategy themes. */
    themes?: { id: Id; name: string; description: string }[];
    defaultLocale: Locale;
    settings: OrgSettings;
  };
  people: { id: Id; email: string; name: string; locale: Locale; role: OrgRole | null; active: boolean }[];
  units: {
    id: Id;
    parentId: Id | null;
    name: string;
    kind: UnitKind;
    vision: string;
    mission: string;
    checkInCadenceDays: number | null;
    members: { personId: Id; role: UnitRole }[];
    archivedAt: Time | null;
    createdAt: Time;
  }[];
  cycles: {
    id: Id;
    parentId: Id | null;
    name: string;
    startsOn: string;
    endsOn: string;
    status: CycleStatus;
    closedAt: Time | null;
    closedBy: Id | null;
    createdAt: Time;
  }[];
  objectives: {
    id: Id;
    cycleId: Id;
    level: ObjectiveLevel;
    unitId: Id | null;
    personId: Id | null;
    title: string;
    description: string;
    kind: ObjectiveKind;
    visibility: Visibility;
    lifecycle: Lifecycle;
    status: Status | null;
    finalScore: number | null;
    carriedFromId: Id | null;
    supports: Id[];
    /** Absent in documents from before key results could be supported. */
    supportsKeyResultIds?: Id[];
    /** Absent in documents from before strategy themes. */
    themeIds?: Id[];
    createdBy: Id | null;
    /** Absent in documents from before objectives could be marked done. */
    doneAt?: Time | null;
    archivedAt: Time | null;
    createdAt: Time;
  }[];
  keyResults: {
    id: Id;
    objectiveId: Id;
    ownerId: Id | null;
    title: string;
    metric: Metric;
    startValue: number;
    targetValue: number;
    currentValue: number;
    unit: string;
    weight: number;
    confidence: number | null;
    position: number;
    finalScore: number | null;
    archivedAt: Time | null;
    createdAt: Time;
  }[];
  checkIns: {
    id: Id;
    keyResultId: Id;
    authorId: Id | null;
    value: number;
    confidence: number;
    note: string;
    /** Absent in documents from before blockers. */
    blocker?: boolean;
    correctedAt: Time | null;
    createdAt: Time;
  }[];
  activities: {
    id: Id;
    keyResultId: Id;
    ownerId: Id | null;
    title: string;
    status: ActivityStatus;
    dueOn: string | null;
    archivedAt: Time | null;
    createdAt: Time;
  }[];
  comments: {
    id: Id;
    objectiveId: Id;
    keyResultId: Id | null;
    authorId: Id | null;
    body: string;
    editedAt: Time | null;
    deletedAt: Time | null;
    createdAt: Time;
  }[];
  reflections: {
    id: Id;
    cycleId: Id;
    objectiveId: Id | null;
    unitId: Id | null;
    wentWell: string;
    learned: string;
    changeNext: string;
    authorId: Id | null;
    createdAt: Time;
    updatedAt: Time;
  }[];
}
