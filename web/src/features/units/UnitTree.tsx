// The unit tree with a name filter: matches and their ancestors stay, the rest is hidden.
import { useMemo, useState } from 'react';
import { Card, Empty, Input, Tree, Typography, Skeleton } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { SearchOutlined } from '@ant-design/icons';
import type { UnitNode } from '../../api/units';

interface Props {
  tree: UnitNode[] | undefined;
  loading: boolean;
  selectedId: number | null;
  onSelect: (id: number) => void;
  extra?: React.ReactNode;
}

function highlight(name: string, term: string) {
  if (!term) return name;
  const i = name.indexOf(term);
  if (i < 0) return name;
  return (
    <span>
      {name.slice(0, i)}
      <Typography.Text mark>{term}</Typography.Text>
      {name.slice(i + term.length)}
    </span>
  );
}

/** The tree as antd nodes, keeping only branches that match the term. */
function toNodes(units: UnitNode[], term: string): DataNode[] {
  const out: DataNode[] = [];
  for (const u of units) {
    const children = toNodes(u.children ?? [], term);
    if (term && !u.name.includes(term) && children.length === 0) continue;
    out.push({ key: u.id, title: highlight(u.name, term), children: children.length ? children : undefined, isLeaf: children.length === 0 });
  }
  return out;
}

function pathTo(units: UnitNode[], id: number, trail: number[] = []): number[] | null {
  for (const u of units) {
    if (u.id === id) return trail;
    const p = pathTo(u.children ?? [], id, [...trail, u.id]);
    if (p) return p;
  }
  return null;
}

function allKeys(nodes: DataNode[]): React.Key[] {
  return nodes.flatMap((n) => [n.key, ...allKeys(n.children ?? [])]);
}

export function UnitTree({ tree, loading, selectedId, onSelect, extra }: Props) {
  const [term, setTerm] = useState('');
  const [expanded, setExpanded] = useState<React.Key[] | null>(null);
  const nodes = useMemo(() => toNodes(tree ?? [], term.trim()), [tree, term]);
  const defaultExpanded = useMemo(() => {
    const roots = (tree ?? []).map((u) => u.id);
    const trail = selectedId && tree ? (pathTo(tree, selectedId) ?? []) : [];
    return [...new Set([...roots, ...trail])];
  }, [tree, selectedId]);
  const expandedKeys = term.trim() ? allKeys(nodes) : (expanded ?? defaultExpanded);

  return (
    <Card size="small" title="单位" extra={extra} className="units-tree-panel" styles={{ body: { padding: 8 } }}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder="搜索单位名称"
        onChange={(e) => setTerm(e.target.value)}
        style={{ marginBottom: 8 }}
        data-testid="unit-tree-search"
      />
      <div className="units-tree-scroll" data-testid="unit-tree">
        {loading ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : nodes.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={term ? '没有匹配的单位' : '暂无单位'} />
        ) : (
          <Tree
            treeData={nodes}
            blockNode
            showLine={{ showLeafIcon: false }}
            selectedKeys={selectedId ? [selectedId] : []}
            expandedKeys={expandedKeys}
            onExpand={(keys) => setExpanded(keys)}
            onSelect={(keys) => keys[0] !== undefined && onSelect(Number(keys[0]))}
          />
        )}
      </div>
    </Card>
  );
}
