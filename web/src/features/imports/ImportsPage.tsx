// 数据导入: 任免审批表 files (.lrmx, .lrm + .pic, .zip) as background jobs, and the Excel templates.
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../shared/PageTitle';
import { LrmxImport } from './LrmxImport';
import { ExcelImport } from './ExcelImport';

export default function ImportsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'excel' ? 'excel' : 'lrmx';
  const jobId = Number(params.get('job')) || null;

  const openJob = (id: number | null) => {
    const p = new URLSearchParams();
    if (id) p.set('job', String(id));
    setParams(p);
  };

  return (
    <div>
      <PageTitle title="数据导入" sub="导入任免审批表文件，或按 Excel 模板批量导入、更新" />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'excel' ? new URLSearchParams({ tab: 'excel' }) : new URLSearchParams())}
        items={[
          {
            key: 'lrmx',
            label: <span data-testid="imports-tab-lrmx">任免审批表（LRMX）</span>,
            children: <LrmxImport jobId={jobId} onOpenJob={openJob} />,
          },
          {
            key: 'excel',
            label: <span data-testid="imports-tab-excel">Excel 模板导入</span>,
            children: <ExcelImport />,
          },
        ]}
      />
    </div>
  );
}
