import { ActionIcon, Alert, Button, Group, Modal, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUserMinus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_ROLES, type UnitRole } from '../../../core/domain.ts';
import { api } from '../../api/client.ts';
import { useMembers, useUnit } from '../../api/queries.ts';
import type { Org, Unit, UnitDetail } from '../../api/types.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { problemText } from '../../components/serverErrors.ts';

/** A unit's leads and members: change a role, take someone out, add someone. */
export function UnitPeopleDialog({ org, unit, onClose }: { org: Org; unit: Unit; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const detail = useUnit(unit.id);
  return (
    <Modal opened onClose={onClose} title={t('units.peopleTitle', { name: unit.name })} size="lg">
      <QueryState query={detail}>{(data) => <People org={org} unit={data} onClose={onClose} />}</QueryState>
    </Modal>
  );
}

function People({ org, unit, onClose }: { org: Org; unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [person, setPerson] = useState<string | null>(null);
  const [role, setRole] = useState<UnitRole>('member');
  const candidates = useMembers(org.id, q);
  const manage = unit.abilities['unit.manageMembers'] === true;
  const inUnit = new Set(unit.members.map((m) => m.accountId));
  const roleOptions = UNIT_ROLES.map((r) => ({ value: r, label: t(`units.${r}`) }));

  const run = async (act: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await act();
      await Promise.all([
        client.invalidateQueries({ queryKey: ['unit', unit.id] }),
        client.invalidateQueries({ queryKey: ['units', org.id] }),
        client.invalidateQueries({ queryKey: ['members', org.id] }),
      ]);
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  const setMember = (accountId: string, next: UnitRole) =>
    run(() => api.put(`/units/${unit.id}/members/${accountId}`, { role: next }));
  const removeMember = (accountId: string) => run(() => api.delete(`/units/${unit.id}/members/${accountId}`));
  const add = () =>
    person &&
    run(async () => {
      await api.put(`/units/${unit.id}/members/${person}`, { role });
      setPerson(null);
      setSearch('');
    });

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('units.leadsHelp')}
      </Text>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {unit.members.length === 0 ? (
        <Text c="dimmed">{t('units.noMembers')}</Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('units.peopleOf', { name: unit.name })}
        >
          {unit.members.map((member) => (
            <Paper key={member.accountId} component="li" withBorder p="xs">
              <Group justify="space-between" gap="xs">
                <Text fw={500} style={{ flex: '1 1 160px' }}>
                  {member.name}
                </Text>
                {manage ? (
                  <Group gap="xs" wrap="nowrap">
                    <Select
                      aria-label={t('units.roleIn', { name: member.name })}
                      data={roleOptions}
                      value={member.role}
                      onChange={(value) =>
                        value && value !== member.role && void setMember(member.accountId, value as UnitRole)
                      }
                      allowDeselect={false}
                      disabled={busy}
                      w={130}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      aria-label={t('units.removeFrom', { name: member.name })}
                      onClick={() => void removeMember(member.accountId)}
                      disabled={busy}
                    >
                      <IconUserMinus size={18} aria-hidden />
                    </ActionIcon>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t(`units.${member.role}`)}
                  </Text>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {manage && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('units.addPerson')}
          </Title>
          <Group align="flex-end" gap="xs">
            <Select
              label={t('units.person')}
              placeholder={t('units.personPlaceholder')}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              // The server searched already (by name or e-mail); show its answer as it is.
              filter={({ options }) => options}
              nothingFoundMessage={t('units.nothingFound')}
              data={(candidates.data?.items ?? [])
                .filter((m) => !inUnit.has(m.accountId))
                .map((m) => ({ value: m.accountId, label: `${m.name} (${m.email})` }))}
              value={person}
              onChange={setPerson}
              style={{ flex: '1 1 220px' }}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('invite.role')}
              data={roleOptions}
              value={role}
              onChange={(value) => value && setRole(value as UnitRole)}
              allowDeselect={false}
              w={130}
            />
            <Button onClick={() => void add()} disabled={!person} loading={busy}>
              {t('units.add')}
            </Button>
          </Group>
        </Stack>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common:actions.close')}
        </Button>
      </Group>
    </Stack>
  );
}
