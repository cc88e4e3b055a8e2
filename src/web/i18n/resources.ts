// All translation namespaces and their types. A page's strings live beside the page
// (messages.ts) and load with it, on demand and in the reader's language only
// (namespaces.ts); the shared `common` namespace loads, in the reader's language, before
// the app first renders (index.ts).
import type { common } from './common.ts';
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
import type { archive } from '../pages/archive/messages.ts';
import type { search } from '../pages/search/messages.ts';
import type { people } from '../pages/people/messages.ts';
import type { inbox } from '../pages/inbox/messages.ts';
import type { problem } from '../pages/problem/messages.ts';
import type { sheets } from '../pages/sheets/messages.ts';
import type { webhooks } from '../pages/webhooks/messages.ts';
import type { integrations } from '../pages/integrations/messages.ts';
import type { sso } from '../pages/sso/messages.ts';
import type { chat } from '../pages/chat/messages.ts';
import type { meeting } from '../pages/meeting/messages.ts';
import type { themes } from '../pages/themes/messages.ts';
import type { review } from '../pages/review/messages.ts';

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
  archive: typeof archive;
  search: typeof search;
  people: typeof people;
  inbox: typeof inbox;
  problem: typeof problem;
  sheets: typeof sheets;
  webhooks: typeof webhooks;
  integrations: typeof integrations;
  sso: typeof sso;
  chat: typeof chat;
  meeting: typeof meeting;
  themes: typeof themes;
  review: typeof review;
}
export type Resources = { [N in keyof Namespaces]: Namespaces[N]['en'] };

export type Language = 'en' | 'sv';
export type Namespace = keyof Namespaces;
