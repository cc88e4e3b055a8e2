// The round trip with generated organisations (fast-check): a generated export is imported
// into one organisation; its export, imported into another, exports as the same document
// but for the ids, the receiving organisation's own name and the time of the export.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportDocumentType } from '../../api/schemas/export.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import { createOrg } from '../../test/factories.ts';
import { comparableExport } from '../../test/comparable-export.ts';
import { peopleToImport } from '../../core/import-check.ts';

type Doc = ExportDocumentType;

let run = 0;
const uuid = (kind: number, i: number) =>
  `${String(run).padStart(8, '0')}-0000-4000-8${String(kind).padStart(3, '0')}-${String(i).padStart(12, '0')}`;
const BASE = Date.parse('2026-01-05T08:00:00.000Z');
const time = (ms: number) => new Date(BASE + ms).toISOString();

// Valid Unicode only (PostgreSQL keeps no lone surrogates and no NUL).
const text = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replaceAll('\0', ''));
const when = fc.integer({ min: 0, max: 5 }).map((n) => time(n * 1000)); // ties are likely, on purpose

/** An export document that holds together: people, a unit tree, a year with quarters, objectives and what hangs on them. */
const documents = fc
  .record({
    people: fc.array(
      fc.record({ name: text, role: fc.constantFrom('admin', 'member', 'viewer', null), active: fc.boolean() }),
      { minLength: 1, maxLength: 4 },
    ),
    units: fc.array(
      fc.record({ name: text, parent: fc.nat(), kind: fc.constantFrom('division', 'team'), createdAt: when }),
      { maxLength: 4 },
    ),
    quarters: fc.integer({ min: 0, max: 2 }),
    themes: fc.uniqueArray(text, { maxLength: 3, selector: (name) => name.trim().toLowerCase() }),
    objectives: fc.array(
      fc.record({
        title: text,
        level: fc.constantFrom('organization', 'unit', 'person'),
        owner: fc.nat(),
        supports: fc.array(fc.nat(), { maxLength: 2 }),
        supportsKeyResults: fc.array(fc.nat(), { maxLength: 2 }),
        themes: fc.array(fc.nat(), { maxLength: 2 }),
        createdAt: when,
        score: fc.option(fc.integer({ min: 0, max: 10 })),
      }),
      { maxLength: 6 },
    ),
    keyResults: fc.array(
      fc.record({ objective: fc.nat(), owner: fc.nat(), current: fc.integer({ min: -5, max: 200 }), createdAt: when }),
      { maxLength: 8 },
    ),
    checkIns: fc.array(
      fc.record({
        keyResult: fc.nat(),
        author: fc.nat(),
        value: fc.double({ min: -10, max: 500, noNaN: true }),
        confidence: fc.integer({ min: 0, max: 10 }),
        note: text,
        createdAt: when,
      }),
      { maxLength: 10 },
    ),
    comments: fc.array(fc.record({ objective: fc.nat(), body: text, onKeyResult: fc.boolean(), createdAt: when }), {
      maxLength: 3,
    }),
  })
  .map((g): Doc => {
    run++;
    const people = g.people.map((p, i) => ({
      id: uuid(1, i),
      email: `p${i}-${run}-${Date.now()}@example.com`,
      name: p.name || `P${i}`,
      locale: 'sv' as const,
      role: p.role,
      active: p.active,
    }));
    const units = g.units.map((u, i) => ({
      id: uuid(2, i),
      parentId: i > 0 && u.parent % 2 === 0 ? uuid(2, u.parent % i) : null,
      name: u.name || `U${i}`,
      kind: u.kind,
      vision: '',
      mission: u.name,
      checkInCadenceDays: null,
      members: people
        .slice(0, (i % people.length) + 1)
        .map((p, j) => ({ personId: p.id, role: j === 0 ? ('lead' as const) : ('member' as const) })),
      archivedAt: null,
      createdAt: u.createdAt,
    }));
    const cycles = [
      {
        id: uuid(3, 0),
        parentId: null,
        name: '2026',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        status: 'active' as const,
        closedAt: null,
        closedBy: null,
        createdAt: time(0),
      },
      ...Array.from({ length: g.quarters }, (_, q) => ({
        id: uuid(3, q + 1),
        parentId: uuid(3, 0),
        name: `Q${q + 1}`,
        startsOn: `2026-0${q * 3 + 1}-01`,
        endsOn: `2026-0${q * 3 + 3}-28`,
        status: 'closed' as const,
        closedAt: time(9000),
        closedBy: people[0]?.id ?? null,
        createdAt: time(q),
      })),
    ];
    const themes = g.themes
      .filter((name) => name.trim() !== '')
      .map((name, i) => ({ id: uuid(8, i), name: name.trim(), description: `D${i}` }));
    const objectives = g.objectives.map((o, i) => {
      const level = o.level === 'unit' && units.length === 0 ? 'organization' : o.level;
      return {
        id: uuid(4, i),
        cycleId: cycles[o.owner % cycles.length]?.id ?? uuid(3, 0),
        level,
        unitId: level === 'unit' ? (units[o.owner % units.length]?.id ?? null) : null,
        personId: level === 'person' ? (people[o.owner % people.length]?.id ?? null) : null,
        title: o.title,
        description: '',
        kind: 'committed' as const,
        visibility: 'public' as const,
        lifecycle: 'published' as const,
        status: null,
        finalScore: o.score === null ? null : o.score / 10,
        carriedFromId: null,
        // Only earlier objectives: no loops.
        supports: i === 0 ? [] : [...new Set(o.supports.map((s) => uuid(4, s % i)))],
        supportsKeyResultIds: [] as string[],
        themeIds: themes.length === 0 ? [] : [...new Set(o.themes.map((n) => uuid(8, n % themes.length)))],
        createdBy: people[0]?.id ?? null,
        archivedAt: null,
        createdAt: o.createdAt,
      };
    });
    const keyResults =
      objectives.length === 0
        ? []
        : g.keyResults.map((k, i) => ({
            id: uuid(5, i),
            objectiveId: uuid(4, k.objective % objectives.length),
            ownerId: people[k.owner % people.length]?.id ?? null,
            title: `KR ${i}`,
            metric: 'increase_to' as const,
            startValue: 0,
            targetValue: 100,
            currentValue: k.current,
            unit: '',
            weight: 1,
            confidence: null,
            position: i,
            finalScore: null,
            archivedAt: null,
            createdAt: k.createdAt,
          }));
    // Key results of earlier objectives only: no loops through them either.
    objectives.forEach((o, i) => {
      const earlier = keyResults.filter((k) => Number(k.objectiveId.slice(-12)) < i);
      const chosen = g.objectives[i]?.supportsKeyResults.map((n) => earlier[n % earlier.length]?.id) ?? [];
      o.supportsKeyResultIds = [...new Set(chosen.filter((kr) => kr !== undefined))];
      // As the export writes it: a key result's objective is supported too.
      const throughKeyResults = keyResults.filter((k) => o.supportsKeyResultIds.includes(k.id));
      o.supports = [...new Set([...o.supports, ...throughKeyResults.map((k) => k.objectiveId)])];
    });
    const checkIns =
      keyResults.length === 0
        ? []
        : g.checkIns.map((c, i) => ({
            id: uuid(6, i),
            keyResultId: uuid(5, c.keyResult % keyResults.length),
            authorId: people[c.author % people.length]?.id ?? null,
            value: c.value,
            confidence: c.confidence,
            note: c.note,
            correctedAt: null,
            createdAt: c.createdAt,
          }));
    const comments =
      objectives.length === 0
        ? []
        : g.comments.map((c, i) => {
            const objectiveId = uuid(4, c.objective % objectives.length);
            const kr = keyResults.find((k) => k.objectiveId === objectiveId);
            return {
              id: uuid(7, i),
              objectiveId,
              keyResultId: c.onKeyResult && kr ? kr.id : null,
              authorId: people[0]?.id ?? null,
              body: c.body || '…',
              editedAt: null,
              deletedAt: null,
              createdAt: c.createdAt,
            };
          });
    return {
      format: 'riktning/1',
      exportedAt: time(10_000),
      organization: {
        id: uuid(9, 0),
        slug: 'generated',
        name: 'Generated',
        vision: 'V',
        mission: 'M',
        strategy: 'S',
        themes,
        defaultLocale: 'sv',
        settings: {},
        createdAt: time(0),
      },
      people,
      units,
      cycles,
      objectives,
      keyResults,
      checkIns,
      activities: [],
      comments,
      reflections: [],
    };
  });

