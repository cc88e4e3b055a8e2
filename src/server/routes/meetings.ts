import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { getWeeklyMeeting } from '../../app/meetings/weekly-meeting.ts';
import { callerOf } from '../plugins/auth.ts';
import { IdParams, problemResponses } from '../../api/schemas/common.ts';
import { WeeklyMeetingQuery, WeeklyMeetingSchema } from '../../api/schemas/meetings.ts';

export const meetingRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/units/:id/weekly-meeting',
    {
      schema: {
        tags: ['units'],
        operationId: 'getWeeklyMeeting',
        summary:
          'A unit’s weekly check-in meeting: the team’s and each member’s key results with the week’s changes, ' +
          'confidence moves, notes, blockers and owed check-ins',
        params: IdParams,
        querystring: WeeklyMeetingQuery,
        response: { 200: WeeklyMeetingSchema, ...problemResponses },
      },
    },
    async (request) => getWeeklyMeeting(deps, callerOf(request), request.params.id, request.query.cycleId),
  );
};
