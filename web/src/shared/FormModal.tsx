// A modal form that submits to the server and shows its errors: each issue at its field, the message on top.
import { useState, type ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { ErrorAlert } from './ErrorAlert';
import { applyFieldIssues } from './formErrors';
import { tidButton } from './testId';

export interface FormModalProps<T> {
  title: ReactNode;
  initialValues?: Partial<T>;
  okText?: string;
  width?: number;
  onSubmit: (values: T) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode | ((form: FormInstance<T>) => ReactNode);
  testId?: string;
  /** server field name → form field name, when they differ */
  fieldMap?: Record<string, string>;
}

export function FormModal<T extends object>({
  title,
  initialValues,
  okText = '保存',
  width = 520,
  onSubmit,
  onClose,
  children,
  testId,
  fieldMap,
}: FormModalProps<T>) {
  const [form] = Form.useForm<T>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const onOk = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (e) {
      applyFieldIssues(form, e, fieldMap);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      width={width}
      okText={okText}
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      okButtonProps={tidButton(testId ? `${testId}-ok` : 'modal-ok')}
    >
      <ErrorAlert error={error} />
      <Form<T> form={form} layout="vertical" initialValues={initialValues} data-testid={testId} onFinish={onOk}>
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
