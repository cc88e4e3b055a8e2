import { Button, Group } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../core/domain.ts';
import { api } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { setLocale } from '../i18n/index.ts';

/** Switches the language at once, and remembers it on the account when signed in. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const change = async (locale: Locale) => {
    await setLocale(locale);
    const me = client.getQueryData<Me>(['me']);
    if (me && me.locale !== locale) {
      const updated = await api.patch<Me>('/me', me.version, { locale }).catch(() => undefined);
      if (updated) client.setQueryData(['me'], updated);
    }
  };
  const current: Locale = i18n.language === 'en' ? 'en' : 'sv';
  // Two toggle buttons rather than a segmented control: this sits on the sign-in page, whose
  // JavaScript every visit loads (docs/web.md, the first pages' budget).
  return (
    <Group gap={0} role="group" aria-label={t('language.label')} wrap="nowrap">
      {(['sv', 'en'] as const).map((locale) => (
        <Button
          key={locale}
          size="compact-xs"
          variant={locale === current ? 'filled' : 'default'}
          aria-pressed={locale === current}
          lang={locale}
          onClick={() => void change(locale)}
        >
          {locale.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
