// 四类干部清单: counts, the current entries (or the reviews due), moves with a reason, reviews, history.
import { useState } from 'react';
import { App, Button, Card, Drawer, Empty, Form, Input, Segmented, Space, Table, Tag, Timeline } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { poolsApi, type CategoryEntry } from '../../api/pools';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { FormModal } from '../../shared/FormModal';
import { fmtDate } from '../../shared/dates';
import { useCan } from '../../shared/permissions';
import { CategoryMoveModal } from './CategoryMoveModal';
import { CadreLink, DateField, day, ReviewTag, unitAndPost } from './common';

const CATEGORY_COLORS: Record<string, string> = { promote_soon: 'green', develop: 'blue', watch: 'gold', unfit: 'red' };
const REVIEWS = 'reviews';

export function CategoryTag({ e }: { e: { category: string; categoryName: string } }) {
  return <Tag color={CATEGORY_COLORS[e.category]}>{e.categoryName}</Tag>;
}

export function CategoriesTab({ reviewsFirst }: { reviewsFirst: boolean }) {
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<string>(reviewsFirst ? REVIEWS : '');
  const [moving, setMoving] = useState<CategoryEntry | 'new' | null>(null);
  const [reviewing, setReviewing] = useState<CategoryEntry | null>(null);
  const [history, setHistory] = useState<CategoryEntry | null>(null);
  const list = useQuery({
    queryKey: ['pools', 'categories', filter === REVIEWS ? '' : filter],
    queryFn: () => poolsApi.categories(filter === REVIEWS ? undefined : filter || undefined),
  });
  const reviews = useQuery({ queryKey: ['pools', 'reviews'], queryFn: poolsApi.reviews });
  const hist = useQuery({ queryKey: ['pools', 'status', history?.cadreId], queryFn: () => poolsApi.status(history!.cadreId), enabled: !!history });
  const rows = filter === REVIEWS ? (reviews.data?.entries ?? []) : (list.data?.entries ?? []);
  const total = list.data?.counts.reduce((a, c) => a + c.count, 0);

  return (
    <Card
      size="small"
      title={
        <Segmented
          value={filter}
          onChange={(v) => setFilter(String(v))}
          data-testid="category-filter"
          options={[
            { value: '', label: `全部${total !== undefined ? ` ${total}` : ''}` },
            ...(list.data?.counts ?? []).map((c) => ({ value: c.category, label: `${c.name} ${c.count}` })),
            { value: REVIEWS, label: `待复核 ${reviews.data ? reviews.data.overdue + reviews.data.dueSoon : ''}` },
          ]}
        />
      }
      extra={
        can('pool:write') && (
          <Button type="primary" size="small" icon={<SwapOutlined />} onClick={() => setMoving('new')} data-testid="category-new">
            列入/调整清单
          </Button>
        )
      }
    >
      <ErrorAlert error={list.error ?? reviews.error} />
      <Table<CategoryEntry>
        rowKey="id"
        size="small"
        loading={list.isFetching || reviews.isFetching}
        dataSource={rows}
        pagination={{ pageSize: 15, showSizeChanger: false, showTotal: (n) => `共 ${n} 人` }}
        locale={{ emptyText: <Empty description={filter === REVIEWS ? '没有需要复核的干部' : '暂无干部'} /> }}
        data-testid="category-table"
        columns={[
          { title: '姓名', key: 'name', width: 90, render: (_, e) => <CadreLink id={e.cadreId} name={e.name} /> },
          { title: '现任职务', key: 'post', ellipsis: true, render: (_, e) => unitAndPost(e) },
          { title: '清单', key: 'category', width: 130, render: (_, e) => <CategoryTag e={e} /> },
          { title: '列入日期', dataIndex: 'startDate', width: 110, render: fmtDate },
          { title: '理由', dataIndex: 'reason', ellipsis: true },
          { title: '复核日期', key: 'review', width: 170, render: (_, e) => <ReviewTag state={e.reviewState} due={e.reviewDue} /> },
          {
            title: '',
            key: 'op',
            width: 170,
            render: (_, e) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setHistory(e)} data-testid={`category-history-${e.cadreId}`}>
                  历史
                </Button>
                {can('pool:write') && (
                  <>
                    <Button type="link" size="small" onClick={() => setMoving(e)} data-testid={`category-move-${e.cadreId}`}>
                      调整
                    </Button>
                    <Button type="link" size="small" onClick={() => setReviewing(e)} data-testid={`category-review-${e.cadreId}`}>
                      复核
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      {moving && (
        <CategoryMoveModal
          cadre={moving === 'new' ? undefined : { id: moving.cadreId, name: moving.name }}
          current={moving === 'new' ? undefined : moving.category}
          onClose={() => setMoving(null)}
        />
      )}
      {reviewing && (
        <FormModal<{ note: string; date?: Dayjs; nextDue?: Dayjs }>
          title={`复核 ${reviewing.name}（${reviewing.categoryName}）`}
          testId="review-form"
          onClose={() => setReviewing(null)}
          onSubmit={async (v) => {
            await poolsApi.review(reviewing.id, { note: v.note ?? '', date: day(v.date), nextDue: day(v.nextDue) });
            message.success('已复核，维持原清单');
            await qc.invalidateQueries({ queryKey: ['pools'] });
          }}
        >
          <Form.Item name="note" label="复核意见" extra="维持原类别时填写；需调整类别请用“调整”">
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <Form.Item name="date" label="复核日期" extra="不填为今天">
            <DateField />
          </Form.Item>
          <Form.Item name="nextDue" label="下次复核日期" extra="不填按复核周期推算">
            <DateField />
          </Form.Item>
        </FormModal>
      )}
      <Drawer open={!!history} onClose={() => setHistory(null)} title={history ? `${history.name} 清单历史` : ''} size={480}>
        <ErrorAlert error={hist.error} />
        <Timeline
          data-testid="category-history"
          items={(hist.data?.categories ?? []).map((c) => ({
            color: c.endDate ? 'gray' : 'green',
            content: (
              <div>
                <Space>
                  <CategoryTag e={c} />
                  <span>
                    {fmtDate(c.startDate)} — {c.endDate ? fmtDate(c.endDate) : '至今'}
                  </span>
                </Space>
                <div>理由：{c.reason}</div>
                <div className="muted">
                  {c.decidedBy}
                  {c.lastReviewedOn ? ` · ${fmtDate(c.lastReviewedOn)} 复核：${c.reviewNote}` : ''}
                </div>
              </div>
            ),
          }))}
        />
      </Drawer>
    </Card>
  );
}
