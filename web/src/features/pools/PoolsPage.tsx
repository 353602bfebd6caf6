// 干部库与清单: the specialty pools, the category lists with their review reminder, the chief reserve
// pool, and the report's figures of them (report part 二 “系统研判精准选”).
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../shared/PageTitle';
import { CategoriesTab } from './CategoriesTab';
import { FiguresPanel } from './FiguresPanel';
import { PoolsTab } from './PoolsTab';
import { ReserveTab } from './ReserveTab';
import { ReviewReminder } from './ReviewReminder';

const TABS = ['pools', 'categories', 'reserve', 'figures'];

export default function PoolsPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.includes(params.get('tab') ?? '') ? params.get('tab')! : 'pools';
  return (
    <div>
      <PageTitle title="干部库与清单" sub="五类干部库 · 四类干部清单 · 正职人选后备库" />
      {tab !== 'categories' && <ReviewReminder compact />}
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyOnHidden
        items={[
          { key: 'pools', label: '五类干部库', children: <PoolsTab /> },
          { key: 'categories', label: '四类干部清单', children: <CategoriesTab reviewsFirst={params.get('review') === '1'} /> },
          { key: 'reserve', label: '正职人选后备库', children: <ReserveTab /> },
          { key: 'figures', label: '报告数据', children: <FiguresPanel /> },
        ]}
      />
    </div>
  );
}
