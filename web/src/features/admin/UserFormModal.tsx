import { useState } from 'react';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { adminApi, type User } from '../../api/admin';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { applyFieldIssues } from '../../shared/formErrors';
import { tidButton } from '../../shared/testId';

interface Values {
  username: string;
  displayName: string;
  password: string;
  roleId: number;
  authorityId: number;
  disabled: boolean;
}

/** Create a user, or change one's name, role, organization and whether it is disabled. */
export function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const roles = useQuery({ queryKey: ['roles'], queryFn: adminApi.roles });
  const authorities = useQuery({ queryKey: ['authorities'], queryFn: adminApi.authorities, staleTime: 5 * 60_000 });

  const onOk = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      if (user) {
        await adminApi.updateUser(user.id, {
          displayName: v.displayName,
          roleId: v.roleId,
          authorityId: v.authorityId,
          disabled: v.disabled,
          version: user.version,
        });
        message.success('已保存');
      } else {
        await adminApi.createUser({
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          password: v.password,
          roleId: v.roleId,
          authorityId: v.authorityId,
        });
        message.success(`已新建用户 ${v.username}`);
      }
      qc.invalidateQueries({ queryKey: ['users'] });
      onClose();
    } catch (e) {
      applyFieldIssues(form, e);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={user ? `修改用户 ${user.username}` : '新建用户'}
      okText="保存"
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={tidButton('user-form-save')}
    >
      <ErrorAlert error={error} />
      {error instanceof ApiError && error.code === 'STALE_VERSION' && (
        <div className="muted" style={{ marginTop: -8, marginBottom: 12 }}>
          请关闭对话框后刷新列表再修改。
        </div>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          user ? { displayName: user.displayName, roleId: user.roleId, authorityId: user.authorityId, disabled: user.disabled } : { disabled: false }
        }
        data-testid="user-form"
      >
        {!user && (
          <Form.Item
            name="username"
            label="用户名"
            rules={[
              { required: true, message: '请输入用户名' },
              { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '3–32 位字母、数字、下划线、点或连字符' },
            ]}
          >
            <Input autoComplete="off" data-testid="user-form-username" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={32} data-testid="user-form-name" />
        </Form.Item>
        {!user && (
          <Form.Item name="password" label="初始密码" extra="至少 8 位，须同时包含字母和数字" rules={[{ required: true, message: '请输入初始密码' }]}>
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
        )}
        <Form.Item name="roleId" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select
            loading={roles.isLoading}
            options={(roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            placeholder="请选择角色"
            data-testid="user-form-role"
          />
        </Form.Item>
        <Form.Item name="authorityId" label="所属组织部" rules={[{ required: true, message: '请选择所属组织部' }]}>
          <Select
            loading={authorities.isLoading}
            options={(authorities.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            placeholder="请选择所属组织部"
            data-testid="user-form-authority"
          />
        </Form.Item>
        {user && (
          <Form.Item name="disabled" label="停用账号" valuePropName="checked" extra="停用、改角色或改组织部后，该用户的登录会话立即失效。">
            <Switch checkedChildren="停用" unCheckedChildren="启用" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
