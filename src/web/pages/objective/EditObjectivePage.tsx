// Changing an objective: text, kind, visibility, cycle, what it supports, draft or not.
// The version read is sent as If-Match; if someone else saved meanwhile, the latest version
// is loaded as the new base, the person's typed values stay in the form, and the newer
// version's differing fields are shown beside them to merge.
import { Alert, Button, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { invalidateOkrs, useObjective } from '../../api/queries.ts';
import type { Objective, UpdateObjectiveInput } from '../../api/types.ts';
import { ConflictNotice, differingFields, type TheirField } from '../../components/ConflictNotice.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ObjectiveForm, type ObjectiveFormValues } from './ObjectiveForm.tsx';
import { notify } from './notify.ts';

export default function EditObjectivePage() {
  const { objectiveId = '' } = useParams();
  const { t } = useTranslation('objective');
  const objective = useObjective(objectiveId);
  return (
    <Stack gap="md" maw={1280}>
      <Title order={1}>{t('form.editTitle')}</Title>
      <QueryState query={objective}>{(data) => <EditObjective objective={data} />}</QueryState>
    </Stack>
  );
}

const valuesOf = (o: Objective): ObjectiveFormValues => ({
  level: o.level,
  unitId: o.unitId,
  personId: o.personId,
  personName: o.level === 'person' ? o.ownerName : null,
  cycleId: o.cycleId,
  title: o.title,
  description: o.description,
  kind: o.kind,
  visibility: o.visibility,
  draft: o.lifecycle === 'draft',
  // An objective supported only through one of its key results is shown as that key result.
  supports: o.supports.filter((id) => !o.supportedKeyResults.some((kr) => kr.objectiveId === id)),
  supportsKeyResultIds: o.supportsKeyResultIds,
  themeIds: o.themeIds,
  keyResults: [],
});

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

function EditObjective({ objective }: { objective: Objective }) {
  const { t } = useTranslation(['objective', 'common']);
  const { orgId = '' } = useParams();
  const { search } = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [base, setBase] = useState(objective);
  // After a conflict: what the person had typed, and where the newer version differs.
  const [kept, setKept] = useState<{ typed: ObjectiveFormValues; theirs: TheirField[] } | null>(null);
  const page = `/orgs/${orgId}/objectives/${base.id}${search}`;

  if (!base.abilities['objective.update']) {
    return (
      <Alert color="red" role="alert">
        {t('common:error.forbidden')}
      </Alert>
    );
  }

  const save = async (values: ObjectiveFormValues) => {
    const changes: UpdateObjectiveInput = {};
    if (values.title.trim() !== base.title) changes.title = values.title.trim();
    if (values.description !== base.description) changes.description = values.description;
    if (values.kind !== base.kind) changes.kind = values.kind;
    if (base.level === 'person' && values.visibility !== base.visibility) changes.visibility = values.visibility;
    if (values.cycleId && values.cycleId !== base.cycleId) changes.cycleId = values.cycleId;
    const lifecycle = values.draft ? 'draft' : base.lifecycle === 'draft' ? 'published' : base.lifecycle;
    if (lifecycle !== base.lifecycle) changes.lifecycle = lifecycle;
    const before = valuesOf(base);
    // Both sets go together: the server supports the key results' objectives as well.
    if (
      !sameSet(values.supports, before.supports) ||
      !sameSet(values.supportsKeyResultIds, before.supportsKeyResultIds)
    ) {
      changes.supports = values.supports;
      changes.supportsKeyResultIds = values.supportsKeyResultIds;
    }
    if (!sameSet(values.themeIds, before.themeIds)) changes.themeIds = values.themeIds;
    if (Object.keys(changes).length === 0) {
      notify(t('form.nothingChanged'), 'blue');
    } else {
      const updated = await api.patch<Objective>(`/objectives/${base.id}`, base.version, changes);
      client.setQueryData(['objective', updated.id], updated);
      notify(t('form.saved'));
      void invalidateOkrs(client);
    }
    await navigate(page);
  };

  const reload = async (typed: ObjectiveFormValues) => {
    const fresh = (await api.get<Objective>(`/objectives/${base.id}`).catch(() => undefined)) ?? base;
    client.setQueryData(['objective', fresh.id], fresh);
    const theirs = differingFields(typed, valuesOf(fresh), {
      title: { label: t('form.title') },
      description: { label: t('form.description') },
      kind: { label: t('form.kind'), show: (kind: Objective['kind']) => t(`common:kind.${kind}`) },
      visibility: {
        label: t('form.visibility'),
        show: (visibility: Objective['visibility']) => t(`visibilities.${visibility}`),
      },
    });
    setKept({ typed, theirs });
    setBase(fresh);
  };

  return (
    <ObjectiveForm
      // A new version read means a fresh form: with what the person typed, if they had.
      key={base.version}
      orgId={orgId}
      initial={kept?.typed ?? valuesOf(base)}
      editing={{
        id: base.id,
        closed: base.lifecycle === 'closed',
        keyResults: base.keyResults,
        supportedKeyResults: base.supportedKeyResults,
        ownerLine: t('form.owner', { owner: base.ownerName, level: t(`common:level.${base.level}`) }),
      }}
      notice={kept && <ConflictNotice theirs={kept.theirs} />}
      submitLabel={t('form.save')}
      cancel={
        <Button component={Link} to={page} variant="default">
          {t('common:actions.cancel')}
        </Button>
      }
      onSubmit={save}
      onConflict={(typed) => void reload(typed)}
    />
  );
}
