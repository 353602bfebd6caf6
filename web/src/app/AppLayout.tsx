// The frame of every signed-in page: dark side menu, header with the user and a logout button.
import { Suspense, useEffect } from 'react';
import { Layout, Menu, Button, Tag, Space, Typography, Spin, Tooltip, App as AntApp } from 'antd';
import { LogoutOutlined, UserOutlined, BankOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { MenuProps } from 'antd';
import { useAuth } from './auth';
import { menuKeyOf, visibleMenu } from './menu';
import { useDemoFlag } from './demoFlag';
import { errorMessage } from '../api/client';

const { Sider, Header, Content } = Layout;

export function AppLayout() {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const demo = useDemoFlag();
  const { message } = AntApp.useApp();
  // A new page starts at the top (the search's own query changes keep their place).
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location.pathname]);
  if (!user) return null;

  const entries = visibleMenu(user.permissions);
  const items: MenuProps['items'] = entries.map((m) =>
    'children' in m
      ? {
          key: m.key,
          icon: m.icon,
          label: m.label,
          children: m.children.map((c) => ({
            key: c.key,
            icon: c.icon,
            label: <span data-testid={c.testId}>{c.label}</span>,
            onClick: () => navigate(c.path),
          })),
        }
      : { key: m.key, icon: m.icon, label: <span data-testid={m.testId}>{m.label}</span>, onClick: () => navigate(m.path) },
  );
  const selected = menuKeyOf(location.pathname);
  const openKeys = entries.filter((m) => 'children' in m).map((m) => m.key);

  const onLogout = async () => {
    try {
      await logout();
      navigate('/login', { replace: true });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Layout className="app-shell">
      <Sider width={216} theme="dark" className="app-sider" breakpoint="lg" collapsedWidth={64}>
        <div className="app-brand" data-testid="app-brand">
          <span className="app-brand-mark">干</span>
          <span className="app-brand-text">Ganbu 干部管理平台</span>
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[selected]} defaultOpenKeys={openKeys} items={items} data-testid="side-menu" />
      </Sider>
      <Layout>
        <Header className="app-header">
          <Space size={12}>
            {demo && (
              <Tooltip title="当前数据为虚构的演示城市数据，不是真实干部信息">
                <Tag color="orange" data-testid="demo-tag" style={{ marginInlineEnd: 0 }}>
                  演示数据
                </Tag>
              </Tooltip>
            )}
          </Space>
          <Space size={16} className="app-header-user">
            <span data-testid="header-authority" className="app-header-authority">
              <BankOutlined /> {user.authorityName}
            </span>
            <span data-testid="header-user">
              <UserOutlined /> <Typography.Text strong>{user.displayName}</Typography.Text>
            </span>
            <Tag color="blue" data-testid="header-role" style={{ marginInlineEnd: 0 }}>
              {user.roleName}
            </Tag>
            <Button icon={<LogoutOutlined />} onClick={onLogout} data-testid="logout-button">
              退出
            </Button>
          </Space>
        </Header>
        <Content className="app-content">
          <Suspense fallback={<Spin size="large" className="page-spin" />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
