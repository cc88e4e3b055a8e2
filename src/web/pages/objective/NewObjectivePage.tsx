// A new objective for the organisation, a unit or a person, with its first key results.
// Query parameters preselect the owner, cycle and kind: ?level=unit&unitId=…&cycle=…&kind=….
import { Alert, Button, Center, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { OBJECTIVE_KINDS, type ObjectiveKind } from '../../../core/domain.ts';
import { api } from '../../api/client.ts';
import { invalidateOkrs, useMe, useOrg } from '../../api/queries.ts';
import type { CreateObjectiveInput, Me, Objective } from '../../api/types.ts';
import { useSelectedCycle } from '../../app/cycle.ts';
import { keyResultBody, emptyKeyResult } from './KeyResultFields.tsx';
import { ObjectiveForm, type ObjectiveFormValues } from './ObjectiveForm.tsx';
import { notify } from './notify.ts';
import { openingLevel, ownerChoices, type OwnerChoices } from './owner-choices.ts';
import { Spinner } from '../../components/Spinner.tsx';

export default function NewObjectivePage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation(['objective', 'common']);
  const me = useMe();
  const org = useOrg(orgId);
  const { cycle, isLoading } = useSelectedCycle(orgId);
  // Only the owners the person may write objectives for are on offer.
  const choices = org.data ? ownerChoices(org.data) : null;
  const [params] = useSearchParams();
  return (
    <Stack gap="md" maw={1280}>
      <Title order={1}>{t(params.get('kind') === 'development' ? 'form.newDevelopmentTitle' : 'form.newTitle')}</Title>
      <Text c="dimmed">{t('form.intro')}</Text>
      {choices?.levels.length === 0 ? (
        <Alert color="blue">{t('form.mayNotCreate')}</Alert>
      ) : me.data && choices && !isLoading ? (
        <NewObjectiveForm orgId={orgId} me={me.data} cycleId={cycle?.id ?? null} choices={choices} />
      ) : (
        <Center py="xl">
          <Spinner label={t('common:loading')} />
        </Center>
      )}
    </Stack>
  );
}

function NewObjectiveForm({
  orgId,
  me,
  cycleId,
  choices,
}: {
  orgId: string;
  me: Me;
  cycleId: string | null;
  choices: OwnerChoices;
}) {
  const { t } = useTranslation(['objective', 'common']);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const owner = { id: me.id, name: me.name };
  const [initial] = useState<ObjectiveFormValues>(() => {
    const asked = params.get('level');
    const askedUnit = params.get('unitId');
    const unitId = askedUnit && (choices.unitIds?.has(askedUnit) ?? true) ? askedUnit : null;
    const askedPerson = params.get('personId');
    const personId = choices.anyone ? askedPerson : null;
    const kind = params.get('kind');
    return {
      // There is one: the page shows no form to whom none is on offer.
      level: openingLevel(choices, asked, unitId) ?? 'person',
      unitId,
      personId: personId ?? me.id,
      personName: !personId || personId === me.id ? me.name : null,
      cycleId,
      title: '',
      description: '',
      kind: OBJECTIVE_KINDS.includes(kind as ObjectiveKind) ? (kind as ObjectiveKind) : 'committed',
      // A personal development goal is the person's own: shared only when they choose to.
      visibility: kind === 'development' ? 'private' : 'public',
      draft: false,
      supports: [],
      supportsKeyResultIds: [],
      themeIds: [],
      keyResults: [emptyKeyResult(owner)],
    };
  });
  const search = params.get('cycle') ? `?cycle=${params.get('cycle')}` : '';
  const base = `/orgs/${orgId}`;
  const back =
    initial.level === 'unit' && initial.unitId
      ? `${base}/units/${initial.unitId}`
      : initial.level === 'person'
        ? `${base}/me`
        : base;

  const create = async (values: ObjectiveFormValues) => {
    const body: CreateObjectiveInput = {
      cycleId: values.cycleId ?? '',
      level: values.level,
      ...(values.level === 'unit' && values.unitId ? { unitId: values.unitId } : {}),
      ...(values.level === 'person' && values.personId ? { personId: values.personId } : {}),
      title: values.title.trim(),
      description: values.description,
      kind: values.kind,
      visibility: values.level === 'person' ? values.visibility : 'public',
      lifecycle: values.draft ? 'draft' : 'published',
      supports: values.supports,
      supportsKeyResultIds: values.supportsKeyResultIds,
      themeIds: values.themeIds,
      keyResults: values.keyResults.map(keyResultBody),
    };
    const created = await api.post<Objective>(`${base}/objectives`, body);
    client.setQueryData(['objective', created.id], created);
    notify(t('form.created'));
    void invalidateOkrs(client);
    await navigate(`${base}/objectives/${created.id}${search || `?cycle=${created.cycleId}`}`);
  };

  return (
    <ObjectiveForm
      orgId={orgId}
      initial={initial}
      me={owner}
      choices={choices}
      submitLabel={t('form.create')}
      cancel={
        <Button component={Link} to={`${back}${search}`} variant="default">
          {t('common:actions.cancel')}
        </Button>
      }
      onSubmit={create}
    />
  );
}
