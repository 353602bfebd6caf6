// The profile form (编辑 / 新建): every field of the 任免审批表 and the lists beside it.
import { useState } from 'react';
import { Alert, Button, Card, Form } from 'antd';
import { SaveOutlined, ReloadOutlined } from '@ant-design/icons';
import { ApiError, errorMessage, type FieldIssue } from '../../api/client';
import type { Cadre, CadreInput } from '../../api/cadres';
import { applyFieldIssues, clearFieldErrors } from '../../shared/formErrors';
import { emptyForm, fromForm, toForm, type CadreFormValues } from './cadreForm';
import { BasicSection, EducationSection, PostSection, SectionTitle } from './formSections';
import { AppraisalsList, FamilyList, RanksList, ResumeList, RewardsList } from './formLists';
import { PhotoUpload } from './PhotoUpload';

interface Props {
  cadre: Cadre | null;
  defaultAuthorityId?: number;
  photoKey?: number;
  onPhotoChanged?: () => void;
  onSubmit: (input: CadreInput) => Promise<unknown>;
  onCancel: () => void;
  /** reload the record after a stale-version conflict */
  onReload?: () => void;
}

export function CadreForm({ cadre, defaultAuthorityId, photoKey = 0, onPhotoChanged, onSubmit, onCancel, onReload }: Props) {
  const [form] = Form.useForm<CadreFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const submit = async () => {
    clearFieldErrors(form);
    let values: CadreFormValues;
    try {
      values = await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      setError(null);
      setIssues([]);
      return;
    }
    setSaving(true);
    setError(null);
    setIssues([]);
    try {
      await onSubmit(fromForm(values));
    } catch (e) {
      applyFieldIssues(form, e);
      setError(e);
      setIssues(e instanceof ApiError ? e.issues : []);
      if (!(e instanceof ApiError && e.issues.length)) window.scrollTo({ top: 0, behavior: 'smooth' });
    } finally {
      setSaving(false);
    }
  };

  const stale = error instanceof ApiError && (error.code === 'STALE_VERSION' || error.status === 409);

  return (
    <Form<CadreFormValues>
      form={form}
      layout="vertical"
      initialValues={cadre ? toForm(cadre) : emptyForm(defaultAuthorityId)}
      onFinish={submit}
      scrollToFirstError
      data-testid="cadre-form"
    >
      {stale ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="该记录已被他人修改，请刷新后重新编辑"
          description="重新加载将取得最新内容，您在本页尚未保存的修改会丢失。"
          action={
            onReload && (
              <Button icon={<ReloadOutlined />} onClick={onReload} data-testid="cadre-reload">
                重新加载
              </Button>
            )
          }
          data-testid="cadre-stale"
        />
      ) : error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={issues.length ? `有 ${issues.length} 处需要修改，请检查标红的栏目` : errorMessage(error)}
          description={
            issues.length ? (
              <ul className="issue-list">
                {issues.map((i, k) => (
                  <li key={k}>
                    {i.label ?? i.field}：{i.message}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
          data-testid="cadre-error-summary"
        />
      ) : null}

      <Card size="small" style={{ marginBottom: 16 }}>
        <div className="form-with-photo">
          <div style={{ minWidth: 0 }}>
            <BasicSection form={form} />
          </div>
          <div>
            <SectionTitle>照片</SectionTitle>
            {cadre && onPhotoChanged ? (
              <PhotoUpload cadreId={cadre.id} hasPhoto={cadre.hasPhoto} photoKey={photoKey} onChanged={onPhotoChanged} />
            ) : (
              <div className="muted" style={{ fontSize: 13 }}>
                保存档案后可上传照片。
              </div>
            )}
          </div>
        </div>
        <EducationSection />
        <PostSection />
      </Card>
      <Card size="small" style={{ marginBottom: 16 }}>
        <ResumeList />
      </Card>
      <Card size="small" style={{ marginBottom: 16 }}>
        <RewardsList />
        <AppraisalsList />
      </Card>
      <Card size="small" style={{ marginBottom: 16 }}>
        <FamilyList />
      </Card>
      <Card size="small" style={{ marginBottom: 16 }}>
        <RanksList />
      </Card>

      <div className="sticky-actions">
        <Button onClick={onCancel} disabled={saving} data-testid="cadre-cancel">
          取消
        </Button>
        <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={submit} data-testid="cadre-save">
          保存
        </Button>
      </div>
    </Form>
  );
}
