import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './AppLayout';
import { RequireAuth, RequirePerm, NotFound, RouteError } from './guards';
import { useAuth } from './auth';
import { landingPath } from './landing';
import { LoginPage } from '../features/auth/LoginPage';

const DashboardPage = lazy(() => import('../features/home/DashboardPage'));
const WelcomePage = lazy(() => import('../features/home/WelcomePage'));
const UnitsPage = lazy(() => import('../features/units/UnitsPage'));
const CadreSearchPage = lazy(() => import('../features/cadres/CadreSearchPage'));
const CadreProfilePage = lazy(() => import('../features/cadres/CadreProfilePage'));
const CadreNewPage = lazy(() => import('../features/cadres/CadreNewPage'));
const ImportsPage = lazy(() => import('../features/imports/ImportsPage'));
const StructurePage = lazy(() => import('../features/structure/StructurePage'));
const AnalysisListPage = lazy(() => import('../features/analysis-records/AnalysisListPage'));
const AnalysisDetailPage = lazy(() => import('../features/analysis-records/AnalysisDetailPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const UsersPage = lazy(() => import('../features/admin/UsersPage'));
const RolesPage = lazy(() => import('../features/admin/RolesPage'));
const SettingsPage = lazy(() => import('../features/admin/SettingsPage'));
const PoolsPage = lazy(() => import('../features/pools/PoolsPage'));
const YoungPage = lazy(() => import('../features/young/YoungPage'));
const SimulationPage = lazy(() => import('../features/simulation/SimulationPage'));
const PlanPage = lazy(() => import('../features/simulation/PlanPage'));
const TeamRulesPage = lazy(() => import('../features/admin/TeamRulesPage'));
const FindingsPage = lazy(() => import('../features/analysis/FindingsPage'));
const FiguresPage = lazy(() => import('../features/figures/FiguresPage'));

function Home() {
  const { user } = useAuth();
  if (!user) return null;
  if (!user.permissions.includes('stats:read')) return <Navigate to={landingPath(user)} replace />;
  return <DashboardPage />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Home /> },
      { path: 'welcome', element: <WelcomePage /> },
      {
        path: 'units',
        element: (
          <RequirePerm perms={['unit:read']}>
            <UnitsPage />
          </RequirePerm>
        ),
      },
      {
        path: 'units/:id',
        element: (
          <RequirePerm perms={['unit:read']}>
            <UnitsPage />
          </RequirePerm>
        ),
      },
      {
        path: 'admin/team-rules',
        element: (
          <RequirePerm perms={['settings:manage']}>
            <TeamRulesPage />
          </RequirePerm>
        ),
      },
      {
        path: 'pools',
        element: (
          <RequirePerm perms={['pool:read']}>
            <PoolsPage />
          </RequirePerm>
        ),
      },
      {
        path: 'young',
        element: (
          <RequirePerm perms={['pool:read']}>
            <YoungPage />
          </RequirePerm>
        ),
      },
      {
        path: 'simulation',
        element: (
          <RequirePerm perms={['cadre:read']}>
            <SimulationPage />
          </RequirePerm>
        ),
      },
      {
        path: 'simulation/:id',
        element: (
          <RequirePerm perms={['cadre:read']}>
            <PlanPage />
          </RequirePerm>
        ),
      },
      {
        path: 'analysis/findings',
        element: (
          <RequirePerm perms={['unit:read']}>
            <FindingsPage />
          </RequirePerm>
        ),
      },
      {
        path: 'figures',
        element: (
          <RequirePerm perms={['stats:read']}>
            <FiguresPage />
          </RequirePerm>
        ),
      },
      {
        path: 'cadres',
        element: (
          <RequirePerm perms={['cadre:read']}>
            <CadreSearchPage />
          </RequirePerm>
        ),
      },
      {
        path: 'cadres/new',
        element: (
          <RequirePerm perms={['cadre:write']}>
            <CadreNewPage />
          </RequirePerm>
        ),
      },
      {
        path: 'cadres/:id',
        element: (
          <RequirePerm perms={['cadre:read']}>
            <CadreProfilePage />
          </RequirePerm>
        ),
      },
      {
        path: 'structure',
        element: (
          <RequirePerm perms={['stats:read']}>
            <StructurePage />
          </RequirePerm>
        ),
      },
      {
        path: 'analysis-records',
        element: (
          <RequirePerm perms={['unit:read']}>
            <AnalysisListPage />
          </RequirePerm>
        ),
      },
      {
        path: 'analysis-records/:id',
        element: (
          <RequirePerm perms={['unit:read']}>
            <AnalysisDetailPage />
          </RequirePerm>
        ),
      },
      {
        path: 'imports',
        element: (
          <RequirePerm perms={['cadre:write']}>
            <ImportsPage />
          </RequirePerm>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequirePerm perms={['audit:read']}>
            <AuditPage />
          </RequirePerm>
        ),
      },
      {
        path: 'admin/users',
        element: (
          <RequirePerm perms={['user:manage', 'user:unlock']}>
            <UsersPage />
          </RequirePerm>
        ),
      },
      {
        path: 'admin/roles',
        element: (
          <RequirePerm perms={['role:manage']}>
            <RolesPage />
          </RequirePerm>
        ),
      },
      {
        path: 'admin/settings',
        element: (
          <RequirePerm perms={['settings:manage']}>
            <SettingsPage />
          </RequirePerm>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
