// The page map. Pages load on demand, so the first page needs only its own code.
// Declarative routes (<BrowserRouter>, <Routes>) rather than a data router: the app loads
// its data with TanStack Query, not with route loaders, and the data router is twice the
// code (about 16 KB gzipped of the first page's JavaScript).
// First: its history listener must be added before the router's (see the module).
import './history-gate.ts';
import { lazy, type ComponentType, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { RootRedirect } from './RootRedirect.tsx';
import { RequireSignIn } from './RequireSignIn.tsx';
import { RouteBoundary } from '../components/RouteBoundary.tsx';

/** A page's element; its module loads when the route is first shown. */
const page = (load: () => Promise<{ default: ComponentType }>) => {
  const Page = lazy(load);
  return <Page />;
};

/** The same for every other page, whose Mantine components' styles come with it. */
const otherPage = (load: () => Promise<{ default: ComponentType }>) =>
  page(() => Promise.all([load(), import('../styles/mantine-pages.css')]).then(([module]) => module));

/** A top-level route: its own error page, and a loader while its code or texts load. */
const top = (element: ReactNode) => <RouteBoundary>{element}</RouteBoundary>;

const AppLayout = lazy(() => import('../components/AppLayout.tsx').then((m) => ({ default: m.AppLayout })));
const dashboard = otherPage(() => import('../pages/dashboard/DashboardPage.tsx'));
const review = otherPage(() => import('../pages/review/ReviewPage.tsx'));

// Made once, when this module loads (an element made during a render would be a new lazy
// component each time, and remount its page).
const routes = (
  <Routes>
    <Route path="/login" element={top(page(() => import('../pages/auth/SignInPage.tsx')))} />
    <Route path="/setup" element={top(otherPage(() => import('../pages/auth/SetupPage.tsx')))} />
    <Route path="/invite/:token" element={top(otherPage(() => import('../pages/auth/AcceptInvitationPage.tsx')))} />
    <Route path="/" element={top(<RootRedirect />)} />
    <Route path="/orgs/:orgId" element={top(<RequireSignIn />)}>
      <Route element={<AppLayout />}>
        <Route index element={page(() => import('../pages/home/OrgHomePage.tsx'))} />
        {/* ROUTES: pages register here. */}
        <Route path="map" element={otherPage(() => import('../pages/map/AlignmentMapPage.tsx'))} />
        <Route path="coach" element={otherPage(() => import('../pages/coach/CoachPage.tsx'))} />
        <Route path="me" element={otherPage(() => import('../pages/my/MyOkrsPage.tsx'))} />
        <Route path="people/:accountId" element={otherPage(() => import('../pages/people/PersonPage.tsx'))} />
        <Route path="week" element={otherPage(() => import('../pages/week/MyWeekPage.tsx'))} />
        <Route path="settings" element={otherPage(() => import('../pages/settings/SettingsPage.tsx'))} />
        <Route path="admin/*" element={otherPage(() => import('../pages/admin/AdminPage.tsx'))} />
        <Route path="objectives/new" element={otherPage(() => import('../pages/objective/NewObjectivePage.tsx'))} />
        <Route
          path="objectives/:objectiveId"
          element={otherPage(() => import('../pages/objective/ObjectivePage.tsx'))}
        />
        <Route
          path="objectives/:objectiveId/edit"
          element={otherPage(() => import('../pages/objective/EditObjectivePage.tsx'))}
        />
        <Route path="units" element={otherPage(() => import('../pages/units/UnitsPage.tsx'))} />
        <Route path="units/:unitId" element={otherPage(() => import('../pages/units/UnitPage.tsx'))} />
        <Route path="dashboard" element={dashboard} />
        <Route path="units/:unitId/dashboard" element={dashboard} />
        <Route
          path="units/:unitId/meeting"
          element={otherPage(() => import('../pages/meeting/WeeklyMeetingPage.tsx'))}
        />
        <Route path="review" element={review} />
        <Route path="units/:unitId/review" element={review} />
      </Route>
    </Route>
    <Route path="*" element={top(otherPage(() => import('../pages/NotFoundPage.tsx')))} />
  </Routes>
);

export function AppRoutes() {
  // Without transitions a page's loader shows as soon as the address changes: the previous
  // page does not linger under the new address while the new one's code loads.
  return <BrowserRouter useTransitions={false}>{routes}</BrowserRouter>;
}
