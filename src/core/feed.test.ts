import { describe, expect, it } from 'vitest';
import { feedDetails } from './feed.ts';

const SARA = '0b6a3f0e-6c1d-4f5e-9a57-2f1e0c3d4b5a';

describe('feedDetails', () => {
  const rows: { case: string; action: string; before: unknown; after: unknown; details: object }[] = [
    {
      case: 'check-in: from, to and confidence',
      action: 'checkIn.create',
      before: { current: 40, confidence: 5 },
      after: { current: 55, confidence: 7, checkInId: 'x' },
      details: { from: 40, to: 55, confidence: 7 },
    },
    {
      case: 'first check-in: no confidence before',
      action: 'checkIn.create',
      before: { current: 0, confidence: null },
      after: { current: 10, confidence: 8 },
      details: { from: 0, to: 10, confidence: 8 },
    },
    {
      case: 'objective update: changed fields in a fixed order, bookkeeping left out',
      action: 'objective.update',
      before: { title: 'A', description: 'x', version: 1, updatedAt: '1', lifecycle: 'draft' },
      after: { title: 'B', description: 'x', version: 2, updatedAt: '2', lifecycle: 'published' },
      details: { fields: ['title', 'lifecycle'], status: 'published' },
    },
    {
      case: 'objective update: supports changed',
      action: 'objective.update',
      before: { title: 'A', lifecycle: 'published' },
      after: { title: 'A', lifecycle: 'published', supports: [SARA] },
      details: { fields: ['supports'], status: 'published' },
    },
    {
      case: 'key result update: start and target',
      action: 'keyResult.update',
      before: { startValue: 0, targetValue: 100, title: 'T' },
      after: { startValue: 10, targetValue: 120, title: 'T' },
      details: { fields: ['startValue', 'targetValue'] },
    },
    {
      case: 'activity update: title, status',
      action: 'activity.update',
      before: { title: 'Skicka utskick', status: 'doing' },
      after: { title: 'Skicka utskick', status: 'done' },
      details: { name: 'Skicka utskick', fields: ['status'], status: 'done' },
    },
    {
      case: 'activity created',
      action: 'activity.create',
      before: null,
      after: { title: 'Boka lokal', status: 'todo' },
      details: { name: 'Boka lokal', status: 'todo' },
    },
    {
      case: 'comment: short excerpt with mentions as names, without Markdown marks',
      action: 'comment.create',
      before: null,
      after: { body: `Bra @[Sara Lind](mention:${SARA})! **Fint**`, mentions: [SARA] },
      details: { excerpt: 'Bra @Sara Lind! Fint' },
    },
    { case: 'score', action: 'objective.score', before: {}, after: { finalScore: 0.7 }, details: { score: 0.7 } },
    {
      case: 'suggested score',
      action: 'objective.score',
      before: null,
      after: { finalScore: 0.4, keyResults: [], suggested: true },
      details: { score: 0.4, suggested: true },
    },
    {
      case: 'cycle closed',
      action: 'cycle.close',
      before: null,
      after: { name: 'Q2 2026' },
      details: { name: 'Q2 2026' },
    },
    { case: 'creation: the join gives the title', action: 'objective.create', before: null, after: {}, details: {} },
    { case: 'unknown action', action: 'auth.login', before: null, after: { secret: 1 }, details: {} },
    { case: 'malformed before and after', action: 'checkIn.create', before: 'x', after: [1], details: {} },
  ];
  it.each(rows)('$case', ({ action, before, after, details }) =>
    expect(feedDetails(action, before, after)).toEqual(details),
  );

  it.each([
    {
      case: 'an edited comment is quoted as it reads now',
      now: { body: 'Rättat', removed: false },
      details: { excerpt: 'Rättat' },
    },
    { case: 'a removed comment is not quoted at all', now: { body: 'Hemligt', removed: true }, details: {} },
  ])('$case', ({ now, details }) =>
    expect(feedDetails('comment.create', null, { body: 'Först skrivet' }, now)).toEqual(details),
  );
});
