// Walks every operation of the OpenAPI document as anonymous, viewer, member, unit lead,
// admin and the admin of another organisation, and checks each answer against this
// table. An operation missing from the table fails the test, so new routes must say who
// may call them.
import { describe, expect, it } from 'vitest';
import { testServer } from '../test/server.ts';
import { TEST_PASSWORD } from '../test/factories.ts';
import { authHeaders, createWorld, operationsOf, ROLES, type World, type WalkRole } from '../test/world.ts';

interface WalkCase {
  /** Status of a successful call. */
  ok: number;
  /** Roles that succeed; every other role is refused. */
  allowed: readonly WalkRole[];
  /** Values for the path parameters that are not the organisation's id. */
  params?: (world: World, role: WalkRole) => Record<string, string>;
  /** The query string, for operations that need one. */
  query?: (world: World) => Record<string, string>;
  body?: (world: World) => unknown;
  /** Request headers beyond authentication, e.g. the content type of a file sent as the body. */
  headers?: Record<string, string>;
  /** Refusals that differ from the defaults (401 anonymous, 404 other organisation, 403 inside). */
  refused?: Partial<Record<WalkRole, number>>;
  /** Send If-Match "1" (PATCH always does). */
  ifMatch?: boolean;
  /**
   * What a read-only service account gets for a read, when not what an admin gets: it
   * reads OKRs, not the administration (audit log, outbox, export, archive, webhooks).
   */
  service?: number;
}

const SIGNED_IN = ['foreign', 'viewer', 'member', 'lead', 'admin'] as const;
const IN_ORG = ['viewer', 'member', 'lead', 'admin'] as const;
const WRITERS = ['member', 'lead', 'admin'] as const;
const LEAD_OR_ADMIN = ['lead', 'admin'] as const;
const ADMIN = ['admin'] as const;
const ifMatch = { 'if-match': '"1"' };
let counter = 0;
const unique = () => `${Date.now().toString(36)}-${++counter}`;

const id = (pick: (w: World) => { id: string }) => (w: World) => ({ id: pick(w).id });

