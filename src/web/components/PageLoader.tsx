import { Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Spinner } from './Spinner.tsx';

/** Shown while a page's code or texts load. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" mih="50vh">
      <Spinner label={t('loading')} />
    </Center>
  );
}
