import {
  ActionIcon,
  Avatar,
  Badge,
  Box,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDots, IconLink, IconSearch, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ORG_ROLES, type OrgRole } from '../../../core/domain.ts';
import { api, request } from '../../api/client.ts';
import { useMe, useMembers, useUnits } from '../../api/queries.ts';
import type { Member, Org } from '../../api/types.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { InvitationLink, type InvitationLinkData } from './InvitationLink.tsx';
import { InviteDialog } from './InviteDialog.tsx';
import { notifyDone, notifyError } from './shared.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';

/** The organisation's people: search, role, invitation links, removal. */
export function MembersTab({ org }: { org: Org }) {
  const { t } = useTranslation(['admin', 'common']);
  const client = useQueryClient();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  // The box keeps its own text so typing never waits for the URL (?q=); the list follows.
  const [text, setText] = useState(() => params.get('q') ?? '');
  const [q] = useDebouncedValue(text.trim(), 250);
  const members = useMembers(org.id, q);
  const units = useUnits(org.id);
  const unitNames = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const [inviting, setInviting] = useState(false);
  // The member stays set while the dialog closes, so its text does not change as it fades.
  const [removing, setRemoving] = useState<Member | null>(null);
  const [removeOpen, setRemoveOpen] = useState(false);
  const [link, setLink] = useState<{ name: string; link: InvitationLinkData } | null>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const grantOwner = org.abilities['member.grantOwner'] === true;

  const changeText = (value: string) => {
    setText(value);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value.trim()) next.set('q', value);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  };

  const refresh = () => client.invalidateQueries({ queryKey: ['members', org.id] });

  const changeRole = async (member: Member, role: OrgRole) => {
    try {
      // A membership carries no version: a role is set, not edited, so no If-Match.
      await request<Member>('PATCH', `/orgs/${org.id}/members/${member.accountId}`, { body: { role } });
      notifyDone(t('members.roleChanged', { name: member.name, role: t(`roles.${role}`).toLocaleLowerCase() }));
    } catch (e) {
      notifyError(e);
    }
    await refresh();
  };

  const newLink = async (member: Member) => {
    try {
      const issued = await api.post<InvitationLinkData>(`/orgs/${org.id}/members/${member.accountId}/invitation`);
      setLink({ name: member.name, link: issued });
      setLinkOpen(true);
    } catch (e) {
      notifyError(e);
    }
  };

  const remove = async (member: Member) => {
    await api.delete(`/orgs/${org.id}/members/${member.accountId}`);
    notifyDone(t('members.removed', { name: member.name }));
    await Promise.all([
      refresh(),
      client.invalidateQueries({ queryKey: ['units', org.id] }),
      client.invalidateQueries({ queryKey: ['unit'] }),
    ]);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('members.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('members.intro')}
          </Text>
        </Stack>
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setInviting(true)}>
          {t('members.invite')}
        </Button>
      </Group>
      <TextInput
        label={t('members.search')}
        placeholder={t('members.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(event) => changeText(event.currentTarget.value)}
        maw={420}
        type="search"
      />
      <QueryState query={members}>
        {(page) =>
          page.items.length === 0 ? (
            <Text c="dimmed">{t('members.none', { q })}</Text>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('members.title')}>
              {page.items.map((member) => {
                const isMe = member.accountId === me.data?.id;
                const lockedOwner = !grantOwner && member.role === 'owner';
                const memberUnits = member.units
                  .map((u) => unitNames.get(u.unitId))
                  .filter((name) => name !== undefined)
                  .join(', ');
                return (
                  <Paper key={member.accountId} component="li" withBorder p="sm" data-testid="member-row">
                    <Group justify="space-between" gap="sm">
                      <Group gap="sm" wrap="nowrap" style={{ flex: '1 1 240px', minWidth: 0 }}>
                        <Avatar name={member.name} color="initials" aria-hidden />
                        <div style={{ minWidth: 0 }}>
                          <Text fw={600} truncate>
                            {member.name}
                            {isMe && (
                              <Text span c="dimmed" fw={400}>
                                {' '}
                                ({t('members.you')})
                              </Text>
                            )}
                          </Text>
                          <Text size="sm" c="dimmed" truncate>
                            {member.email}
                          </Text>
                          {member.deactivatedAt && (
                            <Badge color="gray" variant="light" tt="none" data-testid="member-switched-off">
                              {t('members.switchedOff')}
                            </Badge>
                          )}
                          {memberUnits && (
                            <Text size="xs" c="dimmed" truncate>
                              {memberUnits}
                            </Text>
                          )}
                        </div>
                      </Group>
                      <Group gap="xs" wrap="nowrap">
                        <Select
                          aria-label={t('members.roleOf', { name: member.name })}
                          data={ORG_ROLES.map((role) => ({
                            value: role,
                            label: t(`roles.${role}`),
                            disabled: role === 'owner' && !grantOwner,
                          }))}
                          value={member.role}
                          onChange={(value) =>
                            value && value !== member.role && void changeRole(member, value as OrgRole)
                          }
                          allowDeselect={false}
                          disabled={lockedOwner}
                          w={150}
                        />
                        {isMe ? (
                          // Keeps the role column in line with the rows that have a menu.
                          <Box w={34} />
                        ) : (
                          <Menu position="bottom-end">
                            <Menu.Target>
                              <ActionIcon
                                variant="subtle"
                                color="gray"
                                size="lg"
                                aria-label={t('more', { name: member.name })}
                              >
                                <IconDots size={18} aria-hidden />
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Item
                                leftSection={<IconLink size={16} aria-hidden />}
                                onClick={() => void newLink(member)}
                                disabled={lockedOwner}
                              >
                                {t('members.newLink')}
                              </Menu.Item>
                              <Menu.Item
                                color="red"
                                leftSection={<IconUserMinus size={16} aria-hidden />}
                                onClick={() => {
                                  setRemoving(member);
                                  setRemoveOpen(true);
                                }}
                                disabled={lockedOwner}
                              >
                                {t('members.remove')}
                              </Menu.Item>
                            </Menu.Dropdown>
                          </Menu>
                        )}
                      </Group>
                    </Group>
                  </Paper>
                );
              })}
              {page.nextCursor && (
                <Text size="sm" c="dimmed" component="li">
                  {t('members.firstOnly', { count: page.items.length })}
                </Text>
              )}
            </Stack>
          )
        }
      </QueryState>
      <InviteDialog org={org} opened={inviting} onClose={() => setInviting(false)} />
      <Modal
        opened={linkOpen}
        onClose={() => setLinkOpen(false)}
        title={link ? t('link.title', { name: link.name }) : ''}
        size="lg"
      >
        {link && (
          <Stack>
            <InvitationLink name={link.name} link={link.link} />
            <Group justify="flex-end">
              <Button onClick={() => setLinkOpen(false)}>{t('invite.done')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <ConfirmDialog
        opened={removeOpen}
        title={t('members.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('members.removeConfirm')}
        onConfirm={() => (removing ? remove(removing) : Promise.resolve())}
        onClose={() => setRemoveOpen(false)}
      >
        {t('members.removeBody', { name: removing?.name ?? '', org: org.name })}
      </ConfirmDialog>
    </Stack>
  );
}