const TABLE: Record<string, WalkCase> = {
  'POST /api/v1/auth/login': {
    ok: 200,
    allowed: ROLES,
    body: (w) => ({ email: w.people.member.email, password: TEST_PASSWORD }),
  },
  'GET /api/v1/auth/session': { ok: 200, allowed: ROLES },
  // What the sign-in page offers: asked before anyone is signed in.
  'GET /api/v1/auth/providers': { ok: 200, allowed: ROLES },
  'POST /api/v1/auth/logout': { ok: 204, allowed: SIGNED_IN },
  // The test database always has accounts, so the first-run set-up is over for everyone
  // (setup.test.ts runs it on an empty database).
  'GET /api/v1/setup': { ok: 200, allowed: ROLES },
  'GET /api/v1/export-schema.json': { ok: 200, allowed: ROLES },
  'POST /api/v1/setup': {
    ok: 201,
    allowed: [],
    refused: Object.fromEntries(ROLES.map((role) => [role, 409])),
    body: () => ({
      organizationName: 'Ny organisation',
      slug: `ny-${unique()}`,
      name: 'Första Person',
      email: `forsta-${unique()}@example.test`,
      password: 'en lång och bra fras',
      locale: 'sv',
    }),
  },
  // Invitation links are their own key: anyone holding one may use it, signed in or not.
  'GET /api/v1/invitations/{token}': {
    ok: 200,
    allowed: ROLES,
    params: (w) => ({ token: w.invitationToken }),
  },
  'POST /api/v1/invitations/{token}/accept': {
    ok: 200,
    allowed: ROLES,
    params: (w) => ({ token: w.invitationToken }),
    body: () => ({ password: 'en lång och bra fras' }),
  },
  // Only the invited account joins with its link; anyone else signed in is refused.
  'POST /api/v1/invitations/{token}/join': {
    ok: 200,
    allowed: ['foreign'],
    params: (w) => ({ token: w.joinToken }),
  },
  'GET /api/v1/me': { ok: 200, allowed: SIGNED_IN },
  // The example library is the same for everyone signed in, in any organisation or none.
  'GET /api/v1/examples': { ok: 200, allowed: SIGNED_IN, query: () => ({ lang: 'sv', function: 'hr' }) },
  'PATCH /api/v1/me': { ok: 200, allowed: SIGNED_IN, body: () => ({ name: 'Nytt Namn' }) },
  'POST /api/v1/me/password': {
    ok: 200,
    allowed: SIGNED_IN,
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'en helt annan fras' }),
  },
  'GET /api/v1/me/notifications': { ok: 200, allowed: SIGNED_IN },
  'PATCH /api/v1/me/notifications': { ok: 200, allowed: SIGNED_IN, body: () => ({ weeklyDigest: false }) },
  'GET /api/v1/me/tokens': { ok: 200, allowed: SIGNED_IN },
  'POST /api/v1/me/tokens': { ok: 201, allowed: SIGNED_IN, body: () => ({ name: 'CLI' }) },
  'DELETE /api/v1/me/tokens/{id}': {
    ok: 204,
    allowed: SIGNED_IN,
    params: (w, role) => ({ id: role === 'anonymous' ? w.tokens.admin.id : w.tokens[role].id }),
  },
  'POST /api/v1/orgs': {
    ok: 201,
    allowed: SIGNED_IN,
    body: () => ({ name: 'Ny organisation', slug: `ny-${unique()}` }),
  },
  'GET /api/v1/orgs/{orgId}': { ok: 200, allowed: IN_ORG },
  'PATCH /api/v1/orgs/{orgId}': { ok: 200, allowed: ADMIN, body: () => ({ vision: 'Ny vision' }) },
  'GET /api/v1/orgs/{orgId}/audit-events': { ok: 200, allowed: ADMIN, service: 403 },
  'GET /api/v1/orgs/{orgId}/archive': { ok: 200, allowed: ADMIN, service: 403 },
  'GET /api/v1/orgs/{orgId}/outbox': { ok: 200, allowed: ADMIN, service: 403 },
  'GET /api/v1/orgs/{orgId}/outbox/{id}': { ok: 200, allowed: ADMIN, service: 403, params: id((w) => w.outboxMessage) },
  'GET /api/v1/orgs/{orgId}/audit-events.csv': { ok: 200, allowed: ADMIN, service: 403 },
  'GET /api/v1/orgs/{orgId}/export': { ok: 200, allowed: ADMIN, service: 403 },
  // The walk's organisation has OKRs: admins pass the permission check and meet the rule
  // that an import fills an empty organisation.
  'POST /api/v1/orgs/{orgId}/import': {
    ok: 409,
    allowed: ADMIN,
    query: () => ({ dryRun: 'true' }),
    body: (w) => ({
      format: 'riktning/1',
      exportedAt: '2026-01-01T00:00:00.000Z',
      organization: {
        id: w.org.id,
        slug: 'walk',
        name: 'Walk',
        vision: '',
        mission: '',
        strategy: '',
        defaultLocale: 'sv',
        settings: {},
        createdAt: '2026-01-01T00:00:00.000Z',
      },
      ...Object.fromEntries(
        [
          'people',
          'units',
          'cycles',
          'objectives',
          'keyResults',
          'checkIns',
          'activities',
          'comments',
          'reflections',
        ].map((list) => [list, []]),
      ),
    }),
  },
  // Spreadsheets in: reading a file writes nothing (x-read-only); the check is a dry run.
  'POST /api/v1/orgs/{orgId}/sheet-imports/read': {
    ok: 200,
    allowed: ADMIN,
    service: 403,
    headers: { 'content-type': 'text/csv' },
    body: () => 'Mål;Period\nVäxa;2026\n',
  },
  'POST /api/v1/orgs/{orgId}/sheet-imports': {
    ok: 200,
    allowed: ADMIN,
    query: () => ({ dryRun: 'true' }),
    body: () => ({ headers: ['Mål', 'Period'], rows: [['Växa', '2026']], mapping: { objectiveTitle: 0, cycle: 1 } }),
  },
  'GET /api/v1/sheet-templates/{file}': { ok: 200, allowed: ROLES, params: () => ({ file: 'sv.csv' }) },
  // Spreadsheets out: anyone in the organisation, of what they may read.
  'GET /api/v1/orgs/{orgId}/okr-sheet': { ok: 200, allowed: IN_ORG, query: (w) => ({ cycleId: w.cycle.id }) },
  // Webhooks send the organisation's OKRs outside: admins alone.
  'POST /api/v1/orgs/{orgId}/webhooks': {
    ok: 201,
    allowed: ADMIN,
    body: () => ({ url: 'https://hooks.example.com/new', events: ['objective.created'] }),
  },
  'GET /api/v1/orgs/{orgId}/webhooks': { ok: 200, allowed: ADMIN, service: 403 },
  'DELETE /api/v1/webhooks/{id}': { ok: 204, allowed: ADMIN, params: id((w) => w.webhook) },
  'POST /api/v1/webhooks/{id}/rotate-secret': { ok: 200, allowed: ADMIN, params: id((w) => w.webhook) },
  'GET /api/v1/webhooks/{id}/deliveries': { ok: 200, allowed: ADMIN, service: 403, params: id((w) => w.webhook) },
  'POST /api/v1/webhooks/{id}/test': { ok: 202, allowed: ADMIN, params: id((w) => w.webhook) },
  'GET /api/v1/orgs/{orgId}/sso-provider': { ok: 200, allowed: ADMIN, service: 403 },
  'PUT /api/v1/orgs/{orgId}/sso-provider': {
    ok: 200,
    allowed: ADMIN,
    ifMatch: true,
    body: () => ({
      issuer: 'https://login.example.com/tenant',
      clientId: 'riktning',
      name: 'Example ID',
      allowedDomains: [],
      roleMap: {},
    }),
  },
  'DELETE /api/v1/orgs/{orgId}/sso-provider': { ok: 204, allowed: ADMIN },
  // An organisation's own provider, from its sign-in page: anyone may start or come back;
  // the walk's provider cannot be reached, so each goes back to the sign-in page, told why.
  'GET /api/v1/auth/sso/orgs/{orgId}/start': { ok: 302, allowed: ROLES },
  'GET /api/v1/auth/sso/orgs/{orgId}/callback': { ok: 302, allowed: ROLES },
  'POST /api/v1/orgs/{orgId}/service-accounts': {
    ok: 201,
    allowed: ADMIN,
    body: () => ({ name: `Integration ${unique()}`, scopes: ['read'] }),
  },
  'GET /api/v1/orgs/{orgId}/service-accounts': { ok: 200, allowed: ADMIN, service: 403 },
  'POST /api/v1/service-accounts/{id}/rotate-token': {
    ok: 200,
    allowed: ADMIN,
    params: id((w) => w.serviceAccount),
  },
  'DELETE /api/v1/service-accounts/{id}': { ok: 204, allowed: ADMIN, params: id((w) => w.serviceAccount) },
  // A unit's Slack or Teams channel: its leads keep it as admins do (the organisation's
  // channel is the admins' alone: chat-channels.test.ts).
  'POST /api/v1/orgs/{orgId}/chat-channels': {
    ok: 201,
    allowed: LEAD_OR_ADMIN,
    body: (w) => ({ kind: 'slack', url: 'https://hooks.slack.com/services/T1/B1/walk', unitId: w.unit.id }),
  },
  'GET /api/v1/orgs/{orgId}/chat-channels': {
    ok: 200,
    allowed: LEAD_OR_ADMIN,
    service: 403,
    query: (w) => ({ unitId: w.unit.id }),
  },
  'PATCH /api/v1/chat-channels/{id}': {
    ok: 200,
    allowed: LEAD_OR_ADMIN,
    params: id((w) => w.chatChannel),
    body: () => ({ messages: ['check-in'] }),
  },
  'DELETE /api/v1/chat-channels/{id}': { ok: 204, allowed: LEAD_OR_ADMIN, params: id((w) => w.chatChannel) },
  'GET /api/v1/chat-channels/{id}/posts': {
    ok: 200,
    allowed: LEAD_OR_ADMIN,
    service: 403,
    params: id((w) => w.chatChannel),
  },
  'POST /api/v1/chat-channels/{id}/test': { ok: 202, allowed: LEAD_OR_ADMIN, params: id((w) => w.chatChannel) },
  // The strategy's themes: every member reads them, those who keep the profile keep them.
  'GET /api/v1/orgs/{orgId}/themes': { ok: 200, allowed: IN_ORG },
  'POST /api/v1/orgs/{orgId}/themes': { ok: 201, allowed: ADMIN, body: () => ({ name: `Tema ${unique()}` }) },
  'PATCH /api/v1/themes/{id}': {
    ok: 200,
    allowed: ADMIN,
    params: id((w) => w.theme),
    body: () => ({ description: 'Egna säljare och installatörer nära kunden' }),
  },
  'DELETE /api/v1/themes/{id}': { ok: 204, allowed: ADMIN, params: id((w) => w.theme), ifMatch: true },
  'GET /api/v1/orgs/{orgId}/feed': { ok: 200, allowed: IN_ORG },
  'GET /api/v1/orgs/{orgId}/members': { ok: 200, allowed: IN_ORG },
  'POST /api/v1/orgs/{orgId}/members': {
    ok: 201,
    allowed: ADMIN,
    body: () => ({ email: `ny-${unique()}@example.test`, name: 'Ny Person', role: 'member' }),
  },
  'GET /api/v1/orgs/{orgId}/members/{accountId}': {
    ok: 200,
    allowed: IN_ORG,
    params: (w) => ({ accountId: w.people.member.id }),
  },
  'PATCH /api/v1/orgs/{orgId}/members/{accountId}': {
    ok: 200,
    allowed: ADMIN,
    params: (w) => ({ accountId: w.people.member.id }),
    body: () => ({ role: 'viewer' }),
  },
  'DELETE /api/v1/orgs/{orgId}/members/{accountId}': {
    ok: 204,
    allowed: ADMIN,
    params: (w) => ({ accountId: w.people.member.id }),
  },
  'POST /api/v1/orgs/{orgId}/members/{accountId}/invitation': {
    ok: 201,
    allowed: ADMIN,
    params: (w) => ({ accountId: w.invitee.id }),
  },
  'GET /api/v1/orgs/{orgId}/units': { ok: 200, allowed: IN_ORG },
  'POST /api/v1/orgs/{orgId}/units': { ok: 201, allowed: ADMIN, body: () => ({ name: 'Nytt team', kind: 'team' }) },
  'GET /api/v1/units/{id}': { ok: 200, allowed: IN_ORG, params: id((w) => w.unit) },
  'PATCH /api/v1/units/{id}': {
    ok: 200,
    allowed: LEAD_OR_ADMIN,
    params: id((w) => w.unit),
    body: () => ({ mission: 'Nytt uppdrag' }),
  },
  'DELETE /api/v1/units/{id}': { ok: 204, allowed: ADMIN, params: id((w) => w.unit) },
  'POST /api/v1/units/{id}/restore': { ok: 200, allowed: ADMIN, params: id((w) => w.archivedUnit), ifMatch: true },
  'PUT /api/v1/units/{id}/members/{accountId}': {
    ok: 200,
    allowed: LEAD_OR_ADMIN,
    params: (w) => ({ id: w.unit.id, accountId: w.people.viewer.id }),
    body: () => ({ role: 'member' }),
  },
  'DELETE /api/v1/units/{id}/members/{accountId}': {
    ok: 204,
    allowed: LEAD_OR_ADMIN,
    params: (w) => ({ id: w.unit.id, accountId: w.people.member.id }),
  },
  'GET /api/v1/orgs/{orgId}/cycles': { ok: 200, allowed: IN_ORG },
  'POST /api/v1/orgs/{orgId}/cycles': {
    ok: 201,
    allowed: ADMIN,
    body: () => ({ name: 'Q3', startsOn: '2026-07-01', endsOn: '2026-09-30' }),
  },
  'POST /api/v1/orgs/{orgId}/cycles/years': {
    ok: 201,
    allowed: ADMIN,
    body: () => {
      const year = unique();
      return {
        name: `År ${year}`,
        startsOn: '2030-01-01',
        endsOn: '2030-12-31',
        quarters: [{ name: `K1 ${year}`, startsOn: '2030-01-01', endsOn: '2030-03-31' }],
      };
    },
  },
  'GET /api/v1/cycles/{id}': { ok: 200, allowed: IN_ORG, params: id((w) => w.cycle) },
  'DELETE /api/v1/cycles/{id}': { ok: 204, allowed: ADMIN, ifMatch: true, params: id((w) => w.spareCycle) },
  'PATCH /api/v1/cycles/{id}': {
    ok: 200,
    allowed: ADMIN,
    params: id((w) => w.cycle),
    body: () => ({ name: 'Nytt namn' }),
  },
  'POST /api/v1/cycles/{id}/close': { ok: 200, allowed: ADMIN, ifMatch: true, params: id((w) => w.cycle) },
  'POST /api/v1/cycles/{id}/reopen': { ok: 200, allowed: ADMIN, ifMatch: true, params: id((w) => w.closedCycle) },
  'PUT /api/v1/objectives/{id}/scoring': {
    ok: 200,
    allowed: LEAD_OR_ADMIN,
    ifMatch: true,
    params: id((w) => w.unitObjective),
    body: (w) => ({
      finalScore: 0.7,
      keyResults: [{ id: w.keyResult.id, finalScore: 0.6 }],
      reflection: { wentWell: 'Samarbetet', learned: 'Mät tidigt', changeNext: 'Färre mål' },
    }),
  },
  'POST /api/v1/objectives/{id}/carry-over': {
    ok: 201,
    allowed: LEAD_OR_ADMIN,
    params: id((w) => w.unitObjective),
    body: (w) => ({ cycleId: w.nextCycle.id }),
  },
  'GET /api/v1/units/{id}/reflections/{cycleId}': {
    ok: 200,
    allowed: IN_ORG,
    params: (w) => ({ id: w.unit.id, cycleId: w.closedCycle.id }),
  },
  'GET /api/v1/units/{id}/weekly-meeting': {
    ok: 200,
    allowed: IN_ORG,
    params: id((w) => w.unit),
    query: (w) => ({ cycleId: w.cycle.id }),
  },
  'GET /api/v1/orgs/{orgId}/review': { ok: 200, allowed: IN_ORG, query: (w) => ({ cycleId: w.cycle.id }) },
  'PUT /api/v1/units/{id}/reflections/{cycleId}': {
    ok: 200,
    allowed: LEAD_OR_ADMIN,
    params: (w) => ({ id: w.unit.id, cycleId: w.closedCycle.id }),
    body: () => ({ wentWell: 'Tydliga mål', learned: 'Checka in varje vecka', changeNext: 'Planera tidigare' }),
  },
  'GET /api/v1/orgs/{orgId}/objectives': { ok: 200, allowed: IN_ORG },
  'POST /api/v1/orgs/{orgId}/objectives': {
    ok: 201,
    allowed: LEAD_OR_ADMIN,
    body: (w) => ({
      cycleId: w.cycle.id,
      level: 'unit',
      unitId: w.unit.id,
      title: 'Teamets eget mål',
      supports: [w.orgObjective.id],
    }),
  },
  'GET /api/v1/objectives/{id}': { ok: 200, allowed: IN_ORG, params: id((w) => w.unitObjective) },
  'PATCH /api/v1/objectives/{id}': {
    ok: 200,
    allowed: LEAD_OR_ADMIN,
    params: id((w) => w.unitObjective),
    body: () => ({ title: 'Skarpare mål' }),
  },
  'DELETE /api/v1/objectives/{id}': { ok: 204, allowed: LEAD_OR_ADMIN, params: id((w) => w.unitObjective) },
  // Restoring takes what archiving takes: the world's archived objective is the unit's.
  'POST /api/v1/objectives/{id}/restore': {
    ok: 200,
    allowed: LEAD_OR_ADMIN,
    params: id((w) => w.archivedObjective),
    ifMatch: true,
  },
  'POST /api/v1/objectives/{id}/key-results': {
    ok: 201,
    allowed: LEAD_OR_ADMIN,
    params: id((w) => w.unitObjective),
    body: () => ({ title: '40 nya kunder', metric: 'increase_to', start: 0, target: 40 }),
  },
  'GET /api/v1/objectives/{id}/comments': { ok: 200, allowed: IN_ORG, params: id((w) => w.unitObjective) },
  'POST /api/v1/objectives/{id}/comments': {
    ok: 201,
    allowed: WRITERS,
    params: id((w) => w.unitObjective),
    body: () => ({ body: 'Snyggt jobbat!' }),
  },
  // The world's comment is the member's: only its author edits it (not even an admin);
  // admins may remove it too (moderation).
  'PATCH /api/v1/comments/{id}': {
    ok: 200,
    allowed: ['member'],
    params: id((w) => w.comment),
    body: () => ({ body: 'Riktigt bra!' }),
  },
  'DELETE /api/v1/comments/{id}': { ok: 204, allowed: ['member', 'admin'], params: id((w) => w.comment) },
  'GET /api/v1/orgs/{orgId}/key-results': { ok: 200, allowed: IN_ORG },
  // One's own count: every member has one, viewers too (theirs is none).
  'GET /api/v1/orgs/{orgId}/key-results/due-count': { ok: 200, allowed: IN_ORG, service: 403 },
  'GET /api/v1/orgs/{orgId}/activities': { ok: 200, allowed: IN_ORG },
  'GET /api/v1/key-results/{id}': { ok: 200, allowed: IN_ORG, params: id((w) => w.keyResult) },
  'PATCH /api/v1/key-results/{id}': {
    ok: 200,
    allowed: LEAD_OR_ADMIN,
    params: id((w) => w.keyResult),
    body: () => ({ target: 200 }),
  },
  'DELETE /api/v1/key-results/{id}': { ok: 204, allowed: LEAD_OR_ADMIN, params: id((w) => w.keyResult) },
  'POST /api/v1/key-results/{id}/restore': {
    ok: 200,
    allowed: LEAD_OR_ADMIN,
    params: id((w) => w.archivedKeyResult),
    ifMatch: true,
  },
  'POST /api/v1/key-results/{id}/check-ins': {
    ok: 201,
    allowed: LEAD_OR_ADMIN,
    params: id((w) => w.keyResult),
    body: () => ({ value: 42, confidence: 7, note: 'Bra vecka' }),
  },
  // The walk's key result belongs to the unit's objective: its lead and admins may check in.
  'POST /api/v1/orgs/{orgId}/check-ins': {
    ok: 201,
    allowed: LEAD_OR_ADMIN,
    body: (w) => ({ checkIns: [{ keyResultId: w.keyResult.id, value: 43, confidence: 6 }] }),
  },
  'GET /api/v1/key-results/{id}/check-ins': { ok: 200, allowed: IN_ORG, params: id((w) => w.keyResult) },
  // Only its author (the lead) corrects or removes a check-in.
  'PATCH /api/v1/check-ins/{id}': {
    ok: 200,
    allowed: ['lead'],
    params: id((w) => w.checkInToCorrect),
    body: () => ({ value: 21, note: 'Rättad' }),
  },
  'DELETE /api/v1/check-ins/{id}': {
    ok: 204,
    allowed: ['lead'],
    params: id((w) => w.checkInToRemove),
    ifMatch: true,
  },
  'GET /api/v1/key-results/{id}/activities': { ok: 200, allowed: IN_ORG, params: id((w) => w.keyResult) },
  'POST /api/v1/key-results/{id}/activities': {
    ok: 201,
    allowed: LEAD_OR_ADMIN,
    params: id((w) => w.keyResult),
    body: () => ({ title: 'Boka lokal' }),
  },
  'PATCH /api/v1/activities/{id}': {
    ok: 200,
    allowed: LEAD_OR_ADMIN,
    params: id((w) => w.activity),
    body: () => ({ status: 'doing' }),
  },
  'DELETE /api/v1/activities/{id}': { ok: 204, allowed: LEAD_OR_ADMIN, params: id((w) => w.activity) },
  'POST /api/v1/activities/{id}/restore': {
    ok: 200,
    allowed: LEAD_OR_ADMIN,
    params: id((w) => w.archivedActivity),
    ifMatch: true,
  },
  'GET /api/v1/orgs/{orgId}/coach': { ok: 200, allowed: IN_ORG, query: (w) => ({ cycleId: w.cycle.id }) },
  // A read with a body (x-read-only): everyone in the organisation may ask about a draft.
  'POST /api/v1/orgs/{orgId}/coach/check': {
    ok: 200,
    allowed: IN_ORG,
    body: (w) => ({ cycleId: w.cycle.id, level: 'unit', unitId: w.unit.id, title: 'Teamets eget mål' }),
  },
  'GET /api/v1/orgs/{orgId}/alignment-health': { ok: 200, allowed: IN_ORG, query: (w) => ({ cycleId: w.cycle.id }) },
  'GET /api/v1/orgs/{orgId}/dashboard': { ok: 200, allowed: IN_ORG, query: (w) => ({ cycleId: w.cycle.id }) },
  'GET /api/v1/orgs/{orgId}/dashboard/summary': {
    ok: 200,
    allowed: IN_ORG,
    query: (w) => ({ cycleId: w.cycle.id, unitId: w.unit.id }),
  },
  'GET /api/v1/orgs/{orgId}/map': { ok: 200, allowed: IN_ORG, query: (w) => ({ cycleId: w.cycle.id }) },
  'GET /api/v1/orgs/{orgId}/search': { ok: 200, allowed: IN_ORG, query: () => ({ q: 'Objective' }) },
  // One's own inbox: every member has one, viewers too (they may be mentioned).
  'GET /api/v1/orgs/{orgId}/inbox': { ok: 200, allowed: IN_ORG },
  'POST /api/v1/orgs/{orgId}/inbox/read': { ok: 200, allowed: IN_ORG, body: () => ({}) },
  // Anyone may batch reads; each part is then judged as the read on its own (batch.test.ts),
  // so the batch is 200 even when a part is refused.
  'POST /api/v1/batch': {
    ok: 200,
    allowed: ROLES,
    body: (w) => ({ requests: [{ path: `/orgs/${w.org.id}` }] }),
  },
};