/**
 * What a document holds, whatever its ids and order: enough of each item to notice a field
 * lost on the way in (the first import starts from a generated document, in its own order).
 */
function contents(doc: Doc) {
  const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
  const emailOf = new Map(doc.people.map((p) => [p.id, p.email]));
  const themeNameOf = new Map((doc.organization.themes ?? []).map((t) => [t.id, t.name]));
  return {
    themes: (doc.organization.themes ?? []).map((t) => [t.name, t.description]),
    people: sorted(
      peopleToImport(doc)
        .filter((p) => /^p\d+-/.test(p.email))
        .map(({ id: _, ...p }) => p),
    ),
    units: sorted(
      doc.units.map((u) => [u.name, u.kind, u.mission, u.parentId === null, u.members.length, u.createdAt]),
    ),
    cycles: sorted(
      doc.cycles.map((c) => [c.name, c.startsOn, c.endsOn, c.status, c.closedAt, emailOf.get(c.closedBy ?? '')]),
    ),
    objectives: sorted(
      doc.objectives.map((o) => [
        o.title,
        o.level,
        o.finalScore,
        o.supports.length,
        o.supportsKeyResultIds?.length,
        (o.themeIds ?? []).map((id) => themeNameOf.get(id)).sort(),
        o.createdAt,
      ]),
    ),
    keyResults: sorted(
      doc.keyResults.map((k) => [k.title, k.currentValue, k.position, emailOf.get(k.ownerId ?? ''), k.createdAt]),
    ),
    checkIns: sorted(
      doc.checkIns.map((c) => [c.value, c.confidence, c.note, emailOf.get(c.authorId ?? ''), c.createdAt]),
    ),
    comments: sorted(doc.comments.map((c) => [c.body, c.keyResultId === null, c.createdAt])),
  };
}

