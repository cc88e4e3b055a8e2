// The library of example OKRs (src/core/examples): per function, in Swedish or English.
import { Type } from 'typebox';
import { LOCALES } from '../../core/domain.ts';
import { EXAMPLE_FUNCTIONS } from '../../core/examples/model.ts';

const ExampleFunction = Type.Enum([...EXAMPLE_FUNCTIONS]);

export const ExamplesQuery = Type.Object(
  {
    lang: Type.Optional(
      Type.Enum([...LOCALES], { description: 'The language of the examples; the caller’s language when left out' }),
    ),
    function: Type.Optional(ExampleFunction),
  },
  { additionalProperties: false },
);

const ExampleKeyResultSchema = Type.Object({
  title: Type.String({ description: 'An outcome, worded as a change from its start to its target' }),
  metric: Type.Enum(['increase_to', 'decrease_to', 'stay_at_or_above', 'stay_at_or_below']),
  start: Type.Number(),
  target: Type.Number(),
  unit: Type.String(),
});

export const ExampleSchema = Type.Object({
  id: Type.String({ description: 'Stable across versions and languages' }),
  function: ExampleFunction,
  level: Type.Enum(['unit', 'person'], { description: 'A team’s objective, or a person’s development plan' }),
  kind: Type.Enum(['committed', 'aspirational', 'development']),
  title: Type.String(),
  description: Type.String({ description: 'Why the objective matters' }),
  keyResults: Type.Array(ExampleKeyResultSchema, { minItems: 3, maxItems: 4 }),
});

export const ExamplesSchema = Type.Object({
  lang: Type.Enum([...LOCALES]),
  functions: Type.Array(Type.Object({ id: ExampleFunction, name: Type.String() }), {
    description: 'Every function of the library, named in the language, in the order to show them',
  }),
  items: Type.Array(ExampleSchema, { description: 'The examples, of one function when it is asked for' }),
});
