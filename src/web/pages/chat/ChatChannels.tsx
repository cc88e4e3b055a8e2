// Slack and Teams channels: in Administration every channel of the organisation (adding one
// adds the organisation's), on a unit's page the unit's (for its leads and admins). Each
// shows its chat, its URL masked as the server answers it, what it is sent, a test, a change,
// removal and its log of posts.
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client.ts';
import type { ChatChannel, Org } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../format.ts';
import { notifyDone, TabHeading } from '../admin/shared.tsx';
import { BadgeList, LogToggleButton, useSendTest } from '../../components/OutboundControls.tsx';
import { ChatChannelDialog } from './ChatChannelDialog.tsx';
import { ChatPostLog } from './ChatPostLog.tsx';
import { chatChannelsKey } from './chat-key.ts';

/** Administration → Slack and Teams. */
export function ChatTab({ org }: { org: Org }) {
  const { t } = useTranslation('chat');
  return (
    <Stack gap="md">
      <TabHeading title={t('title')} intro={t('intro')} />
      <ChatChannels orgId={org.id} unitId={null} />
    </Stack>
  );
}

/** The unit page's section, for those who may keep the unit's channel. */
export default function UnitChatChannels({ orgId, unitId }: { orgId: string; unitId: string }) {
  const { t } = useTranslation('chat');
  const heading = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={heading}>
      <Title order={2} size="h3" id={heading}>
        {t('unitTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('unitIntro')}
      </Text>
      <ChatChannels orgId={orgId} unitId={unitId} />
    </Stack>
  );
}

function ChatChannels({ orgId, unitId }: { orgId: string; unitId: string | null }) {
  const { t } = useTranslation('chat');
  const channels = useQuery({
    queryKey: chatChannelsKey(orgId, unitId),
    queryFn: ({ signal }) =>
      api.get<ChatChannel[]>(`/orgs/${orgId}/chat-channels${query({ unitId: unitId ?? undefined })}`, signal),
  });
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="sm">
      <Button
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => setAdding(true)}
        style={{ alignSelf: 'start' }}
        variant={unitId ? 'default' : 'filled'}
      >
        {t('add')}
      </Button>
      <QueryState query={channels}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('empty')}</Text>
          ) : (
            <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('listLabel')}>
              {list.map((channel) => (
                <ChannelCard key={channel.id} orgId={orgId} unitId={unitId} channel={channel} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      {adding && <ChatChannelDialog orgId={orgId} unitId={unitId} onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function ChannelCard({ orgId, unitId, channel }: { orgId: string; unitId: string | null; channel: ChatChannel }) {
  const { t } = useTranslation('chat');
  const format = useFormat();
  const client = useQueryClient();
  const [showLog, setShowLog] = useState(false);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const logId = `chat-log-${channel.id}`;
  const { testing, sendTest } = useSendTest(
    `/chat-channels/${channel.id}/test`,
    t('testQueued'),
    ['chat-posts', channel.id],
    () => setShowLog(true),
  );

  return (
    <Card component="li" withBorder padding="md" data-testid="chat-channel">
      <Stack gap="xs">
        <Group gap="xs">
          <Badge variant="filled" tt="none">
            {t(`kinds.${channel.kind}`)}
          </Badge>
          <Text fw={600} size="sm">
            {channel.unitName ?? t('organisation')}
          </Text>
        </Group>
        <Text ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="chat-channel-url">
          {channel.maskedUrl}
        </Text>
        <BadgeList
          label={t('messages.legend')}
          items={channel.messages.map((kind) => ({ key: kind, label: t(`messages.${kind}`) }))}
        />
        <Text size="xs" c="dimmed">
          {t('createdAt', { time: format.dateTime(channel.createdAt) })}
        </Text>
        <Group gap="xs">
          <LogToggleButton
            shown={showLog}
            logId={logId}
            onToggle={() => setShowLog((shown) => !shown)}
            label={t(showLog ? 'actions.hidePosts' : 'actions.posts')}
          />
          <Button variant="default" size="compact-sm" loading={testing} onClick={() => void sendTest()}>
            {t('actions.test')}
          </Button>
          <Button variant="default" size="compact-sm" onClick={() => setEditing(true)}>
            {t('actions.edit')}
          </Button>
          <Button variant="subtle" color="red" size="compact-sm" onClick={() => setRemoving(true)}>
            {t('actions.remove')}
          </Button>
        </Group>
        {showLog && <ChatPostLog id={logId} channel={channel} />}
      </Stack>
      {editing && (
        <ChatChannelDialog orgId={orgId} unitId={unitId} channel={channel} onClose={() => setEditing(false)} />
      )}
      <ConfirmDialog
        opened={removing}
        title={t('removeConfirm.title')}
        confirmLabel={t('removeConfirm.confirm')}
        onClose={() => setRemoving(false)}
        onConfirm={async () => {
          await api.delete(`/chat-channels/${channel.id}`);
          notifyDone(t('removed'));
          await client.invalidateQueries({ queryKey: ['chat-channels', orgId] });
        }}
      >
        {t('removeConfirm.body', { url: channel.maskedUrl })}
      </ConfirmDialog>
    </Card>
  );
}
