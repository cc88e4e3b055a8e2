// Language: the account's, else the browser's, else Swedish; switchable in the header.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { BackendModule } from 'i18next';
import { loadNamespace } from './namespaces.ts';
import type { Locale } from '../../core/domain.ts';

const STORAGE_KEY = 'riktning.locale';

export function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'sv' || stored === 'en') return stored;
  const browser = navigator.languages?.[0] ?? navigator.language ?? '';
  return browser.toLowerCase().startsWith('en') ? 'en' : 'sv';
}

export async function setLocale(locale: Locale): Promise<void> {
  localStorage.setItem(STORAGE_KEY, locale);
  // i18next switches once the language's texts have loaded (`common` and the namespaces in
  // use): until then the page stays in the language it was in, with no keys showing.
  await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'sv';
}

/** Loads a page's namespace, in one language, when a component first asks for it. */
const lazyNamespaces: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    loadNamespace(namespace, language === 'en' ? 'en' : 'sv').then(
      (texts) => callback(null, texts),
      (error: Error) => callback(error, null),
    );
  },
};

const locale = initialLocale();
/**
 * Resolves once the shared words (`common`) are loaded in the reader's language; main.tsx
 * renders then, so the frame of every page renders at once. Only that language's half
 * loads: the other one comes when the language is switched (setLocale).
 */
export const i18nReady: Promise<unknown> = i18n
  .use(lazyNamespaces)
  .use(initReactI18next)
  .init({
    ns: ['common'],
    lng: locale,
    // Start loading `common` now, while the rest of the first chunk is still being evaluated.
    initAsync: false,
    // No fallback language: bilingual() makes every namespace complete in both, and a
    // fallback would load each page's English texts beside its Swedish ones.
    fallbackLng: false,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
document.documentElement.lang = locale;

export { i18n };
