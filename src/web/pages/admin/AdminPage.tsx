import { Alert, Stack, Tabs, Text, Title } from '@mantine/core';
import {
  IconArchive,
  IconBuilding,
  IconCompass,
  IconCalendar,
  IconDatabaseExport,
  IconWebhook,
  IconKey,
  IconLogin,
  IconMessages,
  IconHierarchy2,
  IconMail,
  IconHistory,
  IconUsers,
} from '@tabler/icons-react';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useOrg } from '../../api/queries.ts';
import { mayLeave } from '../../app/history-gate.ts';
import type { Org } from '../../api/types.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { CyclesTab } from './CyclesTab.tsx';
import { MembersTab } from './MembersTab.tsx';
import { ProfileTab } from './ProfileTab.tsx';
import { UnitsTab } from './UnitsTab.tsx';
import { DataTab } from './DataTab.tsx';
import { OutboxTab } from '../outbox/OutboxTab.tsx';
import { AuditTab } from '../audit/AuditTab.tsx';
import { ArchiveTab } from '../archive/ArchiveTab.tsx';
import { WebhooksTab } from '../webhooks/WebhooksTab.tsx';
import { ServiceAccountsTab } from '../integrations/ServiceAccountsTab.tsx';
import { SsoProviderTab } from '../sso/SsoProviderTab.tsx';
import { ChatTab } from '../chat/ChatChannels.tsx';
import { ThemesTab } from '../themes/ThemesTab.tsx';

/** Each tab is shown to those whose abilities allow what it is for. */
const TABS = [
  { id: 'members', ability: 'member.manage', icon: IconUsers, Panel: MembersTab },
  { id: 'units', ability: 'unit.create', icon: IconHierarchy2, Panel: UnitsTab },
  { id: 'cycles', ability: 'cycle.manage', icon: IconCalendar, Panel: CyclesTab },
  { id: 'profile', ability: 'org.update', icon: IconBuilding, Panel: ProfileTab },
  { id: 'themes', ability: 'org.update', icon: IconCompass, Panel: ThemesTab },
  { id: 'outbox', ability: 'outbox.read', icon: IconMail, Panel: OutboxTab },
  { id: 'audit', ability: 'audit.read', icon: IconHistory, Panel: AuditTab },
  { id: 'archive', ability: 'archive.restore', icon: IconArchive, Panel: ArchiveTab },
  { id: 'data', ability: 'org.export', icon: IconDatabaseExport, Panel: DataTab },
  { id: 'webhooks', ability: 'webhook.manage', icon: IconWebhook, Panel: WebhooksTab },
  { id: 'chat', ability: 'chat.manage', icon: IconMessages, Panel: ChatTab },
  { id: 'service-accounts', ability: 'serviceAccount.manage', icon: IconKey, Panel: ServiceAccountsTab },
  { id: 'sso', ability: 'org.update', icon: IconLogin, Panel: SsoProviderTab },
] as const;

/** Administration, one tab per area; the tab is part of the URL (admin/members, …). */
export default function AdminPage() {
  const { orgId = '', '*': rest = '' } = useParams();
  const org = useOrg(orgId);
  return <QueryState query={org}>{(data) => <Admin org={data} tab={rest.split('/')[0] ?? ''} />}</QueryState>;
}

function Admin({ org, tab }: { org: Org; tab: string }) {
  const { t } = useTranslation(['admin', 'common']);
  const navigate = useNavigate();
  const { search } = useLocation();
  const allowed = TABS.filter((entry) => org.abilities[entry.ability]);
  // Keep the selected cycle when switching tabs; a tab's own filters stay with it.
  const cycle = new URLSearchParams(search).get('cycle');
  const to = (id: string) => `/orgs/${org.id}/admin/${id}${cycle ? `?cycle=${encodeURIComponent(cycle)}` : ''}`;

  const first = allowed[0];
  if (!first) {
    return (
      <Stack gap="lg">
        <Title order={1}>{t('title')}</Title>
        <Alert color="gray">{t('noAccess')}</Alert>
      </Stack>
    );
  }
  const current = allowed.find((entry) => entry.id === tab);
  if (!current) return <Navigate to={to(first.id)} replace />;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('intro', { org: org.name })}</Text>
      </Stack>
      <Tabs
        value={current.id}
        // A tab's unsaved work (a form, a sheet on its way in) asks before another tab replaces it.
        onChange={(value) => value && value !== current.id && mayLeave() && void navigate(to(value))}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('tabsLabel')}>
          {allowed.map((entry) => (
            <Tabs.Tab key={entry.id} value={entry.id} leftSection={<entry.icon size={16} aria-hidden />}>
              {t(`tabs.${entry.id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {allowed.map((entry) => (
          <Tabs.Panel key={entry.id} value={entry.id} pt="lg">
            {entry.id === current.id && <entry.Panel org={org} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
