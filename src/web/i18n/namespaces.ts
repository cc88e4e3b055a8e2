// Loading a namespace's texts: each page folder's messages.ts, in one language.
import { common } from './common.ts';
import type { Language, Namespace } from './resources.ts';

// Each namespace in each language is a module of its own: `?locale=` makes the build keep
// only that language's half of a messages.ts (vite.config.ts, `oneLanguage`), so a page
// loads its texts in the reader's language, not in both.
const english = import.meta.glob('../pages/*/messages.ts', { query: '?locale=en' });
const swedish = import.meta.glob('../pages/*/messages.ts', { query: '?locale=sv' });

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

/** A page namespace's texts in one language (`common` is bundled). */
export async function loadNamespace(namespace: string, language: Language): Promise<object> {
  if (namespace === 'common') return common[language];
  const load = (language === 'en' ? english : swedish)[`../pages/${namespace}/messages.ts`];
  if (!(namespace in NAMESPACES) || !load) throw new Error(`unknown namespace ${namespace}`);
  const texts = ((await load()) as Record<string, Partial<Record<Language, object>>>)[namespace]?.[language];
  if (!texts) throw new Error(`no ${language} texts in namespace ${namespace}`);
  return texts;
}
