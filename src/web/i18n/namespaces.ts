// Loading a namespace's texts, in one language: `common` (common.ts beside this file), and
// each page folder's messages.ts.
import type { Language } from './resources.ts';

// Each namespace in each language is a module of its own: `?locale=` makes the build keep
// only that language's half of a bilingual() module (vite.config.ts, `oneLanguage`), so the
// reader loads texts in their language, not in both: `common` as the app starts (index.ts),
// a page's when it is first shown, the other language's when the language is switched.
const english = import.meta.glob(['./common.ts', '../pages/*/messages.ts'], { query: '?locale=en' });
const swedish = import.meta.glob(['./common.ts', '../pages/*/messages.ts'], { query: '?locale=sv' });

/** A namespace's texts in one language. */
export async function loadNamespace(namespace: string, language: Language): Promise<object> {
  const file = namespace === 'common' ? './common.ts' : `../pages/${namespace}/messages.ts`;
  // The globs' keys are the only files there are: any other name finds none.
  const load = (language === 'en' ? english : swedish)[file];
  const texts = load && ((await load()) as Record<string, Partial<Record<Language, object>>>)[namespace]?.[language];
  if (!texts) throw new Error(`no ${language} texts for namespace ${namespace}`);
  return texts;
}
