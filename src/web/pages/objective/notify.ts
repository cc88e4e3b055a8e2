// A short message after an act (saved, archived…). The close button needs a name of its own.
import { notify as show } from '../../components/notify.ts';
import { i18n } from '../../i18n/index.ts';

export function notify(message: string, color: 'teal' | 'yellow' | 'red' | 'blue' = 'teal') {
  show({ color, message, closeButtonProps: { 'aria-label': i18n.t('common:actions.close') } });
}
