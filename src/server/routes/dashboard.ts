import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { getDashboard } from '../../app/dashboard/get-dashboard.ts';
import { getDashboardSummary } from '../../app/dashboard/get-dashboard-summary.ts';
import { readMayLag } from '../lag-tolerant.ts';
import { OrgParams, problemResponses } from '../../api/schemas/common.ts';
import { DashboardQuery, DashboardSchema, DashboardSummarySchema } from '../../api/schemas/dashboard.ts';

export const dashboardRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/dashboard',
    {
      schema: {
        tags: ['dashboards'],
        operationId: 'getDashboard',
        summary: 'A cycle’s figures for the organisation, or for one unit and the units beneath it',
        params: OrgParams,
        querystring: DashboardQuery,
        response: { 200: DashboardSchema, ...problemResponses },
      },
    },
    async (request) =>
      readMayLag(deps, request, (reader, caller) => getDashboard(reader, caller, request.params.orgId, request.query)),
  );

  app.get(
    '/orgs/:orgId/dashboard/summary',
    {
      schema: {
        tags: ['dashboards'],
        operationId: 'getDashboardSummary',
        summary: 'Net confidence and objectives by status only: the dashboard’s one figure, at a fraction of its cost',
        params: OrgParams,
        querystring: DashboardQuery,
        response: { 200: DashboardSummarySchema, ...problemResponses },
      },
    },
    async (request) =>
      readMayLag(deps, request, (reader, caller) =>
        getDashboardSummary(reader, caller, request.params.orgId, request.query),
      ),
  );
};
