// 干部查询: combined conditions, a server-paged and sorted table; conditions live in the URL.
import { useMemo, useState } from 'react';
import { App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType, SorterResult, SortOrder } from 'antd/es/table/interface';
import { ExportOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { cadresApi, type CadreListItem, type CadreQuery } from '../../api/cadres';
import { errorMessage } from '../../api/client';
import { transferApi } from '../../api/transfer';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { fmtMonth } from '../../shared/dates';
import { useCodeName } from '../../shared/codes';
import { useCan } from '../../shared/permissions';
import { SearchConditions } from './SearchConditions';
import { RosterExportModal } from './RosterExportModal';
import { conditionsFromUrl, hasAdvanced, queryFromUrl, urlFromConditions, type Conditions } from './searchParams';

const SORT_KEYS: Record<string, string> = { name: 'pinyin', birthDate: 'birthDate', levelCode: 'level' };

export default function CadreSearchPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const can = useCan();
  const codeName = useCodeName();
  const key = params.toString();
  // The URL string is the identity of the search.
  const initial = useMemo(() => conditionsFromUrl(params), [key]);
  const query = useMemo(() => queryFromUrl(params), [key]);
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const sort = params.get('sort') ?? 'pinyin';
  const order = params.get('order') ?? 'asc';
  const { message } = App.useApp();
  const [selected, setSelected] = useState<number[]>([]);
  const [rosterOpen, setRosterOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  // the roster takes the search's conditions, not its paging
  const rosterQuery = useMemo(() => {
    const { page: _p, pageSize: _s, ...rest } = query;
    return rest as CadreQuery;
  }, [query]);

  const exportLrmx = async () => {
    setExporting(true);
    try {
      const { name } = await transferApi.exportLrmxZip(selected);
      message.success(`已导出 ${selected.length} 人的任免审批表：${name}`);
    } catch (e) {
      message.error(`导出失败：${errorMessage(e)}`);
    } finally {
      setExporting(false);
    }
  };

  const res = useQuery({
    queryKey: ['cadres', 'search', key],
    queryFn: ({ signal }) => cadresApi.search(query, signal),
    placeholderData: keepPreviousData,
  });

  const onSearch = (c: Conditions) => setParams(urlFromConditions(c, params));
  const setParam = (changes: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) p.delete(k);
      else p.set(k, v);
    }
    setParams(p);
  };

  const sortOrderOf = (col: string): SortOrder => (SORT_KEYS[col] === sort ? (order === 'desc' ? 'descend' : 'ascend') : null);

  const columns: ColumnsType<CadreListItem> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 96,
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (v: string, r: CadreListItem) => (
        <Link to={`/cadres/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="result-name">
          {v}
        </Link>
      ),
    },
    { title: '性别', dataIndex: 'gender', width: 56, align: 'center', render: (v: string) => codeName('gender', v) },
    {
      title: '出生年月（年龄）',
      dataIndex: 'birthDate',
      width: 148,
      sorter: true,
      sortOrder: sortOrderOf('birthDate'),
      render: (v: string, r: CadreListItem) => (
        <span className="nowrap">
          {fmtMonth(v)}（{r.age}岁）
        </span>
      ),
    },
    { title: '民族', dataIndex: 'ethnicCode', width: 72, render: (v: string) => codeName('ethnic', v) },
    { title: '政治面貌', dataIndex: 'politicalStatus', width: 90, ellipsis: true, render: (v: string) => codeName('political', v) },
    { title: '学历', dataIndex: 'highestEducation', width: 96, ellipsis: true, render: (v: string | null) => codeName('education', v) },
    {
      title: '职务层次',
      dataIndex: 'levelCode',
      width: 100,
      sorter: true,
      sortOrder: sortOrderOf('levelCode'),
      ellipsis: true,
      render: (v: string | null) => codeName('level', v),
    },
    { title: '职级', dataIndex: 'rankCode', width: 100, ellipsis: true, render: (v: string | null) => codeName('rank', v) },
    {
      title: '现任职务',
      dataIndex: 'currentPost',
      ellipsis: { showTitle: false },
      render: (v: string, r: CadreListItem) => (
        <Typography.Text ellipsis={{ tooltip: v || r.unitName }} style={{ maxWidth: '100%' }}>
          {v || r.unitName || <span className="muted">—</span>}
        </Typography.Text>
      ),
    },
    {
      title: '标签',
      dataIndex: 'tags',
      width: 130,
      render: (tags: string[]) => (
        <Space size={[2, 2]} wrap>
          {tags.slice(0, 3).map((t) => (
            <Tag key={t} style={{ marginInlineEnd: 0 }}>
              {t}
            </Tag>
          ))}
          {tags.length > 3 && <span className="muted">…</span>}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageTitle
        title="干部查询"
        sub="按条件组合查询，点击一行打开干部档案"
        extra={
          <Space wrap>
            {can('cadre:export') && (
              <>
                <Button icon={<FileExcelOutlined />} onClick={() => setRosterOpen(true)} data-testid="roster-export">
                  导出花名册
                </Button>
                <Tooltip title={selected.length ? undefined : '先在表格中勾选干部'}>
                  <Button
                    icon={<ExportOutlined />}
                    disabled={!selected.length}
                    loading={exporting}
                    onClick={exportLrmx}
                    data-testid="lrmx-batch-export"
                  >
                    批量导出 LRMX{selected.length ? `（${selected.length}）` : ''}
                  </Button>
                </Tooltip>
              </>
            )}
            {can('cadre:write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/cadres/new')} data-testid="cadre-new">
                新建干部
              </Button>
            )}
          </Space>
        }
      />
      <SearchConditions initial={initial} advancedOpen={hasAdvanced(params)} onSearch={onSearch} onReset={() => setParams(new URLSearchParams())} />
      {res.error ? <ErrorAlert error={res.error} onRetry={() => res.refetch()} /> : null}
      <Card size="small">
        <Table<CadreListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={res.data?.items ?? []}
          loading={res.isFetching}
          tableLayout="fixed"
          scroll={{ x: 990 }}
          locale={{ emptyText: res.isLoading ? '正在查询…' : '没有符合条件的干部' }}
          rowSelection={
            can('cadre:export')
              ? {
                  selectedRowKeys: selected,
                  preserveSelectedRowKeys: true,
                  onChange: (keys) => setSelected(keys as number[]),
                  columnWidth: 40,
                  getCheckboxProps: (r) => ({ 'data-testid': `result-select-${r.id}` }) as object,
                }
              : undefined
          }
          onRow={(r) =>
            ({
              onClick: (e: React.MouseEvent) => {
                // a click on the selection checkbox selects, it does not open the profile
                if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return;
                navigate(`/cadres/${r.id}`);
              },
              style: { cursor: 'pointer' },
              'data-testid': `result-row-${r.id}`,
            }) as React.HTMLAttributes<HTMLElement>
          }
          onChange={(pg, _f, sorter) => {
            const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CadreListItem>;
            const col = String(s?.field ?? '');
            const newSort = s?.order ? (SORT_KEYS[col] ?? 'pinyin') : 'pinyin';
            const newOrder = s?.order === 'descend' ? 'desc' : 'asc';
            const sortChanged = newSort !== sort || newOrder !== order;
            setParam({
              sort: newSort === 'pinyin' && newOrder === 'asc' ? null : newSort,
              order: newOrder === 'asc' ? null : newOrder,
              page: sortChanged || pg.pageSize !== pageSize ? null : String(pg.current ?? 1),
              pageSize: pg.pageSize && pg.pageSize !== 20 ? String(pg.pageSize) : null,
            });
          }}
          pagination={{
            current: page,
            pageSize,
            total: res.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showQuickJumper: true,
            showTotal: (t) => `共 ${t} 人`,
          }}
          data-testid="results-table"
        />
        {selected.length > 0 && (
          <div className="muted" style={{ marginTop: -8, fontSize: 12 }} data-testid="selection-info">
            已勾选 {selected.length} 人（可跨页勾选）
            <Button type="link" size="small" onClick={() => setSelected([])}>
              清除勾选
            </Button>
          </div>
        )}
      </Card>
      <RosterExportModal open={rosterOpen} query={rosterQuery} total={res.data?.total} onClose={() => setRosterOpen(false)} />
    </div>
  );
}
