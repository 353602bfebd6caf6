// 角色权限: each role's permissions as checkboxes; the server refuses cadre-data permissions to the
// three admin roles (三员分立) and its message is shown as is.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { SaveOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminApi, type Role } from '../../api/admin';
import { PageTitle } from '../../shared/PageTitle';
import { ErrorAlert } from '../../shared/ErrorAlert';

const ADMIN_ROLES = ['system_admin', 'security_admin', 'audit_admin'];
const CADRE_DATA = ['cadre:read', 'cadre:write', 'cadre:export', 'stats:read', 'appointment:write', 'analysis:write'];

function RoleEditor({ role, catalogue }: { role: Role; catalogue: Record<string, string> }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [checked, setChecked] = useState<string[]>(role.permissions);
  useEffect(() => {
    setChecked(role.permissions);
  }, [role]);
  const dirty = useMemo(() => [...checked].sort().join() !== [...role.permissions].sort().join(), [checked, role.permissions]);
  const save = useMutation({
    mutationFn: () => adminApi.setRolePermissions(role.id, checked),
    onSuccess: () => {
      message.success(`已保存「${role.name}」的权限`);
      qc.invalidateQueries({ queryKey: ['roles'] });
      qc.invalidateQueries({ queryKey: ['me'] });
    },
  });
  const isAdmin = ADMIN_ROLES.includes(role.code);

  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          {role.name}
          {role.builtIn ? <Tag>内置角色</Tag> : null}
        </Space>
      }
      extra={
        <Space>
          <Button disabled={!dirty || save.isPending} onClick={() => setChecked(role.permissions)}>
            撤销修改
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => save.mutate()}
            data-testid="role-save"
          >
            保存
          </Button>
        </Space>
      }
      data-testid={`role-editor-${role.code}`}
    >
      {isAdmin && (
        <Alert
          type="info"
          showIcon
          title="三员分立：系统管理员、安全管理员、审计管理员不得拥有查阅或维护干部数据的权限。"
          style={{ marginBottom: 16 }}
        />
      )}
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Checkbox.Group value={checked} onChange={(v) => setChecked(v as string[])} style={{ width: '100%' }} data-testid="role-permissions">
        <Row gutter={[16, 12]} style={{ width: '100%' }}>
          {Object.entries(catalogue).map(([code, label]) => (
            <Col span={12} key={code}>
              <Checkbox value={code} data-testid={`perm-${code}`}>
                {label}
                {CADRE_DATA.includes(code) && (
                  <Tag color="volcano" style={{ marginInlineStart: 8 }}>
                    干部数据
                  </Tag>
                )}
              </Checkbox>
            </Col>
          ))}
        </Row>
      </Checkbox.Group>
    </Card>
  );
}

export default function RolesPage() {
  const roles = useQuery({ queryKey: ['roles'], queryFn: adminApi.roles });
  const catalogue = useQuery({ queryKey: ['permissions'], queryFn: adminApi.permissions, staleTime: Infinity });
  const [selected, setSelected] = useState<number | null>(null);
  const role = roles.data?.find((r) => r.id === selected) ?? roles.data?.[0];

  return (
    <div>
      <PageTitle title="角色权限" sub="修改后，该角色用户的权限立即生效" />
      {roles.error || catalogue.error ? (
        <ErrorAlert error={roles.error ?? catalogue.error} onRetry={() => (roles.refetch(), catalogue.refetch())} />
      ) : null}
      <div className="roles-layout">
        <div>
          <Card size="small" title="角色" loading={roles.isLoading}>
            <List<Role>
              dataSource={roles.data ?? []}
              locale={{ emptyText: '暂无角色' }}
              renderItem={(r) => (
                <List.Item
                  onClick={() => setSelected(r.id)}
                  style={{ cursor: 'pointer', paddingInline: 8, background: r.id === role?.id ? '#e8f0fc' : undefined, borderRadius: 4 }}
                  data-testid={`role-${r.code}`}
                >
                  <Typography.Text strong={r.id === role?.id}>{r.name}</Typography.Text>
                  <span className="muted">{r.permissions.length} 项</span>
                </List.Item>
              )}
            />
          </Card>
        </div>
        <div style={{ minWidth: 0 }}>
          {role && catalogue.data ? (
            <RoleEditor key={role.id} role={role} catalogue={catalogue.data} />
          ) : (
            <Card loading={roles.isLoading || catalogue.isLoading}>{!roles.isLoading && <Empty description="请选择角色" />}</Card>
          )}
        </div>
      </div>
    </div>
  );
}
