// Adding a key result to an objective, or changing one, from the objective page.
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { invalidateOkrs, useObjective } from '../../api/queries.ts';
import { CoachPanel } from '../coach/CoachPanel.tsx';
import type { KeyResult, UpdateKeyResultInput } from '../../api/types.ts';
import {
  KeyResultFields,
  changedFields,
  draftOf,
  emptyKeyResult,
  keyResultBody,
  validateKeyResult,
  type KeyResultDraft,
  type KeyResultErrors,
} from './KeyResultFields.tsx';
import { formProblem } from './server-errors.ts';
import { useDialogFormGuard, useGuardedDialog } from '../../app/unsaved-changes.ts';
import { ConflictNotice, differingFields, type TheirField } from '../../components/ConflictNotice.tsx';
import { notify } from './notify.ts';

export interface KeyResultDialogProps {
  orgId: string;
  objectiveId: string;
  /** The key result to change; without one, a new key result is added. */
  keyResult?: KeyResult;
  defaultOwner?: { id: string; name: string };
  opened: boolean;
  onClose: () => void;
}

export function KeyResultDialog(props: KeyResultDialogProps) {
  const { t } = useTranslation('objective');
  const guard = useGuardedDialog(props.onClose);
  return (
    <Modal
      opened={props.opened}
      onClose={guard.close}
      title={props.keyResult ? t('keyResult.editTitle') : t('keyResult.newTitle')}
      size="xl"
    >
      {props.opened && <KeyResultForm {...props} dirtyRef={guard.dirtyRef} />}
    </Modal>
  );
}

const FIELDS = new Set(['title', 'metric', 'start', 'target', 'unit', 'ownerId', 'weight']);

function KeyResultForm({
  orgId,
  objectiveId,
  keyResult,
  defaultOwner,
  onClose,
  dirtyRef,
}: KeyResultDialogProps & { dirtyRef: RefObject<boolean> }) {
  const { t } = useTranslation(['objective', 'common']);
  const client = useQueryClient();
  const [base, setBase] = useState(keyResult);
  const [draft, setDraft] = useState<KeyResultDraft>(() =>
    keyResult ? draftOf(keyResult) : emptyKeyResult(defaultOwner),
  );
  const [opening] = useState(draft);
  const guard = useDialogFormGuard(dirtyRef, JSON.stringify(draft) !== JSON.stringify(opening));
  const [errors, setErrors] = useState<KeyResultErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  // After a conflict: where the newer version differs from what the person typed.
  const [theirs, setTheirs] = useState<TheirField[] | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // The coach reads the key result as part of its objective (already loaded by the page).
  const objective = useObjective(objectiveId).data;
  const others = objective?.keyResults ?? [];
  const index = base ? others.findIndex((kr) => kr.id === base.id) : others.length;
  const coachDraft = objective && {
    level: objective.level,
    unitId: objective.unitId,
    personId: objective.personId,
    cycleId: objective.cycleId,
    title: objective.title,
    kind: objective.kind,
    supports: objective.supports,
    supportsKeyResultIds: objective.supportsKeyResultIds,
    themeIds: objective.themeIds,
    keyResults: index < 0 ? [...others, draft] : [...others.slice(0, index), draft, ...others.slice(index + 1)],
    objectiveId: objective.id,
  };
  const mine = `draft/keyResults/${index < 0 ? others.length : index}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = validateKeyResult(draft, {
      required: t('form.required'),
      targetRequired: t('form.targetRequired'),
    });
    setErrors(invalid);
    setGeneral(null);
    if (Object.keys(invalid).length > 0) return;
    const body = keyResultBody(draft);
    setSubmitting(true);
    try {
      if (base) {
        const before = keyResultBody(draftOf(base));
        const changes = Object.fromEntries(
          Object.entries(body).filter(([key, value]) => before[key as keyof typeof before] !== value),
        ) as UpdateKeyResultInput;
        if (Object.keys(changes).length > 0) await api.patch(`/key-results/${base.id}`, base.version, changes);
        notify(t('common:saved'));
      } else {
        await api.post(`/objectives/${objectiveId}/key-results`, body);
        notify(t('keyResult.added'));
      }
      guard.saved();
      onClose();
      void invalidateOkrs(client);
    } catch (error) {
      const problem = formProblem(error, (path) => FIELDS.has(path), t('common:error.title'));
      if (problem.conflict && base) {
        // The newer version becomes the base; what the person typed stays, with where the
        // newer version differs shown beside it, so the next save is theirs to merge.
        const fresh = (await api.get<KeyResult>(`/key-results/${base.id}`).catch(() => undefined)) ?? base;
        setBase(fresh);
        setTheirs(
          differingFields(draft, draftOf(fresh), {
            title: { label: t('krFields.title') },
            metric: {
              label: t('krFields.metric'),
              show: (metric: KeyResult['metric']) => t(`metrics.${metric}`),
            },
            start: { label: t('krFields.start') },
            target: { label: t('krFields.target') },
            unit: { label: t('krFields.unit') },
            ownerName: { label: t('krFields.owner'), show: (name: string | null) => name ?? t('common:noOwner') },
            weight: { label: t('krFields.weight') },
          }),
        );
        void invalidateOkrs(client);
      } else {
        setErrors(problem.fields);
        setGeneral(problem.general);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        {general ? (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        ) : (
          theirs && <ConflictNotice theirs={theirs} />
        )}
        <KeyResultFields
          orgId={orgId}
          value={draft}
          errors={errors}
          onChange={(next) => {
            const changed = changedFields(draft, next);
            setErrors((current) =>
              Object.fromEntries(
                Object.entries(current).filter(([key]) => !changed.includes(key as keyof KeyResultDraft)),
              ),
            );
            setDraft(next);
          }}
          autoFocus
        />
        {coachDraft && (
          <Suspense fallback={null}>
            <CoachPanel
              orgId={orgId}
              draft={coachDraft}
              only={(advice) => !!draft.title.trim() && advice.target.id === mine}
            />
          </Suspense>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {base ? t('common:actions.save') : t('page.addKeyResult')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
