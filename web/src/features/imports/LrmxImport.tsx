// Upload 任免审批表 files as a background job; the latest jobs beside it; the open job below.
import { useState } from 'react';
import { App, Button, Card, Col, Empty, Form, List, Progress, Row, Select, Space, Tag, Typography, Upload } from 'antd';
import { CloudUploadOutlined, DeleteOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { transferApi } from '../../api/transfer';
import { adminApi } from '../../api/admin';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect';
import { fmtInstant } from '../../shared/dates';
import { JobTag } from './importStatus';
import { ImportJobView } from './ImportJobView';

const ACCEPT = '.lrmx,.lrm,.pic,.zip';
const fmtSize = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function LrmxImport({ jobId, onOpenJob }: { jobId: number | null; onOpenJob: (id: number | null) => void }) {
  const { user } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [authorityId, setAuthorityId] = useState<number | undefined>(user?.authorityId);
  const [unitId, setUnitId] = useState<number | undefined>();
  const authorities = useQuery({ queryKey: ['authorities'], queryFn: adminApi.authorities, staleTime: 5 * 60_000 });
  const jobs = useQuery({
    queryKey: ['imports'],
    queryFn: transferApi.jobs,
    refetchInterval: (q) => (q.state.data?.some((j) => j.status === 'running') ? 2000 : false),
  });

  const start = useMutation({
    mutationFn: () => transferApi.startImport(files, { authorityId, unitId }),
    onSuccess: ({ jobId: id }) => {
      message.success(`已开始导入 ${files.length} 个文件，可离开本页，稍后在“最近的导入”中查看结果`);
      setFiles([]);
      qc.invalidateQueries({ queryKey: ['imports'] });
      onOpenJob(id);
    },
  });

  const totalSize = files.reduce((s, f) => s + f.size, 0);

  return (
    <div>
      <Row gutter={16} align="stretch">
        <Col xs={24} xl={15}>
          <Card size="small" title="上传任免审批表" style={{ height: '100%' }} data-testid="import-upload-card">
            <Upload.Dragger
              multiple
              accept={ACCEPT}
              showUploadList={false}
              beforeUpload={(f, list) => {
                // once per selection: add the whole batch, skipping files already chosen
                if (f === list[0]) setFiles((prev) => [...prev, ...list.filter((n) => !prev.some((p) => p.name === n.name && p.size === n.size))]);
                return false;
              }}
              data-testid="import-dragger"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">将文件拖到此处，或点击选择文件</p>
              <p className="ant-upload-hint">可一次选择多个 .lrmx 文件、.lrm 与同名 .pic 照片文件，或它们的 .zip 压缩包</p>
            </Upload.Dragger>
            {files.length > 0 && (
              <div className="import-file-summary" data-testid="import-file-summary">
                <Space size={[4, 4]} wrap style={{ flex: 1 }}>
                  {files.slice(0, 8).map((f) => (
                    <Tag
                      key={`${f.name}-${f.size}`}
                      closable
                      onClose={() => setFiles((prev) => prev.filter((p) => p !== f))}
                      style={{ marginInlineEnd: 0 }}
                    >
                      {f.name}
                    </Tag>
                  ))}
                  {files.length > 8 && <span className="muted">等</span>}
                </Space>
                <span className="muted nowrap">
                  共 {files.length} 个文件，{fmtSize(totalSize)}
                </span>
                <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => setFiles([])}>
                  清空
                </Button>
              </div>
            )}
            <Form layout="inline" style={{ marginTop: 16, rowGap: 8 }}>
              <Form.Item label="管理权限" required tooltip="新建的干部归入此管理权限">
                <Select
                  style={{ width: 200 }}
                  value={authorityId}
                  onChange={setAuthorityId}
                  loading={authorities.isLoading}
                  options={(authorities.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
                  data-testid="import-authority"
                />
              </Form.Item>
              <Form.Item label="工作单位" tooltip="可选：新建的干部归入此单位">
                <UnitTreeSelect width={240} value={unitId} onChange={setUnitId} placeholder="不指定" testId="import-unit" />
              </Form.Item>
              <Form.Item style={{ marginInlineEnd: 0, marginLeft: 'auto' }}>
                <Button
                  type="primary"
                  icon={<CloudUploadOutlined />}
                  disabled={files.length === 0 || !authorityId}
                  loading={start.isPending}
                  onClick={() => start.mutate()}
                  data-testid="import-submit"
                >
                  开始导入
                </Button>
              </Form.Item>
            </Form>
            {start.error ? (
              <div style={{ marginTop: 12 }}>
                <ErrorAlert error={start.error} />
              </div>
            ) : null}
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 0 0' }}>
              按身份证号对应库中干部：新的人员直接新建；已有的干部先列出逐项差异，经您确认后才覆盖。每个文件要么全部导入，要么不导入。
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title="最近的导入" style={{ height: '100%' }} styles={{ body: { padding: '4px 12px' } }} data-testid="import-jobs">
            {jobs.error ? <ErrorAlert error={jobs.error} onRetry={() => jobs.refetch()} /> : null}
            {jobs.data && jobs.data.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无导入记录" />}
            {jobs.data && jobs.data.length > 0 && (
              <List
                size="small"
                className="import-job-list"
                dataSource={jobs.data}
                renderItem={(j) => (
                  <List.Item
                    className={j.id === jobId ? 'import-job-item active' : 'import-job-item'}
                    onClick={() => onOpenJob(j.id)}
                    data-testid={`import-job-${j.id}`}
                  >
                    <div style={{ width: '100%' }}>
                      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                        <span>
                          <Typography.Text strong>导入 #{j.id}</Typography.Text>
                          <span className="muted" style={{ marginLeft: 8, fontSize: 12 }}>
                            {fmtInstant(j.createdAt)}
                          </span>
                        </span>
                        <JobTag status={j.status} testId="import-job-list-status" />
                      </div>
                      {j.status === 'running' ? (
                        <Progress percent={j.total ? Math.floor((j.done / j.total) * 100) : 0} size="small" status="active" />
                      ) : (
                        <div className="muted" style={{ fontSize: 12 }}>
                          {j.done}/{j.total} 个文件
                        </div>
                      )}
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
      {jobId ? <ImportJobView key={jobId} jobId={jobId} onClose={() => onOpenJob(null)} /> : null}
    </div>
  );
}
