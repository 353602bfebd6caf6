// 新建干部: the profile form, saved with POST /api/cadres.
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { cadresApi, type CadreInput } from '../../api/cadres';
import { PageTitle } from '../../shared/PageTitle';
import { useAuth } from '../../app/auth';
import { CadreForm } from './CadreForm';

export default function CadreNewPage() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { user } = useAuth();

  const create = async (input: CadreInput) => {
    const saved = await cadresApi.create(input);
    qc.setQueryData(['cadre', saved.id], saved);
    qc.invalidateQueries({ queryKey: ['cadres'] });
    qc.invalidateQueries({ queryKey: ['stats'] });
    message.success('已新建干部档案，可继续上传照片');
    navigate(`/cadres/${saved.id}`, { replace: true });
  };

  return (
    <div>
      <PageTitle title="新建干部" sub="按干部任免审批表填写；带 * 的为必填项" />
      <CadreForm cadre={null} defaultAuthorityId={user?.authorityId} onSubmit={create} onCancel={() => navigate(-1)} />
    </div>
  );
}
