// 干部档案: the 任免审批表 view with what the department keeps beside it, and the 编辑 mode.
import { useState } from 'react';
import { App, Button, Card, Result, Skeleton, Space, Tag } from 'antd';
import { ArrowLeftOutlined, EditOutlined, ExportOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/client';
import { transferApi } from '../../api/transfer';
import { cadresApi, CADRE_STATUSES, type CadreInput } from '../../api/cadres';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { fmtInstant } from '../../shared/dates';
import { useCan } from '../../shared/permissions';
import { RmbSheet } from './RmbSheet';
import { CadreSide } from './CadreSide';
import { CadreForm } from './CadreForm';
import { CadrePoolPanel } from '../pools/CadrePoolPanel';

export default function CadreProfilePage() {
  const { id } = useParams();
  const cadreId = Number(id);
  const navigate = useNavigate();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [photoKey, setPhotoKey] = useState(0);
  const [formKey, setFormKey] = useState(0);
  const [downloading, setDownloading] = useState<'docx' | 'lrmx' | null>(null);
  const q = useQuery({
    queryKey: ['cadre', cadreId],
    queryFn: () => cadresApi.get(cadreId),
    enabled: Number.isInteger(cadreId) && cadreId > 0,
    staleTime: 0,
  });

  if (!Number.isInteger(cadreId) || cadreId <= 0 || (q.error instanceof ApiError && q.error.status === 404)) {
    return (
      <Result
        status="404"
        title="未找到该干部"
        subTitle="该干部不存在，或不在您的干部管理权限范围内。"
        extra={<Button onClick={() => navigate('/cadres')}>返回干部查询</Button>}
      />
    );
  }
  if (q.isLoading) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 14 }} />
      </Card>
    );
  }
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const c = q.data;
  if (!c) return null;

  const photoUrl = c.hasPhoto ? cadresApi.photoUrl(c.id, c.version * 1000 + photoKey) : null;

  const save = async (input: CadreInput) => {
    const saved = await cadresApi.update(c.id, { ...input, version: c.version });
    qc.setQueryData(['cadre', c.id], saved);
    qc.invalidateQueries({ queryKey: ['cadres'] });
    qc.invalidateQueries({ queryKey: ['stats'] });
    qc.invalidateQueries({ queryKey: ['units'] });
    message.success('已保存干部档案');
    setEditing(false);
    window.scrollTo(0, 0);
  };

  const download = async (kind: 'docx' | 'lrmx') => {
    setDownloading(kind);
    try {
      const { name } = await (kind === 'docx' ? transferApi.exportDocx(c.id) : transferApi.exportLrmx(c.id));
      message.success(`已下载 ${name}`);
    } catch (e) {
      message.error(`导出失败：${errorMessage(e)}`);
    } finally {
      setDownloading(null);
    }
  };

  const reload = async () => {
    await q.refetch();
    setFormKey((k) => k + 1);
  };

  const onPhotoChanged = async () => {
    setPhotoKey((k) => k + 1);
    await q.refetch();
  };

  return (
    <div>
      <PageTitle
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label="返回" />
            <span data-testid="profile-name">{c.name}</span>
            {c.status !== 'active' && <Tag>{CADRE_STATUSES[c.status] ?? c.status}</Tag>}
            {editing && <Tag color="processing">编辑中</Tag>}
          </Space>
        }
        sub={c.currentPost}
        extra={
          !editing && (
            <Space wrap>
              {can('cadre:export') && (
                <>
                  <Button
                    icon={<FileWordOutlined />}
                    loading={downloading === 'docx'}
                    onClick={() => download('docx')}
                    data-testid="profile-export-docx"
                  >
                    导出任免表（Word）
                  </Button>
                  <Button
                    icon={<ExportOutlined />}
                    loading={downloading === 'lrmx'}
                    onClick={() => download('lrmx')}
                    data-testid="profile-export-lrmx"
                  >
                    导出 LRMX
                  </Button>
                </>
              )}
              <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="profile-print">
                打印
              </Button>
              {can('cadre:write') && (
                <Button
                  type="primary"
                  icon={<EditOutlined />}
                  onClick={() => {
                    setEditing(true);
                    window.scrollTo(0, 0);
                  }}
                  data-testid="profile-edit"
                >
                  编辑
                </Button>
              )}
            </Space>
          )
        }
      />
      {editing ? (
        <CadreForm
          key={formKey}
          cadre={c}
          photoKey={c.version * 1000 + photoKey}
          onPhotoChanged={onPhotoChanged}
          onSubmit={save}
          onCancel={() => setEditing(false)}
          onReload={reload}
        />
      ) : (
        <div className="profile-layout">
          <div style={{ minWidth: 0 }}>
            <RmbSheet c={c} photoUrl={photoUrl} />
            <div className="muted no-print" style={{ fontSize: 12, marginTop: 8 }}>
              最后修改：{fmtInstant(c.updatedAt)}
            </div>
          </div>
          <div style={{ minWidth: 0 }}>
            <CadreSide c={c} />
            {can('pool:read') && <CadrePoolPanel cadreId={c.id} name={c.name} />}
          </div>
        </div>
      )}
    </div>
  );
}
