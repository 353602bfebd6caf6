// 成员单位 and other roles without a dashboard: a plain welcome.
import { Card, Result, Descriptions } from 'antd';
import { SmileOutlined } from '@ant-design/icons';
import { useAuth } from '../../app/auth';

export default function WelcomePage() {
  const { user } = useAuth();
  if (!user) return null;
  const member = user.permissions.includes('supervision:submit');
  return (
    <Card>
      <Result
        icon={<SmileOutlined style={{ color: '#1f5fbf' }} />}
        title={`欢迎使用 Ganbu 干部管理平台，${user.displayName}`}
        subTitle={
          member
            ? '干部监督信息报送功能即将开通。届时您可在此报送本单位掌握的干部监督信息，并查看本单位已报送的内容。'
            : '您的账号暂未分配业务功能，如需开通请联系安全管理员。'
        }
        extra={
          <Descriptions
            column={1}
            size="small"
            bordered
            style={{ maxWidth: 480, margin: '0 auto', textAlign: 'left' }}
            items={[
              { key: 'u', label: '用户名', children: user.username },
              { key: 'r', label: '角色', children: user.roleName },
              { key: 'a', label: '所属组织部', children: user.authorityName },
            ]}
          />
        }
        data-testid="welcome"
      />
    </Card>
  );
}
