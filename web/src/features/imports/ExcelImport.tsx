// Excel template import: download the template, upload for a dry run that lists every bad cell,
// download the workbook back with an error column, then confirm to write the valid rows.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Result, Row, Segmented, Space, Statistic, Table, Typography, Upload } from 'antd';
import { CheckOutlined, DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import { EXCEL_KINDS, transferApi, type ExcelKind, type ExcelReport } from '../../api/transfer';
import { ErrorAlert } from '../../shared/ErrorAlert';

type CellError = ExcelReport['errors'][number];

export function ExcelImport() {
  const { message } = App.useApp();
  const [kind, setKind] = useState<ExcelKind>('cadres');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ExcelReport | null>(null);
  const [done, setDone] = useState<ExcelReport | null>(null);

  const dryRun = useMutation({
    mutationFn: (f: File) => transferApi.importExcel(kind, f, true),
    onSuccess: (r) => setReport(r),
  });
  const commit = useMutation({
    mutationFn: (token: string) => transferApi.confirmExcel(token),
    onSuccess: (r) => {
      setDone(r);
      setReport(null);
      message.success(`已导入：新建 ${r.created} 条，更新 ${r.updated} 条`);
    },
  });

  const reset = () => {
    setFile(null);
    setReport(null);
    setDone(null);
    dryRun.reset();
    commit.reset();
  };

  const download = async (what: () => Promise<unknown>) => {
    try {
      await what();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div>
      <Card size="small" title="1. 选择类别，下载模板" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Segmented<ExcelKind>
            value={kind}
            onChange={(k) => {
              setKind(k);
              reset();
            }}
            options={Object.entries(EXCEL_KINDS).map(([value, label]) => ({ value: value as ExcelKind, label }))}
            data-testid="excel-kind"
          />
          <Button icon={<DownloadOutlined />} onClick={() => download(() => transferApi.downloadTemplate(kind))} data-testid="excel-template">
            下载“{EXCEL_KINDS[kind]}”导入模板
          </Button>
          <span className="muted">按模板填写，代码可直接填写名称（如“汉族”“大学”）；已有干部按身份证号更新。</span>
        </Space>
      </Card>

      <Card size="small" title="2. 上传填好的工作簿，先检查" style={{ marginBottom: 16 }}>
        <Upload.Dragger
          accept=".xlsx"
          multiple={false}
          showUploadList={false}
          beforeUpload={(f) => {
            setFile(f);
            setReport(null);
            setDone(null);
            commit.reset();
            dryRun.mutate(f);
            return false;
          }}
          disabled={dryRun.isPending || commit.isPending}
          data-testid="excel-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">将 .xlsx 文件拖到此处，或点击选择</p>
          <p className="ant-upload-hint">上传后先试导入检查，不写入任何数据</p>
        </Upload.Dragger>
        {file && (
          <div style={{ marginTop: 8 }}>
            <FileExcelOutlined style={{ color: '#217346' }} /> {file.name}
            {dryRun.isPending && (
              <span className="muted" style={{ marginLeft: 12 }}>
                正在检查…
              </span>
            )}
          </div>
        )}
        {dryRun.error ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={dryRun.error} />
          </div>
        ) : null}
      </Card>

      {report && (
        <Card size="small" title="3. 检查结果" data-testid="excel-report">
          <Row gutter={16} style={{ marginBottom: 12 }}>
            <Col span={6}>
              <Statistic title="数据行" value={report.rows} data-testid="excel-rows" />
            </Col>
            <Col span={6}>
              <Statistic title="有效" value={report.valid} styles={{ content: { color: '#389e0d' } }} data-testid="excel-valid" />
            </Col>
            <Col span={6}>
              <Statistic
                title="有错误"
                value={report.invalid}
                styles={{ content: { color: report.invalid ? '#cf1322' : undefined } }}
                data-testid="excel-invalid"
              />
            </Col>
            <Col span={6}>
              <Statistic title="问题单元格" value={report.errors.length} />
            </Col>
          </Row>
          {report.errors.length > 0 ? (
            <>
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={`${report.invalid} 行有错误，确认导入时只导入 ${report.valid} 行有效数据；也可下载标注错误的工作簿，改正后重新上传。`}
                action={
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={() => download(() => transferApi.downloadExcelErrors(report.token))}
                    data-testid="excel-errors-download"
                  >
                    下载标注错误的工作簿
                  </Button>
                }
              />
              <Table<CellError>
                size="small"
                rowKey={(e, i) => `${e.row}-${e.column ?? ''}-${i}`}
                dataSource={report.errors}
                pagination={report.errors.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 处` } : false}
                columns={[
                  { title: '行', dataIndex: 'row', width: 80, render: (v: number) => `第 ${v} 行` },
                  {
                    title: '列',
                    key: 'column',
                    width: 200,
                    render: (_: unknown, e) => (e.columnLabel ? `${e.column ?? ''}${e.column ? ' ' : ''}${e.columnLabel}` : (e.column ?? '—')),
                  },
                  { title: '问题', dataIndex: 'message' },
                ]}
                data-testid="excel-errors"
              />
            </>
          ) : (
            <Alert type="success" showIcon style={{ marginBottom: 12 }} title={`全部 ${report.valid} 行检查通过`} />
          )}
          <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 12 }}>
            <Button onClick={reset}>重新选择</Button>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              disabled={report.valid === 0}
              loading={commit.isPending}
              onClick={() => commit.mutate(report.token)}
              data-testid="excel-confirm"
            >
              确认导入（{report.valid} 行）
            </Button>
          </div>
          {commit.error ? (
            <div style={{ marginTop: 12 }}>
              <ErrorAlert error={commit.error} />
            </div>
          ) : null}
        </Card>
      )}

      {done && (
        <Card size="small" data-testid="excel-result">
          <Result
            status={done.invalid ? 'warning' : 'success'}
            title={`已导入 ${done.valid} 行：新建 ${done.created} 条，更新 ${done.updated} 条`}
            subTitle={done.invalid ? `${done.invalid} 行有错误，未导入。` : undefined}
            extra={
              <Space>
                {done.invalid > 0 && (
                  <Button icon={<DownloadOutlined />} onClick={() => download(() => transferApi.downloadExcelErrors(done.token))}>
                    下载标注错误的工作簿
                  </Button>
                )}
                <Button type="primary" onClick={reset}>
                  继续导入
                </Button>
              </Space>
            }
          />
        </Card>
      )}
      {!report && !done && !dryRun.isPending && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          检查会一次列出所有有问题的单元格（行号、列名和原因）；只有点击“确认导入”后才写入数据。
        </Typography.Paragraph>
      )}
    </div>
  );
}
