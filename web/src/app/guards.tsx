import type { ReactNode } from 'react';
import { Navigate, useLocation, useRouteError } from 'react-router';
import { Result, Spin, Button } from 'antd';
import { useAuth } from './auth';
import { landingPath } from './landing';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Spin size="large" className="page-spin" />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** A page for holders of one of the permissions; others see a Chinese 403. */
export function RequirePerm({ perms, children }: { perms: string[]; children: ReactNode }) {
  const { user } = useAuth();
  if (!user || !perms.some((p) => user.permissions.includes(p))) return <Forbidden />;
  return <>{children}</>;
}

export function Forbidden() {
  const { user } = useAuth();
  return (
    <Result
      status="403"
      title="没有权限"
      subTitle="您的角色无权访问此页面。如需开通，请联系安全管理员。"
      extra={
        user && (
          <Button type="primary" href={landingPath(user)}>
            返回工作台
          </Button>
        )
      }
    />
  );
}

export function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={
        <Button type="primary" href="/">
          返回首页
        </Button>
      }
    />
  );
}

/** Anything that breaks while rendering: a Chinese page instead of the router's default. */
export function RouteError() {
  const err = useRouteError();
  console.error(err);
  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle="页面显示时发生错误。请刷新后重试；如果问题持续出现，请联系系统管理员。"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
