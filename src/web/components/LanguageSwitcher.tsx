import { SegmentedControl } from '@mantine/core';
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
  const change = async (value: string) => {
    const locale = value as Locale;
    await setLocale(locale);
    const me = client.getQueryData<Me>(['me']);
    if (me && me.locale !== locale) {
      const updated = await api.patch<Me>('/me', me.version, { locale }).catch(() => undefined);
      if (updated) client.setQueryData(['me'], updated);
    }
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.language === 'en' ? 'en' : 'sv'}
      onChange={(value) => void change(value)}
      data={[
        { value: 'sv', label: <span lang="sv">SV</span> },
        { value: 'en', label: <span lang="en">EN</span> },
      ]}
    />
  );
}
