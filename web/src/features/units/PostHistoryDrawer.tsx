// Who held a post when, newest first.
import { Drawer, Table, Tag, Descriptions } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unitsApi, type PostHistory } from '../../api/units';
import { fmtDate } from '../../shared/dates';
import { ErrorAlert } from '../../shared/ErrorAlert';

type Item = PostHistory['items'][number];

export function PostHistoryDrawer({ postId, onClose }: { postId: number; onClose: () => void }) {
  const q = useQuery({ queryKey: ['posts', postId, 'history'], queryFn: () => unitsApi.postHistory(postId) });
  const p = q.data?.post;
  return (
    <Drawer open onClose={onClose} size={720} title={p ? `任职历史：${p.title}` : '任职历史'} data-testid="post-history">
      {q.error ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} /> : null}
      {p && (
        <Descriptions
          size="small"
          column={2}
          bordered
          style={{ marginBottom: 16 }}
          items={[
            { key: 'unit', label: '单位', children: p.unitName },
            { key: 'team', label: '班子', children: p.teamName },
            { key: 'level', label: '职务层次', children: p.levelName },
            { key: 'chief', label: '正/副职', children: p.isChief ? '正职' : '副职' },
            { key: 'quota', label: '核定职数', children: p.quota },
          ]}
        />
      )}
      <Table<Item>
        rowKey="appointmentId"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '该职位尚无任职记录' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90, render: (v: string, r) => <Link to={`/cadres/${r.cadreId}`}>{v}</Link> },
          {
            title: '任职时间',
            key: 'span',
            width: 200,
            render: (_: unknown, r) => (
              <span className="nowrap">
                {fmtDate(r.startDate)} — {r.endDate ? fmtDate(r.endDate) : <Tag color="green">在任</Tag>}
              </span>
            ),
          },
          { title: '任职文号', dataIndex: 'startDocNo', ellipsis: true },
          { title: '免职文号', dataIndex: 'endDocNo', ellipsis: true },
          { title: '免职原因', dataIndex: 'endReason', width: 110, ellipsis: true },
        ]}
      />
    </Drawer>
  );
}
