import { Badge, Box, Burger, Group, Text, Anchor, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import {
  IconAffiliate,
  IconBuilding,
  IconChartBar,
  IconCalendarCheck,
  IconHierarchy2,
  IconMessageCircle,
  IconSettings,
  IconTarget,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { Link } from './Link.tsx';
import { useTranslation } from 'react-i18next';
import { Suspense } from 'react';
import { PageLoader } from './PageLoader.tsx';
import { api } from '../api/client.ts';
import { useDueCount, useMe, useOrg } from '../api/queries.ts';
import { AccountMenu } from './AccountMenu.tsx';
import { CycleSwitcher } from './CycleSwitcher.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { SearchButton } from './SearchButton.tsx';
import { InboxBell } from './InboxBell.tsx';
import classes from './AppLayout.module.css';

// The skip link, header, navigation and page are our own elements (AppLayout.module.css),
// not Mantine's AppShell and NavLink: the same layout without their resizing, asides,
// collapsible children and run-time media rules, most of the signed-in frame's script.
/** react-remove-scroll-bar's class: a dialog that locks the page's scrolling keeps the header in place. */
const FIXED_RIGHT = 'right-scroll-bar-position';

/** The frame of every signed-in page: header with cycle, language and account; navigation. */
export function AppLayout() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const me = useMe();
  const org = useOrg(orgId);
  const dueCount = useDueCount(orgId);
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
    <div>
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <header className={`${classes.header} ${FIXED_RIGHT}`}>
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
            <SearchButton orgId={orgId} />
            <InboxBell orgId={orgId} checkInsDue={dueCount} />
            {!phone && <CycleSwitcher orgId={orgId} />}
            <LanguageSwitcher />
            <AccountMenu
              name={me.data?.name}
              settingsPath={withCycle(`${base}/settings`)}
              onSignOut={() => void signOut()}
            />
          </Group>
        </Group>
      </header>
      <nav className={classes.navbar} data-opened={opened || undefined} aria-label={t('nav.main')}>
        {phone && (
          <Box mb="sm">
            <CycleSwitcher orgId={orgId} />
          </Box>
        )}
        {links.map((link) => {
          const active = link.end ? location.pathname === link.to : location.pathname.startsWith(link.to);
          const count = 'count' in link ? link.count : 0;
          return (
            <UnstyledButton
              key={link.to}
              component={Link}
              to={withCycle(link.to)}
              className={classes.link}
              data-active={active || undefined}
              aria-current={active ? 'page' : undefined}
              onClick={close}
            >
              <span className={classes.section} data-position="left">
                <link.icon size={18} aria-hidden />
              </span>
              <div className={classes.body}>
                <span className={classes.label}>
                  {link.label}
                  {count ? <VisuallyHidden>, {t('nav.dueCount', { count })}</VisuallyHidden> : null}
                </span>
              </div>
              {count ? (
                <span className={classes.section} data-position="right">
                  <Badge size="sm" color="yellow" variant="filled" c="dark" aria-hidden data-testid="week-due-badge">
                    {count}
                  </Badge>
                </span>
              ) : null}
            </UnstyledButton>
          );
        })}
      </nav>
      <main className={classes.main} id="main" tabIndex={-1}>
        {/* A page waiting for its texts shows a loader inside the frame, not instead of it. */}
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
