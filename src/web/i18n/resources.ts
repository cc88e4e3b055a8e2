// All translation namespaces. A page's strings live beside the page (messages.ts) and
// load with it, on demand; only the shared `common` namespace is in the first bundle.
import { common } from './common.ts';
import type { auth } from '../pages/auth/messages.ts';
import type { home } from '../pages/home/messages.ts';
import type { my } from '../pages/my/messages.ts';
import type { admin } from '../pages/admin/messages.ts';
import type { units } from '../pages/units/messages.ts';
import type { objective } from '../pages/objective/messages.ts';
import type { map } from '../pages/map/messages.ts';
import type { coach } from '../pages/coach/messages.ts';
import type { conversation } from '../pages/conversation/messages.ts';
import type { audit } from '../pages/audit/messages.ts';
import type { closing } from '../pages/closing/messages.ts';
import type { week } from '../pages/week/messages.ts';
import type { dashboard } from '../pages/dashboard/messages.ts';
import type { settings } from '../pages/settings/messages.ts';
import type { outbox } from '../pages/outbox/messages.ts';

interface Namespaces {
  common: typeof common;
  auth: typeof auth;
  home: typeof home;
  units: typeof units;
  objective: typeof objective;
  my: typeof my;
  admin: typeof admin;
  map: typeof map;
  coach: typeof coach;
  conversation: typeof conversation;
  audit: typeof audit;
  closing: typeof closing;
  week: typeof week;
  dashboard: typeof dashboard;
  settings: typeof settings;
  outbox: typeof outbox;
}
export type Resources = { [N in keyof Namespaces]: Namespaces[N]['en'] };

type Loader = () => Promise<{ en: object; sv: object }>;

export const NAMESPACE_LOADERS: Record<keyof Namespaces, Loader> = {
  // Bundled (see index.ts); here for completeness of the table.
  common: () => Promise.resolve(common),
  auth: () => import('../pages/auth/messages.ts').then((m) => m.auth),
  home: () => import('../pages/home/messages.ts').then((m) => m.home),
  units: () => import('../pages/units/messages.ts').then((m) => m.units),
  objective: () => import('../pages/objective/messages.ts').then((m) => m.objective),
  my: () => import('../pages/my/messages.ts').then((m) => m.my),
  admin: () => import('../pages/admin/messages.ts').then((m) => m.admin),
  map: () => import('../pages/map/messages.ts').then((m) => m.map),
  coach: () => import('../pages/coach/messages.ts').then((m) => m.coach),
  conversation: () => import('../pages/conversation/messages.ts').then((m) => m.conversation),
  audit: () => import('../pages/audit/messages.ts').then((m) => m.audit),
  closing: () => import('../pages/closing/messages.ts').then((m) => m.closing),
  week: () => import('../pages/week/messages.ts').then((m) => m.week),
  dashboard: () => import('../pages/dashboard/messages.ts').then((m) => m.dashboard),
  settings: () => import('../pages/settings/messages.ts').then((m) => m.settings),
  outbox: () => import('../pages/outbox/messages.ts').then((m) => m.outbox),
};
