// Administration → Strategy themes: the strategy's few named directions, in the order
// leadership lists them; added, renamed, moved and removed. Each change names the version it
// was based on; the organisation (which carries the themes) and the OKRs are read again after.
import { ActionIcon, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Org, Theme } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { notifyDone, notifyError, TabHeading } from '../admin/shared.tsx';
import { ThemeDialog } from './ThemeDialog.tsx';
import { refreshThemes } from './refresh-themes.ts';

export function ThemesTab({ org }: { org: Org }) {
  const { t } = useTranslation('themes');
  const client = useQueryClient();
  const [editing, setEditing] = useState<Theme | 'new' | null>(null);
  const [removing, setRemoving] = useState<Theme | null>(null);
  const [moving, setMoving] = useState(false);

  const move = async (theme: Theme, position: number) => {
    setMoving(true);
    try {
      await api.patch(`/themes/${theme.id}`, theme.version, { position });
      notifyDone(t('moved'));
    } catch (e) {
      notifyError(e);
    } finally {
      await refreshThemes(client, org.id);
      setMoving(false);
    }
  };
  const remove = async () => {
    if (!removing) return;
    await api.delete(`/themes/${removing.id}`, removing.version);
    notifyDone(t('removed'));
    await refreshThemes(client, org.id);
  };

  return (
    <Stack gap="md">
      <TabHeading title={t('title')} intro={t('intro')} />
      <Group>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {t('add')}
        </Button>
      </Group>
      {org.themes.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('title')}>
          {org.themes.map((theme, index) => (
            <Card key={theme.id} withBorder padding="sm" component="li" data-testid="theme">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2}>
                  <Text fw={600}>{theme.name}</Text>
                  {theme.description && (
                    <Text size="sm" c="dimmed">
                      {theme.description}
                    </Text>
                  )}
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('moveUp', { name: theme.name })}
                    disabled={index === 0 || moving}
                    onClick={() => void move(theme, index - 1)}
                  >
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('moveDown', { name: theme.name })}
                    disabled={index === org.themes.length - 1 || moving}
                    onClick={() => void move(theme, index + 1)}
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    aria-label={t('editNamed', { name: theme.name })}
                    onClick={() => setEditing(theme)}
                  >
                    {t('edit')}
                  </Button>
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    aria-label={t('removeNamed', { name: theme.name })}
                    onClick={() => setRemoving(theme)}
                  >
                    {t('remove')}
                  </Button>
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {editing && (
        <ThemeDialog orgId={org.id} theme={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('removeTitle')}
        confirmLabel={t('remove')}
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      >
        {t('removeText', { name: removing?.name ?? '' })}
      </ConfirmDialog>
    </Stack>
  );
}
