// A file without 身份证号 that matched several cadres by 姓名 + 出生年月: the user picks the cadre it is
// (then its differences are shown and confirmed as any other), or enters the 身份证号 the file lacks
// (matched by it, or a new cadre when nobody has it).
import { useState } from 'react';
import { Button, Input, Space, Table } from 'antd';
import type { ImportCandidate, ImportResult } from '../../api/transfer';
import { ErrorAlert } from '../../shared/ErrorAlert';

export function Ambiguous({
  r,
  pending,
  error,
  onResolve,
}: {
  r: ImportResult;
  pending: boolean;
  error: unknown;
  onResolve: (choice: { cadreId: number } | { idCard: string }) => void;
}) {
  const [idCard, setIdCard] = useState('');
  return (
    <div className="import-diff-wrap" data-testid={`import-ambiguous-${r.seq}`}>
      <div className="import-diff-head">
        <span>
          {r.name} 的文件中没有身份证号，库中有 {r.candidates!.length} 名姓名、出生年月相同的干部：请选择是哪一位，或补录身份证号
        </span>
      </div>
      <Table<ImportCandidate>
        size="small"
        rowKey="cadreId"
        pagination={false}
        dataSource={r.candidates}
        tableLayout="fixed"
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '身份证号', dataIndex: 'idCard', width: 180 },
          { title: '工作单位', dataIndex: 'unitName', render: (v: string | null) => v ?? <span className="muted">—</span> },
          { title: '现任职务', dataIndex: 'currentPost', render: (v: string) => v || <span className="muted">—</span> },
          {
            title: '',
            key: 'choose',
            width: 120,
            render: (_: unknown, c) => (
              <Button
                size="small"
                type="primary"
                ghost
                loading={pending}
                onClick={() => onResolve({ cadreId: c.cadreId })}
                data-testid={`import-choose-${c.cadreId}`}
              >
                是此人
              </Button>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }} wrap>
        <span>都不是：补录身份证号</span>
        <Input
          value={idCard}
          onChange={(e) => setIdCard(e.target.value)}
          maxLength={18}
          placeholder="18 位身份证号"
          style={{ width: 220 }}
          data-testid={`import-idcard-${r.seq}`}
        />
        <Button
          disabled={!idCard.trim()}
          loading={pending}
          onClick={() => onResolve({ idCard: idCard.trim() })}
          data-testid={`import-idcard-ok-${r.seq}`}
        >
          按此身份证号导入
        </Button>
        <span className="muted">（库中没有此身份证号时新建干部）</span>
      </Space>
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}
