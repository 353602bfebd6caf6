import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { adminApi, type User } from '../../api/admin';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { applyFieldIssues } from '../../shared/formErrors';

export function PasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const onOk = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await adminApi.resetPassword(user.id, v.password);
      message.success(`已重置 ${user.username} 的密码，并解除锁定`);
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
      title={`重置密码：${user.username}（${user.displayName}）`}
      okText="重置"
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" data-testid="password-form">
        <Form.Item
          name="password"
          label="新密码"
          extra="至少 8 位，须同时包含字母和数字；重置后该用户已有的登录会话失效。"
          rules={[{ required: true, message: '请输入新密码' }]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, v) => (!v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
