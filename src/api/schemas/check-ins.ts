// Several check-ins in one request ("My week").
import { Type } from 'typebox';
import { Uuid } from './common.ts';
import { CheckInBody, CheckInSchema, KeyResultSchema } from './objective.ts';

export const CheckInBatchBody = Type.Object(
  {
    checkIns: Type.Array(
      Type.Object({ keyResultId: Uuid, ...CheckInBody.properties }, { additionalProperties: false }),
      {
        minItems: 1,
        maxItems: 50,
        description: 'Each key result at most once; all are saved or none is',
      },
    ),
  },
  { additionalProperties: false },
);

export const RecordedCheckInSchema = Type.Intersect([CheckInSchema, Type.Object({ keyResult: KeyResultSchema })]);

export const CheckInBatchSchema = Type.Object({
  items: Type.Array(RecordedCheckInSchema, { description: 'In the order sent, each with its key result as it now is' }),
});
