import {
  Alert,
  Button,
  Card,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Switch,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../core/domain.ts';
import type { RuleId } from '../../../core/coach/rule-ids.ts';
import { api } from '../../api/client.ts';
import type { Org } from '../../api/types.ts';
import { useAuthProviders } from '../../api/auth-providers.ts';
import { LazyMarkdown } from '../../components/LazyMarkdown.tsx';
import { isConflict } from '../../components/serverErrors.ts';
import { ConflictNotice, rebaseOnTheirs, type TheirField } from '../../components/ConflictNotice.tsx';
import { useUnsavedChangesGuard } from '../../app/unsaved-changes.ts';
import { useFormat } from '../../format.ts';
import { notifyDone, saveProblem } from './shared.tsx';
import { invalidateCoach } from '../coach/queries.ts';

const RuleSwitches = lazy(() => import('../coach/RuleSwitches.tsx'));

interface Values {
  name: string;
  vision: string;
  mission: string;
  strategy: string;
  defaultLocale: Locale;
  settings: {
    focus: { objectivesMin: number; objectivesMax: number; keyResultsMin: number; keyResultsMax: number };
    checkInCadenceDays: number;
    fiscalYearStartMonth: number;
    coach: { disabledRules: RuleId[] };
    ssoRequired: boolean;
  };
}

const FIELDS = [
  'name',
  'vision',
  'mission',
  'strategy',
  'defaultLocale',
  'settings.focus.objectivesMin',
  'settings.focus.objectivesMax',
  'settings.focus.keyResultsMin',
  'settings.focus.keyResultsMax',
  'settings.checkInCadenceDays',
  'settings.fiscalYearStartMonth',
  'settings.ssoRequired',
] as const;

/** The server fills in defaults for settings never set; these match them. */
const valuesOf = (org: Org): Values => ({
  name: org.name,
  vision: org.vision,
  mission: org.mission,
  strategy: org.strategy,
  defaultLocale: org.defaultLocale,
  settings: {
    focus: org.settings.focus ?? { objectivesMin: 3, objectivesMax: 4, keyResultsMin: 3, keyResultsMax: 4 },
    checkInCadenceDays: org.settings.checkInCadenceDays ?? 7,
    fiscalYearStartMonth: org.settings.fiscalYearStartMonth ?? 1,
    coach: { disabledRules: org.settings.coach?.disabledRules ?? [] },
    ssoRequired: org.settings.ssoRequired ?? false,
  },
});

/** Vision, mission and strategy, which every OKR is built from; and the organisation's settings. */
export function ProfileTab({ org }: { org: Org }) {
  const { t } = useTranslation(['admin', 'common']);
  const { locale } = useFormat();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(org.version);
  const [preview, setPreview] = useState(false);
  // After a conflict: where the newer version differs from what the person typed.
  const [theirs, setTheirs] = useState<TheirField[] | null>(null);
  // Requiring single sign-on is offered only where there is some: the installation's or the organisation's own.
  const providers = useAuthProviders(org.slug);
  const sso = providers.data?.[0];
  const count = (min: number, max: number) => (value: unknown) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? null
      : t('profile.between', { min, max });
  const form = useForm<Values>({
    initialValues: valuesOf(org),
    validate: {
      name: (value) => (value.trim() ? null : t('required')),
      settings: {
        focus: {
          objectivesMin: (value, values) =>
            count(0, 20)(value) ?? (value > values.settings.focus.objectivesMax ? t('profile.minAboveMax') : null),
          objectivesMax: count(1, 20),
          keyResultsMin: (value, values) =>
            count(0, 20)(value) ?? (value > values.settings.focus.keyResultsMax ? t('profile.minAboveMax') : null),
          keyResultsMax: count(1, 20),
        },
        checkInCadenceDays: count(1, 90),
      },
    },
  });
  useUnsavedChangesGuard(form.isDirty());
  const months = Array.from({ length: 12 }, (_, i) => ({
    value: String(i + 1),
    label: new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, i, 1))),
  }));

  const theirFields = {
    name: { label: t('profile.name') },
    vision: { label: t('profile.vision') },
    mission: { label: t('profile.mission') },
    strategy: { label: t('profile.strategy') },
    defaultLocale: { label: t('profile.language'), show: (l: Locale) => t(`common:language.${l}`) },
    settings: {
      label: t('profile.settings'),
      show: ({ focus, checkInCadenceDays, fiscalYearStartMonth }: Values['settings']) =>
        [
          `${t('profile.objectivesMin')}: ${focus.objectivesMin}`,
          `${t('profile.objectivesMax')}: ${focus.objectivesMax}`,
          `${t('profile.keyResultsMin')}: ${focus.keyResultsMin}`,
          `${t('profile.keyResultsMax')}: ${focus.keyResultsMax}`,
          `${t('profile.cadence')}: ${checkInCadenceDays}`,
          `${t('profile.fiscalYear')}: ${months[fiscalYearStartMonth - 1]?.label ?? ''}`,
        ].join('\n'),
    },
  };

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const saved = await api.patch<Org>(`/orgs/${org.id}`, version, { ...values, name: values.name.trim() });
      client.setQueryData(['org', org.id], saved);
      setVersion(saved.version);
      form.setInitialValues(valuesOf(saved));
      form.setValues(valuesOf(saved));
      setTheirs(null);
      notifyDone(t('profile.saved'));
      void invalidateCoach(client);
    } catch (e) {
      const fresh = isConflict(e) ? await api.get<Org>(`/orgs/${org.id}`).catch(() => undefined) : undefined;
      if (fresh) {
        client.setQueryData(['org', org.id], fresh);
        setVersion(fresh.version);
        setError(null);
        setTheirs(rebaseOnTheirs(form, valuesOf(fresh), theirFields));
        return;
      }
      setError(saveProblem(form, e, FIELDS));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={820}>
        <Stack gap={4}>
          <Title order={2}>{t('profile.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('profile.intro')}
          </Text>
        </Stack>
        {theirs && <ConflictNotice theirs={theirs} />}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput label={t('profile.name')} required {...form.getInputProps('name')} />
        <Textarea
          label={t('profile.vision')}
          description={t('profile.visionHelp')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('vision')}
        />
        <Textarea
          label={t('profile.mission')}
          description={t('profile.missionHelp')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('mission')}
        />
        <Textarea
          label={t('profile.strategy')}
          description={t('profile.strategyHelp')}
          autosize
          minRows={6}
          maxRows={20}
          styles={{
            input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' },
          }}
          {...form.getInputProps('strategy')}
        />
        <Group>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => setPreview((p) => !p)}
            aria-expanded={preview}
            aria-controls="strategy-preview"
          >
            {preview ? t('profile.hidePreview') : t('profile.preview')}
          </Button>
        </Group>
        {preview && (
          <Card withBorder id="strategy-preview" aria-label={t('profile.previewLabel')} component="section">
            <LazyMarkdown>{form.values.strategy}</LazyMarkdown>
          </Card>
        )}
        <Title order={3} mt="md">
          {t('profile.settings')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('profile.language')}
            description={t('profile.languageHelp')}
            data={LOCALES.map((l) => ({ value: l, label: t(`common:language.${l}`) }))}
            allowDeselect={false}
            {...form.getInputProps('defaultLocale')}
          />
          <Select
            label={t('profile.fiscalYear')}
            description={t('profile.fiscalYearHelp')}
            data={months}
            allowDeselect={false}
            value={String(form.values.settings.fiscalYearStartMonth)}
            onChange={(value) => value && form.setFieldValue('settings.fiscalYearStartMonth', Number(value))}
            error={form.errors['settings.fiscalYearStartMonth']}
          />
          <NumberInput
            label={t('profile.cadence')}
            description={t('profile.cadenceHelp')}
            min={1}
            max={90}
            allowDecimal={false}
            {...form.getInputProps('settings.checkInCadenceDays')}
          />
        </SimpleGrid>
        <Fieldset legend={t('profile.focus')}>
          <Text size="sm" c="dimmed" mb="sm">
            {t('profile.focusHelp')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NumberInput
              label={t('profile.objectivesMin')}
              min={0}
              max={20}
              allowDecimal={false}
              {...form.getInputProps('settings.focus.objectivesMin')}
            />
            <NumberInput
              label={t('profile.objectivesMax')}
              min={1}
              max={20}
              allowDecimal={false}
              {...form.getInputProps('settings.focus.objectivesMax')}
            />
            <NumberInput
              label={t('profile.keyResultsMin')}
              min={0}
              max={20}
              allowDecimal={false}
              {...form.getInputProps('settings.focus.keyResultsMin')}
            />
            <NumberInput
              label={t('profile.keyResultsMax')}
              min={1}
              max={20}
              allowDecimal={false}
              {...form.getInputProps('settings.focus.keyResultsMax')}
            />
          </SimpleGrid>
        </Fieldset>
        {sso && (
          <Switch
            label={t('profile.ssoRequired', { name: sso.name })}
            description={t('profile.ssoRequiredHelp')}
            {...form.getInputProps('settings.ssoRequired', { type: 'checkbox' })}
          />
        )}
        <Suspense fallback={null}>
          <RuleSwitches
            orgId={org.id}
            disabled={form.values.settings.coach.disabledRules}
            onChange={(next) => form.setFieldValue('settings.coach.disabledRules', next)}
          />
        </Suspense>
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('profile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
