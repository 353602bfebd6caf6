// 导出花名册: pick the columns (the defaults pre-checked) and their order, then download the Excel
// roster of the current search conditions.
import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Modal, Space, Spin, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import type { CadreQuery } from '../../api/cadres';
import { transferApi, type RosterColumn } from '../../api/transfer';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { tidButton } from '../../shared/testId';

interface Item extends RosterColumn {
  checked: boolean;
}

/** The defaults first (in the server's order), then the others. */
const initialItems = (cols: RosterColumn[]): Item[] => [
  ...cols.filter((c) => c.default).map((c) => ({ ...c, checked: true })),
  ...cols.filter((c) => !c.default).map((c) => ({ ...c, checked: false })),
];

export function RosterExportModal({ open, query, total, onClose }: { open: boolean; query: CadreQuery; total?: number; onClose: () => void }) {
  const { message } = App.useApp();
  const cols = useQuery({ queryKey: ['roster-columns'], queryFn: transferApi.rosterColumns, staleTime: Infinity, enabled: open });
  const [items, setItems] = useState<Item[]>([]);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState<number | null>(null);

  useEffect(() => {
    if (cols.data && items.length === 0) setItems(initialItems(cols.data));
  }, [cols.data, items.length]);

  const move = (from: number, to: number) => {
    if (to < 0 || to >= items.length || from === to) return;
    setItems((list) => {
      const next = [...list];
      const [it] = next.splice(from, 1);
      next.splice(to, 0, it);
      return next;
    });
  };
  const chosen = items.filter((i) => i.checked);

  const download = async () => {
    setBusy(true);
    try {
      const { name } = await transferApi.exportRoster(
        query,
        chosen.map((i) => i.key),
      );
      message.success(`已导出 ${name}`);
      onClose();
    } catch (e) {
      message.error(`导出失败：${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="导出花名册"
      width={560}
      onCancel={onClose}
      onOk={download}
      okText={`导出 Excel${total !== undefined ? `（${total} 人）` : ''}`}
      cancelText="取消"
      okButtonProps={tidButton('roster-download', { disabled: chosen.length === 0, loading: busy })}
      destroyOnHidden={false}
      data-testid="roster-modal"
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
        <span className="muted">勾选要导出的列，拖动或用箭头调整顺序（已选 {chosen.length} 列）</span>
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setItems((l) => l.map((i) => ({ ...i, checked: true })))}>
            全选
          </Button>
          <Button size="small" type="link" onClick={() => cols.data && setItems(initialItems(cols.data))}>
            恢复默认
          </Button>
        </Space>
      </div>
      {cols.error ? <ErrorAlert error={cols.error} onRetry={() => cols.refetch()} /> : null}
      {cols.isLoading && <Spin className="page-spin" />}
      <div className="roster-columns" data-testid="roster-columns">
        {items.map((it, i) => (
          <div
            key={it.key}
            className={`roster-col${it.checked ? '' : ' off'}${dragging === i ? ' dragging' : ''}`}
            draggable
            onDragStart={(e) => {
              setDragging(i);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e) => {
              e.preventDefault();
              if (dragging !== null && dragging !== i) {
                move(dragging, i);
                setDragging(i);
              }
            }}
            onDragEnd={() => setDragging(null)}
            data-testid={`roster-col-${it.key}`}
          >
            <HolderOutlined className="roster-col-handle" />
            <Checkbox
              checked={it.checked}
              onChange={(e) => setItems((l) => l.map((x) => (x.key === it.key ? { ...x, checked: e.target.checked } : x)))}
              data-testid={`roster-check-${it.key}`}
            >
              {it.label}
            </Checkbox>
            <span style={{ flex: 1 }} />
            <Tooltip title="上移">
              <Button
                size="small"
                type="text"
                icon={<ArrowUpOutlined />}
                disabled={i === 0}
                onClick={() => move(i, i - 1)}
                data-testid={`roster-up-${it.key}`}
              />
            </Tooltip>
            <Tooltip title="下移">
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                disabled={i === items.length - 1}
                onClick={() => move(i, i + 1)}
                data-testid={`roster-down-${it.key}`}
              />
            </Tooltip>
          </div>
        ))}
      </div>
    </Modal>
  );
}
