// 登录: username and password; the server's Chinese message (remaining attempts, lock) shown inline.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { landingPath } from '../../app/landing';
import { ApiError, errorMessage } from '../../api/client';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { user, login, notice } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<{ message: string; locked: boolean } | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const from = (location.state as { from?: string } | null)?.from;
  if (user && !submitting) return <Navigate to={from && from !== '/login' ? from : landingPath(user)} replace />;

  const onFinish = async (v: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const me = await login(v.username.trim(), v.password);
      navigate(from && from !== '/login' ? from : landingPath(me), { replace: true });
    } catch (e) {
      setError({ message: errorMessage(e), locked: e instanceof ApiError && e.code === 'ACCOUNT_LOCKED' });
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <Card className="login-card">
        <div className="login-title">
          <span className="app-brand-mark" style={{ width: 44, height: 44, fontSize: 24 }}>
            干
          </span>
          <h1>Ganbu 干部管理平台</h1>
          <div className="muted">组织部干部队伍建设管理</div>
        </div>
        {notice && !error && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} data-testid="login-notice" />}
        {error && (
          <Alert type={error.locked ? 'warning' : 'error'} showIcon title={error.message} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form<LoginForm> form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false} data-testid="login-form">
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            登 录
          </Button>
        </Form>
      </Card>
      <div className="login-footer">本系统仅限内部网络使用 · 请妥善保管账号密码</div>
    </div>
  );
}
