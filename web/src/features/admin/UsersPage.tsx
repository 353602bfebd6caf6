// 用户管理: accounts, their role and organization department; unlock and password reset (安全管理员).
import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined, UnlockOutlined, EditOutlined, KeyOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminApi, type User } from '../../api/admin';
import { errorMessage } from '../../api/client';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { fmtInstant } from '../../shared/dates';
import { useCan } from '../../shared/permissions';
import { UserFormModal } from './UserFormModal';
import { PasswordModal } from './PasswordModal';

export default function UsersPage() {
  const can = useCan();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const users = useQuery({ queryKey: ['users'], queryFn: adminApi.users });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const unlock = useMutation({
    mutationFn: (u: User) => adminApi.unlockUser(u.id),
    onSuccess: (_, u) => {
      message.success(`已解锁账号 ${u.username}`);
      qc.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  const columns = [
    { title: '用户名', dataIndex: 'username', width: 110, ellipsis: true },
    { title: '姓名', dataIndex: 'displayName', width: 160, ellipsis: true },
    { title: '角色', dataIndex: 'roleName', width: 150, render: (v: string) => <Tag color="blue">{v}</Tag> },
    { title: '所属组织部', dataIndex: 'authorityName', ellipsis: true },
    {
      title: '状态',
      key: 'state',
      width: 140,
      render: (_: unknown, u: User) => (
        <Space size={4} wrap>
          {u.disabled && <Tag>已停用</Tag>}
          {u.locked && (
            <Tooltip title={u.lockedUntil ? `锁定至 ${fmtInstant(u.lockedUntil)}` : undefined}>
              <Tag color="red" data-testid={`user-locked-${u.username}`}>
                已锁定
              </Tag>
            </Tooltip>
          )}
          {!u.disabled && !u.locked && <Tag color="green">正常</Tag>}
          {u.failedAttempts > 0 && !u.locked && <Tag color="orange">失败 {u.failedAttempts} 次</Tag>}
        </Space>
      ),
    },
    { title: '创建时间', dataIndex: 'createdAt', width: 170, render: (v: string) => fmtInstant(v) },
    {
      title: '操作',
      key: 'actions',
      width: can('user:unlock') ? 200 : 96,
      render: (_: unknown, u: User) => (
        <Space size={0} wrap>
          {can('user:manage') && (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(u)} data-testid={`user-edit-${u.username}`}>
              修改
            </Button>
          )}
          {can('user:unlock') && u.locked && (
            <Button
              type="link"
              size="small"
              icon={<UnlockOutlined />}
              onClick={() =>
                modal.confirm({
                  title: `解锁账号 ${u.username}？`,
                  content: '解锁后该用户可立即重新登录。',
                  okText: '解锁',
                  cancelText: '取消',
                  onOk: () => unlock.mutateAsync(u),
                })
              }
              data-testid={`user-unlock-${u.username}`}
            >
              解锁
            </Button>
          )}
          {can('user:unlock') && (
            <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetting(u)} data-testid={`user-reset-${u.username}`}>
              重置密码
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageTitle
        title="用户管理"
        sub="三员分立：系统管理员建账号，安全管理员解锁和重置密码"
        extra={
          can('user:manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-create">
              新建用户
            </Button>
          )
        }
      />
      {users.error ? <ErrorAlert error={users.error} onRetry={() => users.refetch()} /> : null}
      <Card size="small">
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={users.data ?? []}
          loading={users.isLoading}
          tableLayout="fixed"
          pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个账号`, hideOnSinglePage: true }}
          locale={{ emptyText: '暂无用户' }}
          data-testid="users-table"
        />
      </Card>
      {editing && <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <PasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </div>
  );
}
