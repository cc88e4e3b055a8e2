import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArchive } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, type UnitKind } from '../../../core/domain.ts';
import { api } from '../../api/client.ts';
import { useUnit } from '../../api/queries.ts';
import type { Org, Unit, UnitDetail } from '../../api/types.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { isConflict, problemText } from '../../components/serverErrors.ts';
import { ConflictNotice, rebaseOnTheirs, type TheirField } from '../../components/ConflictNotice.tsx';
import { useDialogFormGuard, useGuardedDialog } from '../../app/unsaved-changes.ts';
import { notifyDone, saveProblem } from './shared.tsx';
import { archiveUndoably } from '../../components/undo.tsx';

interface Values {
  name: string;
  kind: UnitKind;
  parentId: string | null;
  vision: string;
  mission: string;
  /** Empty: follow the unit above (or the organisation). */
  checkInCadenceDays: number | string;
}

const FIELDS = ['name', 'kind', 'parentId', 'vision', 'mission', 'checkInCadenceDays'] as const;

const valuesOf = (unit: UnitDetail): Values => ({
  name: unit.name,
  kind: unit.kind,
  parentId: unit.parentId,
  vision: unit.vision,
  mission: unit.mission,
  checkInCadenceDays: unit.checkInCadenceDays ?? '',
});

