// The report's figures of the pools and the young-cadre programme for a period and a unit subtree;
// a figure opens the names behind it. Built to sit beside other figures on a report page.
import { useState } from 'react';
import { Card, Col, DatePicker, Empty, Form, Row, Space, Statistic, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { poolsApi, type Figure } from '../../api/pools';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { DATE_FORMAT, dateOf, fmtDate } from '../../shared/dates';
import { UnitTreeSelect } from '../../shared/UnitTreeSelect';
import { CadreLink } from './common';

export function FiguresPanel() {
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [unitId, setUnitId] = useState<number | undefined>();
  const [open, setOpen] = useState<string | null>(null);
  const query = { from: dateOf(range?.[0]) ?? undefined, to: dateOf(range?.[1]) ?? undefined, unitId };
  const q = useQuery({ queryKey: ['pools', 'figures', query], queryFn: () => poolsApi.figures(query) });
  const shown: Figure | undefined = q.data?.figures.find((f) => f.key === open);

  return (
    <div>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="期间">
          <span data-testid="figures-range">
            <DatePicker.RangePicker
              format={DATE_FORMAT}
              allowEmpty={[true, true]}
              value={range}
              onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)}
              placeholder={['自有记录起', '至今天']}
            />
          </span>
        </Form.Item>
        <Form.Item label="单位">
          <UnitTreeSelect value={unitId} onChange={setUnitId} placeholder="全部（管理范围内）" width={280} testId="figures-unit" />
        </Form.Item>
        {q.data && (
          <Form.Item>
            <span className="muted">
              {q.data.from ? fmtDate(q.data.from) : '自有记录起'} 至 {fmtDate(q.data.to)}
            </span>
          </Form.Item>
        )}
      </Form>
      <ErrorAlert error={q.error} />
      <Row gutter={16}>
        {(q.data?.figures ?? []).map((f) => (
          <Col key={f.key} xs={24} md={8}>
            <Card
              size="small"
              className={`stat-card clickable${open === f.key ? ' selected' : ''}`}
              onClick={() => setOpen(f.key)}
              data-testid={`figure-${f.key}`}
            >
              <Statistic title={f.label} value={f.value} suffix={<span style={{ fontSize: 14 }}>人</span>} />
              <div className="muted" style={{ fontSize: 12 }}>
                点击查看名单
              </div>
            </Card>
          </Col>
        ))}
      </Row>
      {shown && (
        <Card size="small" style={{ marginTop: 16 }} title={`${shown.label}：${shown.value} 人`} data-testid="figure-names">
          <Table
            rowKey="id"
            size="small"
            dataSource={shown.cadres}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            locale={{ emptyText: <Empty description="该期间没有" /> }}
            columns={[
              { title: '序号', key: 'i', width: 60, render: (_, __, i) => i + 1 },
              { title: '姓名', key: 'name', width: 100, render: (_, c) => <CadreLink id={c.id} name={c.name} /> },
              { title: '单位', dataIndex: 'unitName' },
              { title: '现任职务', dataIndex: 'currentPost', ellipsis: true },
            ]}
          />
        </Card>
      )}
      {!shown && q.data && (
        <Space className="muted" style={{ marginTop: 12 }}>
          每人只计一次：累计入库按入库日期，好苗子按标记日期，双向互派按挂职开始日期（按派出单位统计）。
        </Space>
      )}
    </div>
  );
}
