// All API routes under /api/v1. Each resource has its own file of thin routes.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app/context.ts';
import { authRoutes } from './auth.ts';
import { setupRoutes } from './setup.ts';
import { invitationRoutes } from './invitations.ts';
import { meRoutes } from './me.ts';
import { notificationRoutes } from './notifications.ts';
import { inboxRoutes } from './inbox.ts';
import { orgRoutes } from './orgs.ts';
import { memberRoutes } from './members.ts';
import { unitRoutes } from './units.ts';
import { cycleRoutes } from './cycles.ts';
import { objectiveRoutes } from './objectives.ts';
import { keyResultRoutes } from './key-results.ts';
import { checkInRoutes } from './check-ins.ts';
import { conversationRoutes } from './conversation.ts';
import { auditRoutes } from './audit.ts';
import { transferRoutes } from './transfer.ts';
import { sheetImportRoutes } from './sheet-imports.ts';
import { okrSheetRoutes } from './okr-sheet.ts';
import { archiveRoutes } from './archive.ts';
import { webhookRoutes } from './webhooks.ts';
import { coachRoutes } from './coach.ts';
import { alignmentHealthRoutes } from './alignment-health.ts';
import { closingRoutes } from './closing.ts';
import { dashboardRoutes } from './dashboard.ts';
import { mapRoutes } from './map.ts';
import { searchRoutes } from './search.ts';
import { batchRoutes } from './batch.ts';

export const apiRoutes: FastifyPluginAsync<{ deps: AppDeps; loginRateLimit: number }> = async (
  app,
  { deps, loginRateLimit },
) => {
  // Pass only our own options on: passing `prefix` again would nest it.
  const options = { deps, loginRateLimit };
  await app.register(authRoutes, options);
  await app.register(setupRoutes, options);
  await app.register(invitationRoutes, options);
  await app.register(meRoutes, options);
  await app.register(notificationRoutes, options);
  await app.register(inboxRoutes, options);
  await app.register(orgRoutes, options);
  await app.register(memberRoutes, options);
  await app.register(unitRoutes, options);
  await app.register(cycleRoutes, options);
  await app.register(objectiveRoutes, options);
  await app.register(keyResultRoutes, options);
  await app.register(checkInRoutes, options);
  await app.register(conversationRoutes, options);
  await app.register(auditRoutes, options);
  await app.register(transferRoutes, options);
  await app.register(sheetImportRoutes, options);
  await app.register(okrSheetRoutes, options);
  await app.register(archiveRoutes, options);
  await app.register(webhookRoutes, options);
  await app.register(coachRoutes, options);
  await app.register(alignmentHealthRoutes, options);
  await app.register(closingRoutes, options);
  await app.register(dashboardRoutes, options);
  await app.register(mapRoutes, options);
  await app.register(searchRoutes, options);
  await app.register(batchRoutes);
};
