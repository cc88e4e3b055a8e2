// Loading a namespace's texts, in one language: `common` (common.ts beside this file), and
// each page folder's messages.ts.
import type { Language, Namespace } from './resources.ts';

// Each namespace in each language is a module of its own: `?locale=` makes the build keep
// only that language's half of a bilingual() module (vite.config.ts, `oneLanguage`), so the
// reader loads texts in their language, not in both: `common` as the app starts (index.ts),
// a page's when it is first shown, the other language's when the language is switched.
const english = import.meta.glob(['./common.ts', '../pages/*/messages.ts'], { query: '?locale=en' });
const swedish = import.meta.glob(['./common.ts', '../pages/*/messages.ts'], { query: '?locale=sv' });

/** Every namespace: each page folder's messages.ts, named after the folder. */
const NAMESPACES: Record<Namespace, true> = {
  common: true,
  auth: true,
  home: true,
  units: true,
  objective: true,
  my: true,
  admin: true,
  map: true,
  coach: true,
  conversation: true,
  audit: true,
  closing: true,
  week: true,
  dashboard: true,
  settings: true,
  outbox: true,
  archive: true,
  search: true,
  people: true,
  inbox: true,
};

/** A namespace's texts in one language. */
export async function loadNamespace(namespace: string, language: Language): Promise<object> {
  const file = namespace === 'common' ? './common.ts' : `../pages/${namespace}/messages.ts`;
  const load = (language === 'en' ? english : swedish)[file];
  if (!(namespace in NAMESPACES) || !load) throw new Error(`unknown namespace ${namespace}`);
  const texts = ((await load()) as Record<string, Partial<Record<Language, object>>>)[namespace]?.[language];
  if (!texts) throw new Error(`no ${language} texts in namespace ${namespace}`);
  return texts;
}
