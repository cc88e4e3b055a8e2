// Quick check-in on any key result: a new value, a confidence 0–10 and an optional note,
// done in a few seconds with the keyboard alone (type the value, Tab, arrow keys, Enter).
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Input,
  Modal,
  NumberInput,
  Slider,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notify } from './notify.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client.ts';
import { invalidateOkrs } from '../api/queries.ts';
import type { CheckIn, CheckInInput, KeyResult } from '../api/types.ts';
import { useFormat } from '../format.ts';
import { useDialogFormGuard, useGuardedDialog } from '../app/unsaved-changes.ts';

export type CheckInTarget = Pick<
  KeyResult,
  'id' | 'title' | 'metric' | 'start' | 'current' | 'target' | 'unit' | 'confidence'
>;

export interface CheckInDialogProps {
  keyResult: CheckInTarget;
  opened: boolean;
  onClose: () => void;
  /** One's own check-in to correct, instead of a new one (PATCH /check-ins/{id}). */
  correcting?: CheckIn;
}

export function CheckInDialog({ keyResult, opened, onClose, correcting }: CheckInDialogProps) {
  const { t } = useTranslation('objective');
  const guard = useGuardedDialog(onClose);
  return (
    <Modal
      opened={opened}
      onClose={guard.close}
      title={t(correcting ? 'checkIn.correctTitle' : 'checkIn.title')}
      size="md"
    >
      {/* Mounted per opening, so every check-in starts from the key result as it is now. */}
      {opened && (
        <CheckInForm keyResult={keyResult} correcting={correcting} onDone={onClose} dirtyRef={guard.dirtyRef} />
      )}
    </Modal>
  );
}

function CheckInForm({
  keyResult,
  correcting,
  onDone,
  dirtyRef,
}: {
  keyResult: CheckInTarget;
  correcting: CheckIn | undefined;
  onDone: () => void;
  /** Kept true while what is typed differs from what the form opened with. */
  dirtyRef: RefObject<boolean>;
}) {
  const { t } = useTranslation(['objective', 'common']);
  const format = useFormat();
  const client = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const hintId = useId();
  const milestone = keyResult.metric === 'milestone';
  const startValue = correcting?.value ?? keyResult.current;
  const [value, setValue] = useState<number | string>(startValue);
  const [done, setDone] = useState(startValue >= keyResult.target);
  const [confidence, setConfidence] = useState(correcting?.confidence ?? keyResult.confidence ?? 5);
  const [note, setNote] = useState(correcting?.note ?? '');
  const [blocker, setBlocker] = useState(correcting?.blocker ?? false);
  const [opening] = useState(() => ({ value: startValue, confidence, note, blocker }));
  const guard = useDialogFormGuard(
    dirtyRef,
    value !== opening.value ||
      confidence !== opening.confidence ||
      note !== opening.note ||
      blocker !== opening.blocker,
  );
  const [errors, setErrors] = useState<Partial<Record<'value' | 'confidence' | 'note', string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submitOnEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const figure = milestone
      ? done
        ? keyResult.target
        : keyResult.start
      : typeof value === 'number'
        ? value
        : Number.NaN;
    if (!Number.isFinite(figure)) {
      setErrors({ value: t('form.required') });
      return;
    }
    setErrors({});
    setGeneral(null);
    setSubmitting(true);
    const body: CheckInInput = {
      value: figure,
      confidence,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(blocker || correcting ? { blocker } : {}),
    };
    try {
      // A correction sends its note even when emptied, so that a note can be taken away.
      if (correcting)
        await api.patch(`/check-ins/${correcting.id}`, correcting.version, { ...body, note: note.trim() });
      else await api.post(`/key-results/${keyResult.id}/check-ins`, body);
      guard.saved();
      notify({
        color: 'teal',
        message: t(correcting ? 'checkIn.corrected' : 'checkIn.saved', { title: keyResult.title }),
        closeButtonProps: { 'aria-label': t('common:actions.close') },
      });
      onDone();
      void invalidateOkrs(client);
    } catch (error) {
      setSubmitting(false);
      if (error instanceof ApiError) {
        const fields = {
          value: error.fieldMessage('value'),
          confidence: error.fieldMessage('confidence'),
          note: error.fieldMessage('note'),
        };
        setErrors(fields);
        if (!fields.value && !fields.confidence && !fields.note)
          setGeneral(error.status === 403 ? t('common:error.forbidden') : error.problem.title);
      } else {
        setGeneral(t('common:error.title'));
      }
    }
  };

  const unitSuffix = keyResult.unit ? ` ${keyResult.unit}` : '';
  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Text fw={600}>{t('checkIn.forKeyResult', { title: keyResult.title })}</Text>
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        {milestone ? (
          <Checkbox
            data-autofocus
            label={t('checkIn.milestone')}
            description={t('checkIn.milestoneHint')}
            checked={done}
            onChange={(event) => setDone(event.currentTarget.checked)}
            onKeyDown={submitOnEnter}
            error={errors.value}
          />
        ) : (
          <NumberInput
            data-autofocus
            label={keyResult.unit ? t('checkIn.valueWithUnit', { unit: keyResult.unit }) : t('checkIn.value')}
            description={t('checkIn.valueHint', {
              current: format.number(keyResult.current) + unitSuffix,
              target: format.number(keyResult.target) + unitSuffix,
            })}
            value={value}
            onChange={setValue}
            // In the focus event itself, not in NumberInput's deferred onFocus (see WeekRow.tsx).
            onFocusCapture={(event) => event.currentTarget.select()}
            decimalSeparator={format.locale === 'sv-SE' ? ',' : '.'}
            hideControls
            required
            error={errors.value}
          />
        )}
        <Input.Wrapper
          labelElement="div"
          label={
            <Group gap="xs" component="span">
              <span>{t('checkIn.confidence')}</span>
              <Badge variant="light" component="span" aria-hidden>
                {confidence}/10
              </Badge>
            </Group>
          }
          description={t('checkIn.confidenceHint')}
          error={errors.confidence}
          id={hintId}
        >
          <Slider
            mt="xs"
            mb="lg"
            min={0}
            max={10}
            step={1}
            value={confidence}
            onChange={setConfidence}
            marks={[0, 5, 10].map((mark) => ({ value: mark, label: String(mark) }))}
            thumbLabel={t('checkIn.confidence')}
            thumbValueText={(v) => t('common:confidenceValue', { value: v })}
            thumbProps={{ onKeyDown: submitOnEnter, 'aria-describedby': `${hintId}-description` }}
          />
        </Input.Wrapper>
        <Textarea
          label={t('checkIn.note')}
          placeholder={t('checkIn.notePlaceholder')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submitOnEnter(event);
          }}
          autosize
          minRows={2}
          maxRows={6}
          error={errors.note}
        />
        <Checkbox
          label={t('checkIn.blocker')}
          description={t('checkIn.blockerHint')}
          checked={blocker}
          onChange={(event) => setBlocker(event.currentTarget.checked)}
        />
        <Group justify="space-between" wrap="wrap-reverse">
          <Text size="xs" c="dimmed">
            {t('checkIn.enterHint')}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onDone}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={submitting}>
              {t(correcting ? 'checkIn.correctSubmit' : 'checkIn.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
