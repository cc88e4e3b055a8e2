// Language: the account's, else the browser's, else Swedish; switchable in the header.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { BackendModule } from 'i18next';
import { common } from './common.ts';
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
  document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
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

void i18n
  .use(lazyNamespaces)
  .use(initReactI18next)
  .init({
    // The shared words are bundled, so the frame of every page renders at once.
    resources: { en: { common: common.en }, sv: { common: common.sv } },
    partialBundledLanguages: true,
    ns: ['common'],
    lng: initialLocale(),
    // No fallback language: bilingual() makes every namespace complete in both, and a
    // fallback would load each page's English texts beside its Swedish ones.
    fallbackLng: false,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
document.documentElement.lang = i18n.language;

export { i18n };