describe('the organisation round trip', () => {
  it('keeps a generated organisation whole through export and import', async () => {
    const { app, deps } = await testServer();
    const { owner } = await createOrg(deps.db);
    const admin = await ApiClient.signIn(app, owner.email);
    const emptyOrg = async () => {
      const created = await admin.post('/api/v1/orgs', { name: 'Tom', slug: `tom-${randomUUID().slice(0, 8)}` });
      expect(created.statusCode, created.body).toBe(201);
      return created.json<{ id: string }>().id;
    };
    const exportOf = async (orgId: string) => {
      const response = await admin.get(`/api/v1/orgs/${orgId}/export`);
      expect(response.statusCode).toBe(200);
      return response.json<Doc>();
    };
    const importInto = async (orgId: string, doc: Doc) => {
      const response = await admin.post(`/api/v1/orgs/${orgId}/import`, doc);
      expect(response.statusCode, response.body).toBe(201);
    };

    await fc.assert(
      fc.asyncProperty(documents, async (generated) => {
        const first = await emptyOrg();
        await importInto(first, generated);
        const exported = await exportOf(first);
        expect(contents(exported)).toEqual(contents(generated));
        const second = await emptyOrg();
        await importInto(second, exported);
        expect(comparableExport(await exportOf(second))).toEqual(comparableExport(exported));
      }),
      { numRuns: 12 },
    );
  });
});
