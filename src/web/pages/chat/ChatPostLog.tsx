// A channel's posts, newest first: when, which message, how it went (attempts, the next try
// while it waits) and the chat's answer. Asked again every few seconds while a post is on its way.
import { Badge, Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { query } from '../../api/client.ts';
import { usePaged } from '../../api/paged.ts';
import type { ChatChannel, ChatPostPage } from '../../api/types.ts';
import { refetchWhileWaiting, STATUS_COLOR } from '../webhooks/DeliveryLog.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useFormat } from '../../format.ts';

export function ChatPostLog({ id, channel }: { id: string; channel: ChatChannel }) {
  const { t } = useTranslation('chat');
  const format = useFormat();
  const posts = usePaged<ChatPostPage>(
    ['chat-posts', channel.id],
    (cursor) => `/chat-channels/${channel.id}/posts${query({ limit: 20, cursor })}`,
    { refetchAfter: refetchWhileWaiting },
  );
  return (
    <Stack gap="xs" id={id} component="section" aria-label={t('log.label', { url: channel.maskedUrl })}>
      <PagedTable
        pages={posts}
        testId="chat-posts"
        scrollLabel={t('log.table')}
        columns={[t('log.column.time'), t('log.column.message'), t('log.column.status'), t('log.column.answer')]}
        empty={t('log.empty')}
        showMore={t('log.showMore')}
        row={(post) => (
          <Table.Tr key={post.id} data-testid="chat-post">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <time dateTime={post.lastAttemptAt ?? post.createdAt}>
                {format.dateTime(post.lastAttemptAt ?? post.createdAt)}
              </time>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t(`messages.${post.messageKind}` as 'messages.test', post.messageKind)}</Text>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={STATUS_COLOR[post.status]} tt="none">
                {t(`log.status.${post.status}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('log.attempts', { count: post.attempts })}
                {post.status === 'pending' &&
                  post.nextAttemptAt &&
                  ` · ${t('log.nextAttempt', { time: format.dateTime(post.nextAttemptAt) })}`}
              </Text>
            </Table.Td>
            <Table.Td>
              {post.attempts > 0 && (
                <Stack gap={2}>
                  <Text size="sm" data-testid="chat-response-status">
                    {post.responseStatus === null ? t('log.noAnswer') : `HTTP ${post.responseStatus}`}
                  </Text>
                  {post.detail && (
                    // The chat's own words, as they came: not ours to translate.
                    <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 120 }}>
                      {post.detail}
                    </Code>
                  )}
                </Stack>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
