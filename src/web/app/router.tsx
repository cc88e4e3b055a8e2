// The page map. Pages load on demand, so the first page needs only its own code.
import { createBrowserRouter } from 'react-router';
import { RootRedirect } from './RootRedirect.tsx';
import { RequireSignIn } from './RequireSignIn.tsx';
import { RouteError } from '../components/RouteError.tsx';
import { PageLoader } from '../components/PageLoader.tsx';

const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

// Shown while the first page's code loads (React Router asks for it).
const hydrate = { hydrateFallbackElement: <PageLoader /> };

export const router = createBrowserRouter([
  {
    path: '/login',
    lazy: page(() => import('../pages/auth/SignInPage.tsx')),
    errorElement: <RouteError />,
    ...hydrate,
  },
  { path: '/setup', lazy: page(() => import('../pages/auth/SetupPage.tsx')), errorElement: <RouteError />, ...hydrate },
  {
    path: '/invite/:token',
    lazy: page(() => import('../pages/auth/AcceptInvitationPage.tsx')),
    errorElement: <RouteError />,
    ...hydrate,
  },
  { path: '/', element: <RootRedirect />, errorElement: <RouteError />, ...hydrate },
  {
    path: '/orgs/:orgId',
    element: <RequireSignIn />,
    errorElement: <RouteError />,
    ...hydrate,
    children: [
      {
        lazy: async () => ({ Component: (await import('../components/AppLayout.tsx')).AppLayout }),
        children: [
          { index: true, lazy: page(() => import('../pages/home/OrgHomePage.tsx')) },
          // ROUTES: pages register here.
          { path: 'map', lazy: page(() => import('../pages/map/AlignmentMapPage.tsx')) },
          { path: 'coach', lazy: page(() => import('../pages/coach/CoachPage.tsx')) },
          { path: 'me', lazy: page(() => import('../pages/my/MyOkrsPage.tsx')) },
          { path: 'week', lazy: page(() => import('../pages/week/MyWeekPage.tsx')) },
          { path: 'settings', lazy: page(() => import('../pages/settings/SettingsPage.tsx')) },
          { path: 'admin/*', lazy: page(() => import('../pages/admin/AdminPage.tsx')) },
          { path: 'objectives/new', lazy: page(() => import('../pages/objective/NewObjectivePage.tsx')) },
          { path: 'objectives/:objectiveId', lazy: page(() => import('../pages/objective/ObjectivePage.tsx')) },
          {
            path: 'objectives/:objectiveId/edit',
            lazy: page(() => import('../pages/objective/EditObjectivePage.tsx')),
          },
          { path: 'units', lazy: page(() => import('../pages/units/UnitsPage.tsx')) },
          { path: 'units/:unitId', lazy: page(() => import('../pages/units/UnitPage.tsx')) },
          { path: 'dashboard', lazy: page(() => import('../pages/dashboard/DashboardPage.tsx')) },
          { path: 'units/:unitId/dashboard', lazy: page(() => import('../pages/dashboard/DashboardPage.tsx')) },
        ],
      },
    ],
  },
  { path: '*', lazy: page(() => import('../pages/NotFoundPage.tsx')), ...hydrate },
]);
