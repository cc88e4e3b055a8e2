import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { listAdvice } from '../../app/coach/list-advice.ts';
import { checkDraft } from '../../app/coach/check-draft.ts';
import { callerOf } from '../plugins/auth.ts';
import { requestLocale } from '../locale.ts';
import { OrgParams, problemResponses, checkedReadProblemResponses } from '../../api/schemas/common.ts';
import { CoachAdviceSchema, CoachCheckBody, CoachQuery } from '../../api/schemas/coach.ts';

const tags = ['coach'];

export const coachRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/coach',
    {
      schema: {
        tags,
        operationId: 'listCoachAdvice',
        summary: 'The coach’s advice on a cycle, for the organisation or one unit, in the caller’s language',
        params: OrgParams,
        querystring: CoachQuery,
        response: { 200: CoachAdviceSchema, ...problemResponses },
      },
    },
    async (request) =>
      listAdvice(deps, callerOf(request), request.params.orgId, { ...request.query, locale: requestLocale(request) }),
  );

  app.post(
    '/orgs/:orgId/coach/check',
    {
      config: { readOnly: true },
      schema: {
        tags,
        operationId: 'checkDraftObjective',
        summary: 'The coach’s advice on an objective being written, not saved (writes nothing)',
        params: OrgParams,
        body: CoachCheckBody,
        response: { 200: CoachAdviceSchema, ...checkedReadProblemResponses },
      },
    },
    async (request) =>
      checkDraft(deps, callerOf(request), request.params.orgId, { ...request.body, locale: requestLocale(request) }),
  );
};
