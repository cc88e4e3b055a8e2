import {
  AppShell,
  Badge,
  Box,
  Burger,
  Group,
  Menu,
  NavLink,
  Text,
  UnstyledButton,
  Anchor,
  Avatar,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import {
  IconAffiliate,
  IconBuilding,
  IconChartBar,
  IconCalendarCheck,
  IconChevronDown,
  IconHierarchy2,
  IconLogout,
  IconMessageCircle,
  IconSettings,
  IconTarget,
  IconUserCog,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Suspense } from 'react';
import { PageLoader } from './PageLoader.tsx';
import { api } from '../api/client.ts';
import { useMe, useOrg } from '../api/queries.ts';
import { useMyWeek } from '../api/my-week.ts';
import { CycleSwitcher } from './CycleSwitcher.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

/** The frame of every signed-in page: header with cycle, language and account; navigation. */
export function AppLayout() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const me = useMe();
  const org = useOrg(orgId);
  const dueCount = useMyWeek(orgId).due.length;
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  // Keep the selected cycle when moving between pages.
  const cycle = new URLSearchParams(location.search).get('cycle');
  const withCycle = (path: string) => (cycle ? `${path}?cycle=${cycle}` : path);
  const base = `/orgs/${orgId}`;
  const links = [
    { to: base, label: t('nav.home'), icon: IconBuilding, end: true },
    { to: `${base}/dashboard`, label: t('nav.dashboard'), icon: IconChartBar, end: false },
    { to: `${base}/units`, label: t('nav.units'), icon: IconHierarchy2, end: false },
    { to: `${base}/map`, label: t('nav.map'), icon: IconAffiliate, end: false },
    { to: `${base}/coach`, label: t('nav.coach'), icon: IconMessageCircle, end: false },
    { to: `${base}/week`, label: t('nav.myWeek'), icon: IconCalendarCheck, end: false, count: dueCount },
    { to: `${base}/me`, label: t('nav.myOkrs'), icon: IconTarget, end: false },
    ...(org.data?.abilities['member.manage']
      ? [{ to: `${base}/admin`, label: t('nav.admin'), icon: IconSettings, end: false }]
      : []),
  ];

  const signOut = async () => {
    await api.post('/auth/logout').catch(() => undefined);
    client.clear();
    void navigate('/login');
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.openMenu')} />
            <Anchor component={Link} to={withCycle(base)} underline="never" c="inherit">
              <Text fw={700} size="lg">
                {t('appName')}
              </Text>
            </Anchor>
            <Text c="dimmed" visibleFrom="md" truncate>
              {org.data?.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {/* On a phone the cycle moves into the navigation drawer, for room. */}
            {!phone && <CycleSwitcher orgId={orgId} />}
            <LanguageSwitcher />
            <Menu position="bottom-end">
              <Menu.Target>
                {/* Named by hidden text, not aria-label: the visible initials are not a name (WCAG 2.5.3). */}
                <UnstyledButton>
                  <VisuallyHidden>{t('account.menu')}</VisuallyHidden>
                  <Group gap={4} wrap="nowrap">
                    <Avatar size="sm" name={me.data?.name} color="initials" aria-hidden />
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t('account.signedInAs', { name: me.data?.name ?? '' })}</Menu.Label>
                <Menu.Item
                  component={Link}
                  to={withCycle(`${base}/settings`)}
                  leftSection={<IconUserCog size={16} aria-hidden />}
                >
                  {t('account.settings')}
                </Menu.Item>
                <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>
                  {t('account.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')} component="nav">
        {phone && (
          <Box mb="sm">
            <CycleSwitcher orgId={orgId} />
          </Box>
        )}
        {links.map((link) => {
          const active = link.end ? location.pathname === link.to : location.pathname.startsWith(link.to);
          return (
            <NavLink
              key={link.to}
              component={Link}
              to={withCycle(link.to)}
              active={active}
              aria-current={active ? 'page' : undefined}
              label={
                <>
                  {link.label}
                  {'count' in link && link.count ? (
                    <VisuallyHidden>, {t('nav.dueCount', { count: link.count })}</VisuallyHidden>
                  ) : null}
                </>
              }
              leftSection={<link.icon size={18} aria-hidden />}
              rightSection={
                'count' in link && link.count ? (
                  <Badge size="sm" color="yellow" variant="filled" c="dark" aria-hidden data-testid="week-due-badge">
                    {link.count}
                  </Badge>
                ) : undefined
              }
              onClick={close}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {/* A page waiting for its texts shows a loader inside the frame, not instead of it. */}
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
