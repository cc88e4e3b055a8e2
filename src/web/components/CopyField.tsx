import { Button, CopyButton, Group, TextInput, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** A value to hand on (a link, a secret): read-only, selected on focus, with a copy button that says when it copied. */
export function CopyField({
  label,
  value,
  copy,
  copied,
  testId,
  monospace = false,
}: {
  label: string;
  value: string;
  /** The button's words, before and after copying. */
  copy: string;
  copied: string;
  testId: string;
  monospace?: boolean;
}) {
  return (
    <CopyButton value={value}>
      {(button) => (
        <Group align="flex-end" gap="xs">
          <TextInput
            label={label}
            value={value}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            style={{ flex: '1 1 240px' }}
            styles={monospace ? { input: { fontFamily: 'var(--mantine-font-family-monospace)' } } : undefined}
            data-testid={testId}
          />
          <Button
            onClick={button.copy}
            color={button.copied ? 'teal' : undefined}
            leftSection={button.copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
          >
            {button.copied ? copied : copy}
          </Button>
          <VisuallyHidden aria-live="polite">{button.copied ? copied : ''}</VisuallyHidden>
        </Group>
      )}
    </CopyButton>
  );
}
