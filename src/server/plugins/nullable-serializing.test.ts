import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { Nullable, Timestamp, Uuid } from '../../api/schemas/common.ts';
import { ObjectiveSchema } from '../../api/schemas/objective.ts';
import { nullableForSerializing } from './nullable-serializing.ts';

const compile = (schema: unknown) =>
  SerializerSelector()({}, {})({ schema, method: 'GET', url: '/', httpStatus: '200' } as never) as (
    doc: unknown,
  ) => string;

const Sample = Type.Object({
  id: Nullable(Uuid),
  at: Nullable(Timestamp),
  count: Nullable(Type.Integer()),
  share: Nullable(Type.Number({ description: 'a share' })),
  band: Nullable(Type.Enum(['red', 'green'])),
  link: Nullable(Type.Object({ id: Uuid, title: Type.String() })),
  tags: Nullable(Type.Array(Type.String())),
  either: Type.Union([Type.String(), Type.Integer(), Type.Null()]),
});

const filled = {
  id: '0b7f1b4e-61c2-4d7a-9f3e-2a1c5d6e7f80',
  at: '2026-12-07T10:00:00.000Z',
  count: 3,
  share: 0.25,
  band: 'green',
  link: { id: '0b7f1b4e-61c2-4d7a-9f3e-2a1c5d6e7f81', title: 'Mål "ett"\n' },
  tags: ['a', 'b'],
  either: 7,
};
const empty = { id: null, at: null, count: null, share: null, band: null, link: null, tags: null, either: null };

const unions = (schema: unknown): number =>
  Array.isArray(schema)
    ? schema.reduce((n: number, item) => n + unions(item), 0)
    : typeof schema === 'object' && schema !== null
      ? Object.entries(schema).reduce((n, [key, value]) => n + (key === 'anyOf' ? 1 : 0) + unions(value), 0)
      : 0;

describe('response schemas rewritten for serializing', () => {
  it('write every nullable field as the union did, with a value and with null', () => {
    const asUnion = compile(Sample);
    const asNullable = compile(nullableForSerializing(Sample));
    for (const doc of [filled, empty, { ...filled, either: 'seven' }]) {
      expect(asNullable(doc)).toBe(asUnion(doc));
      expect(JSON.parse(asNullable(doc))).toEqual(doc);
    }
  });

  it('leave a union of more than a value and null, or of a value without a type, as it is; keep each field’s own keywords', () => {
    const rewritten = nullableForSerializing(Sample) as { properties: Record<string, Record<string, unknown>> };
    expect(unions(rewritten)).toBe(2);
    expect(rewritten.properties.either).toHaveProperty('anyOf');
    expect(rewritten.properties.band).toHaveProperty('anyOf');
    expect(rewritten.properties.id).toEqual({ type: 'string', format: 'uuid', nullable: true });
    expect(rewritten.properties.share).toMatchObject({ type: 'number', description: 'a share', nullable: true });
  });

  it('leave in an objective, whose every key result and link has nullable fields, only its score band’s union', () => {
    expect(unions(ObjectiveSchema)).toBeGreaterThan(10);
    expect(unions(nullableForSerializing(ObjectiveSchema))).toBe(1);
  });

  it('leave the schema it was given as it was', () => {
    const before = JSON.stringify(Sample);
    nullableForSerializing(Sample);
    expect(JSON.stringify(Sample)).toBe(before);
  });
});