/** Units a unit may be moved beneath: not itself, nor anything beneath it. */
function parentOptions(units: Unit[], self: string | null) {
  const excluded = new Set<string>();
  if (self) {
    excluded.add(self);
    let grew = true;
    while (grew) {
      grew = false;
      for (const unit of units)
        if (unit.parentId && excluded.has(unit.parentId) && !excluded.has(unit.id)) {
          excluded.add(unit.id);
          grew = true;
        }
    }
  }
  return units
    .filter((unit) => !excluded.has(unit.id))
    .map((unit) => ({ value: unit.id, label: unit.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The cadence a unit beneath `parentId` follows: the nearest unit above with one, else the organisation's. */
function inheritedCadence(units: Unit[], parentId: string | null, orgDays: number): number {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  for (let unit = byId.get(parentId ?? ''), steps = 0; unit && steps <= units.length; steps++) {
    if (unit.checkInCadenceDays !== null) return unit.checkInCadenceDays;
    unit = byId.get(unit.parentId ?? '');
  }
  return orgDays;
}

/** Create a unit (name, kind, place in the tree), or edit one (also vision, mission, archive). */
export function UnitFormDialog({
  org,
  units,
  unitId,
  onClose,
}: {
  org: Org;
  units: Unit[];
  unitId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(['admin', 'common']);
  const title = unitId
    ? t('units.editTitle', { name: units.find((u) => u.id === unitId)?.name ?? '' })
    : t('units.createTitle');
  const dialog = useGuardedDialog(onClose);
  const shared = { org, units, onClose, onCancel: dialog.close, dirtyRef: dialog.dirtyRef };
  return (
    <Modal opened onClose={dialog.close} title={title} size="lg">
      {unitId ? <EditUnit unitId={unitId} {...shared} /> : <UnitForm {...shared} />}
    </Modal>
  );
}

interface FormProps {
  org: Org;
  units: Unit[];
  /** After a save or an archive. */
  onClose: () => void;
  /** Cancel: asks first when something is typed. */
  onCancel: () => void;
  dirtyRef: RefObject<boolean>;
}

function EditUnit({ unitId, ...props }: FormProps & { unitId: string }) {
  const unit = useUnit(unitId);
  return (
    <QueryState query={unit}>
      {(detail) => <UnitForm {...props} detail={detail} reload={() => unit.refetch()} />}
    </QueryState>
  );
}

function UnitForm({
  org,
  units,
  detail,
  reload,
  onClose,
  onCancel,
  dirtyRef,
}: FormProps & {
  detail?: UnitDetail;
  reload?: () => Promise<{ data?: UnitDetail }>;
}) {
  const { t } = useTranslation(['admin', 'common']);
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  // After a conflict: where the newer version (now `detail`) differs from what the person typed.
  const [theirs, setTheirs] = useState<TheirField[] | null>(null);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const form = useForm<Values>({
    initialValues: detail
      ? valuesOf(detail)
      : { name: '', kind: 'team', parentId: null, vision: '', mission: '', checkInCadenceDays: '' },
    validate: { name: (value) => (value.trim() ? null : t('required')) },
  });
  const guard = useDialogFormGuard(dirtyRef, form.isDirty());
  const editable = detail ? detail.abilities['unit.update'] === true : org.abilities['unit.create'] === true;

  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['units', org.id] }),
      client.invalidateQueries({ queryKey: ['unit'] }),
    ]);

  const theirFields = {
    name: { label: t('units.name') },
    kind: { label: t('units.kind'), show: (kind: UnitKind) => t(`units.kinds.${kind}`) },
    parentId: {
      label: t('units.parent'),
      show: (id: string | null) => units.find((unit) => unit.id === id)?.name ?? t('units.topLevel'),
    },
    vision: { label: t('units.vision') },
    mission: { label: t('units.mission') },
    checkInCadenceDays: { label: t('units.cadence') },
  };

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const cadence = values.checkInCadenceDays;
    const body = {
      ...values,
      name: values.name.trim(),
      checkInCadenceDays: typeof cadence === 'number' ? cadence : null,
    };
    try {
      if (detail) {
        await api.patch(`/units/${detail.id}`, detail.version, body);
        notifyDone(t('units.saved', { name: body.name }));
      } else {
        await api.post(`/orgs/${org.id}/units`, {
          name: body.name,
          kind: body.kind,
          parentId: body.parentId,
          checkInCadenceDays: body.checkInCadenceDays,
        });
        notifyDone(t('units.created', { name: body.name }));
      }
      guard.saved();
      await refresh();
      onClose();
    } catch (e) {
      const fresh = isConflict(e) && reload ? (await reload()).data : undefined;
      if (fresh) {
        setError(null);
        setTheirs(rebaseOnTheirs(form, valuesOf(fresh), theirFields));
        return;
      }
      setError(saveProblem(form, e, FIELDS));
    }
  });

  const archive = async () => {
    if (!detail) return;
    setArchiving(true);
    try {
      await archiveUndoably(`/units/${detail.id}`, t('units.archived', { name: detail.name }), refresh);
      await refresh();
      onClose();
    } catch (e) {
      setError(problemText(e));
      setConfirmArchive(false);
    } finally {
      setArchiving(false);
    }
  };

  if (confirmArchive && detail) {
    return (
      <Stack>
        <Text fw={600}>{t('units.archiveTitle', { name: detail.name })}</Text>
        <Text size="sm">{t('units.archiveBody', { name: detail.name })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirmArchive(false)}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red" loading={archiving} onClick={() => void archive()} data-autofocus>
            {t('units.archive')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {theirs && <ConflictNotice theirs={theirs} />}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label={t('units.name')}
          required
          data-autofocus
          disabled={!editable}
          {...form.getInputProps('name')}
        />
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t('units.kind')}
            data={UNIT_KINDS.map((kind) => ({ value: kind, label: t(`units.kinds.${kind}`) }))}
            allowDeselect={false}
            disabled={!editable}
            style={{ minWidth: 180 }}
            {...form.getInputProps('kind')}
          />
          <Select
            label={t('units.parent')}
            placeholder={t('units.topLevel')}
            data={parentOptions(units, detail?.id ?? null)}
            searchable
            clearable
            disabled={!editable}
            style={{ minWidth: 180 }}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('parentId')}
          />
        </Group>
        <NumberInput
          label={t('units.cadence')}
          description={t('units.cadenceHelp')}
          placeholder={t('units.cadencePlaceholder', {
            // The server's answer while the unit stays where it is; worked out here for a new place.
            count:
              detail && form.values.parentId === detail.parentId
                ? detail.inheritedCheckInCadenceDays
                : inheritedCadence(units, form.values.parentId, org.settings.checkInCadenceDays ?? 7),
          })}
          min={1}
          max={90}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          disabled={!editable}
          maw={320}
          {...form.getInputProps('checkInCadenceDays')}
        />
        {detail && (
          <>
            <Textarea
              label={t('units.vision')}
              description={t('units.visionHelp')}
              autosize
              minRows={2}
              maxRows={8}
              disabled={!editable}
              {...form.getInputProps('vision')}
            />
            <Textarea
              label={t('units.mission')}
              description={t('units.missionHelp')}
              autosize
              minRows={2}
              maxRows={8}
              disabled={!editable}
              {...form.getInputProps('mission')}
            />
          </>
        )}
        <Group justify="space-between">
          {detail?.abilities['unit.archive'] ? (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconArchive size={16} aria-hidden />}
              onClick={() => setConfirmArchive(true)}
            >
              {t('units.archive')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onCancel}>
              {t('common:actions.cancel')}
            </Button>
            {editable && (
              <Button type="submit" loading={form.submitting}>
                {detail ? t('common:actions.save') : t('common:actions.create')}
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
