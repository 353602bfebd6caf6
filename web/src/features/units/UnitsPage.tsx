// 单位: the unit tree on the left, the selected unit's teams and posts on the right.
import { useState } from 'react';
import { Button, Card, Empty } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { unitsApi } from '../../api/units';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useCan } from '../../shared/permissions';
import { UnitTree } from './UnitTree';
import { UnitDetailPanel } from './UnitDetailPanel';
import { UnitModal } from './unitModals';

export default function UnitsPage() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const tree = useQuery({ queryKey: ['units', 'tree'], queryFn: unitsApi.tree });
  const selectedId = id ? Number(id) : null;
  const asOf = params.get('asOf');

  const select = (uid: number) => navigate({ pathname: `/units/${uid}`, search: asOf ? `?asOf=${asOf}` : '' });
  const setAsOf = (d: string | null) => {
    const p = new URLSearchParams(params);
    if (d) p.set('asOf', d);
    else p.delete('asOf');
    setParams(p, { replace: true });
  };

  return (
    <div>
      <PageTitle title="单位班子" sub="单位、领导班子、职位及职数配备" />
      {tree.error ? <ErrorAlert error={tree.error} onRetry={() => tree.refetch()} /> : null}
      <div className="units-layout">
        <UnitTree
          tree={tree.data}
          loading={tree.isLoading}
          selectedId={selectedId}
          onSelect={select}
          extra={
            can('unit:write') && (
              <Button size="small" type="text" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="unit-add-root">
                新建
              </Button>
            )
          }
        />
        <div className="units-detail">
          {selectedId ? (
            <UnitDetailPanel unitId={selectedId} asOf={asOf} onAsOf={setAsOf} onSelectUnit={select} />
          ) : (
            <Card>
              <Empty description="请在左侧选择单位，查看其领导班子、职位和职数配备" style={{ padding: '60px 0' }} />
            </Card>
          )}
        </div>
      </div>
      {adding && <UnitModal parent={null} onClose={() => setAdding(false)} onCreated={select} />}
    </div>
  );
}