function expectedStatus(walk: WalkCase, role: WalkRole): number {
  if (walk.allowed.includes(role)) return walk.ok;
  return walk.refused?.[role] ?? (role === 'anonymous' ? 401 : role === 'foreign' ? 404 : 403);
}

function urlFor(path: string, world: World, walk: WalkCase, role: WalkRole): string {
  const values: Record<string, string> = { orgId: world.org.id, ...walk.params?.(world, role) };
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (!value) throw new Error(`no value for path parameter ${name} in ${path}`);
    return value;
  });
  const query = walk.query?.(world);
  return query ? `${url}?${new URLSearchParams(query)}` : url;
}

describe('permission walk over the OpenAPI document', async () => {
  const { app, deps } = await testServer();
  const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  const operations = operationsOf(document).map((op) => ({
    ...op,
    key: `${op.method} /api/v1${op.path.replace(/^\/api\/v1/, '')}`,
  }));

  it('has a row for every operation and no row for an operation that does not exist', () => {
    const keys = operations.map((op) => op.key).sort();
    expect(keys.filter((key) => !(key in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((key) => !keys.includes(key))).toEqual([]);
  });

  // Reads (GETs, and POSTs marked x-read-only) share one organisation; every write gets a
  // fresh one per role, so one role's change cannot decide another role's answer.
  const readWorld = createWorld(deps.db);
  for (const op of operations) {
    const walk = TABLE[op.key];
    if (!walk) continue;
    const isRead = op.method === 'GET' || op['x-read-only'] === true;
    it(`${op.key}`, async () => {
      const answers: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const role of ROLES) {
        const world = isRead ? await readWorld : await createWorld(deps.db);
        const body = walk.body?.(world);
        const response = await app.inject({
          method: op.method as 'GET',
          url: urlFor(op.path.startsWith('/api/v1') ? op.path : `/api/v1${op.path}`, world, walk, role),
          headers: {
            ...authHeaders(world, role),
            ...(op.method === 'PATCH' || walk.ifMatch ? ifMatch : {}),
            ...walk.headers,
          },
          ...(body === undefined ? {} : { payload: body as object }),
        });
        answers[role] = response.statusCode;
        expected[role] = expectedStatus(walk, role);
        if (response.statusCode >= 400) expect(response.headers['content-type']).toContain('application/problem+json');
      }
      expect(answers).toEqual(expected);
    });
  }
});

// A service account with the read scope reads what an admin reads and changes nothing:
// every write, whatever route it is, is refused before it starts.
describe('permission walk of a read-only service account', async () => {
  const { app, deps } = await testServer();
  const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  const world = createWorld(deps.db);
  for (const op of operationsOf(document)) {
    const key = `${op.method} /api/v1${op.path.replace(/^\/api\/v1/, '')}`;
    const walk = TABLE[key];
    // Public routes do not ask who calls.
    if (!walk || expectedStatus(walk, 'anonymous') !== 401) continue;
    const isRead = op.method === 'GET' || op['x-read-only'] === true;
    it(`${key}`, async () => {
      const w = await world;
      const body = walk.body?.(w);
      const response = await app.inject({
        method: op.method as 'GET',
        url: urlFor(op.path.startsWith('/api/v1') ? op.path : `/api/v1${op.path}`, w, walk, 'admin'),
        headers: {
          authorization: `Bearer ${w.serviceToken}`,
          ...(op.method === 'PATCH' || walk.ifMatch ? ifMatch : {}),
          ...walk.headers,
        },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      expect(response.statusCode).toBe(isRead ? (walk.service ?? expectedStatus(walk, 'admin')) : 403);
      expect(response.headers['content-type']).toContain(response.statusCode >= 400 ? 'problem+json' : '');
    });
  }
});
