// The forms of the units page: unit, team, post, appointment (任职) and removal (免职).
import { App, AutoComplete, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { unitsApi, type Holder, type Post, type Team, type UnitInfo } from '../../api/units';
import { adminApi } from '../../api/admin';
import { FormModal } from '../../shared/FormModal';
import { CodeSelect } from '../../shared/CodeSelect';
import { CadrePicker } from '../../shared/CadrePicker';
import { DATE_FORMAT, dateOf, fmtDate } from '../../shared/dates';
import { useAuth } from '../../app/auth';

function useKinds() {
  return useQuery({ queryKey: ['units', 'kinds'], queryFn: unitsApi.kinds, staleTime: Infinity });
}

function useRefreshUnits() {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: ['units'] });
    qc.invalidateQueries({ queryKey: ['teams'] });
    qc.invalidateQueries({ queryKey: ['posts'] });
    qc.invalidateQueries({ queryKey: ['stats'] });
    qc.invalidateQueries({ queryKey: ['cadre-appointments'] });
  };
}

const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

// ---- unit ----

interface UnitValues {
  name: string;
  kind: string;
  tier: string;
  authorityId: number;
  parentId: number | null;
  sortOrder?: number;
}

/** New unit (under `parent` or at the top), or edit `unit`. */
export function UnitModal({
  unit,
  parent,
  onClose,
  onCreated,
}: {
  unit?: UnitInfo;
  parent?: UnitInfo | null;
  onClose: () => void;
  onCreated?: (id: number) => void;
}) {
  const { user } = useAuth();
  const { message } = App.useApp();
  const kinds = useKinds();
  const authorities = useQuery({ queryKey: ['authorities'], queryFn: adminApi.authorities, staleTime: 5 * 60_000 });
  const refresh = useRefreshUnits();
  const initial: Partial<UnitValues> = unit
    ? { name: unit.name, kind: unit.kind, tier: unit.tier, authorityId: unit.authorityId, sortOrder: unit.sortOrder }
    : { authorityId: parent?.authorityId ?? user?.authorityId, tier: parent?.tier, parentId: parent?.id ?? null };
  return (
    <FormModal<UnitValues>
      title={unit ? `修改单位：${unit.name}` : parent ? `新建下级单位（上级：${parent.name}）` : '新建单位'}
      initialValues={initial}
      testId="unit-form"
      onSubmit={async (v) => {
        if (unit) {
          await unitsApi.updateUnit(unit.id, {
            name: v.name,
            kind: v.kind,
            tier: v.tier,
            authorityId: v.authorityId,
            sortOrder: v.sortOrder,
            version: unit.version,
          });
          message.success('已保存单位');
        } else {
          const { id } = await unitsApi.createUnit({
            name: v.name,
            kind: v.kind,
            tier: v.tier,
            authorityId: v.authorityId,
            parentId: parent?.id ?? null,
            sortOrder: v.sortOrder,
          });
          message.success('已新建单位');
          onCreated?.(id);
        }
        refresh();
      }}
      onClose={onClose}
    >
      <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
        <Input maxLength={100} placeholder="如：中共青川市委办公室" data-testid="unit-form-name" />
      </Form.Item>
      <Form.Item name="kind" label="单位类别" rules={[{ required: true, message: '请选择单位类别' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(kinds.data?.unitKinds ?? []).map((k) => ({ value: k, label: k }))}
          loading={kinds.isLoading}
          placeholder="请选择"
          data-testid="unit-form-kind"
        />
      </Form.Item>
      <Form.Item name="tier" label="层级" rules={[{ required: true, message: '请选择层级' }]}>
        <Radio.Group options={(kinds.data?.tiers ?? []).map((t) => ({ value: t.code, label: t.name }))} />
      </Form.Item>
      <Form.Item name="authorityId" label="干部管理权限（组织部）" rules={[{ required: true, message: '请选择管理单位' }]}>
        <Select
          options={(authorities.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          loading={authorities.isLoading}
          placeholder="请选择"
        />
      </Form.Item>
      <Form.Item name="sortOrder" label="排序号" extra="小的排在前面；不填则排在最后。">
        <InputNumber min={0} max={1000000} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}

// ---- team ----

interface TeamValues {
  name: string;
  kind: string;
  sortOrder?: number;
}

export function TeamModal({ unit, team, onClose }: { unit: UnitInfo; team?: Team; onClose: () => void }) {
  const { message } = App.useApp();
  const kinds = useKinds();
  const refresh = useRefreshUnits();
  return (
    <FormModal<TeamValues>
      title={team ? `修改班子：${team.name}` : `新建班子（${unit.name}）`}
      initialValues={team ? { name: team.name, kind: team.kind, sortOrder: team.sortOrder } : { name: `${unit.name}领导班子` }}
      testId="team-form"
      onSubmit={async (v) => {
        if (team) await unitsApi.updateTeam(team.id, { ...v, version: team.version });
        else await unitsApi.createTeam({ ...v, unitId: unit.id });
        message.success(team ? '已保存班子' : '已新建班子');
        refresh();
      }}
      onClose={onClose}
    >
      <Form.Item name="name" label="班子名称" rules={[{ required: true, whitespace: true, message: '请填写班子名称' }]}>
        <Input maxLength={100} data-testid="team-form-name" />
      </Form.Item>
      <Form.Item name="kind" label="班子类别" rules={[{ required: true, message: '请选择班子类别' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(kinds.data?.teamKinds ?? []).map((k) => ({ value: k, label: k }))}
          loading={kinds.isLoading}
          placeholder="请选择"
          data-testid="team-form-kind"
        />
      </Form.Item>
      <Form.Item name="sortOrder" label="排序号">
        <InputNumber min={0} max={1000000} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}

// ---- post ----

interface PostValues {
  title: string;
  levelCode: string;
  isChief: boolean;
  quota: number;
  sortOrder?: number;
}

export function PostModal({ team, post, onClose }: { team: Team; post?: Post; onClose: () => void }) {
  const { message } = App.useApp();
  const refresh = useRefreshUnits();
  return (
    <FormModal<PostValues>
      title={post ? `修改职位：${post.title}` : `新建职位（${team.name}）`}
      initialValues={
        post
          ? { title: post.title, levelCode: post.levelCode, isChief: post.isChief, quota: post.quota, sortOrder: post.sortOrder }
          : { isChief: false, quota: 1 }
      }
      testId="post-form"
      onSubmit={async (v) => {
        if (post) await unitsApi.updatePost(post.id, { ...v, version: post.version });
        else await unitsApi.createPost({ ...v, teamId: team.id });
        message.success(post ? '已保存职位' : '已新建职位');
        refresh();
      }}
      onClose={onClose}
    >
      <Form.Item name="title" label="职位名称" rules={[{ required: true, whitespace: true, message: '请填写职位名称' }]}>
        <Input maxLength={100} placeholder="如：副区长" data-testid="post-form-title" />
      </Form.Item>
      <Form.Item name="levelCode" label="职务层次" rules={[{ required: true, message: '请选择职务层次' }]}>
        <CodeSelect table="level" data-testid="post-form-level" />
      </Form.Item>
      <Form.Item name="isChief" label="正/副职" rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: true, label: '正职' },
            { value: false, label: '副职' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="quota"
        label="核定职数"
        rules={[{ required: true, message: '请填写核定职数' }]}
        extra={post ? '核定职数不能少于现有在任人数。' : undefined}
      >
        <InputNumber min={0} max={99} precision={0} style={{ width: 160 }} data-testid="post-form-quota" />
      </Form.Item>
      <Form.Item name="sortOrder" label="排序号">
        <InputNumber min={0} max={1000000} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}

// ---- appointment ----

interface AppointValues {
  cadreId: number;
  startDate: Dayjs;
  startDocNo: string;
}

export function AppointModal({ post, team, onClose }: { post: Post; team: Team; onClose: () => void }) {
  const { message } = App.useApp();
  const refresh = useRefreshUnits();
  return (
    <FormModal<AppointValues>
      title={`任职：${team.name} · ${post.title}`}
      okText="确认任职"
      initialValues={{ startDate: dayjs(), startDocNo: '' }}
      testId="appoint-form"
      onSubmit={async (v) => {
        await unitsApi.appoint({ cadreId: v.cadreId, postId: post.id, startDate: dateOf(v.startDate)!, startDocNo: v.startDocNo?.trim() ?? '' });
        message.success('已办理任职');
        refresh();
      }}
      onClose={onClose}
    >
      <div className="muted" style={{ marginBottom: 12 }}>
        {post.levelName} · {post.isChief ? '正职' : '副职'} · 核定 {post.quota} 名，已配 {post.filled} 名
        {post.vacant > 0 ? `，空缺 ${post.vacant} 名` : '，无空缺'}
      </div>
      <Form.Item name="cadreId" label="干部" rules={[{ required: true, message: '请选择干部' }]}>
        <CadrePicker testId="appoint-cadre" />
      </Form.Item>
      <Form.Item name="startDate" label="任职日期" rules={[{ required: true, message: '请选择任职日期' }]}>
        <DatePicker format={DATE_FORMAT} disabledDate={notFuture} style={{ width: 200 }} data-testid="appoint-start-date" />
      </Form.Item>
      <Form.Item name="startDocNo" label="任职文号">
        <Input maxLength={100} placeholder="如：青组干〔2024〕12号" data-testid="appoint-doc-no" />
      </Form.Item>
    </FormModal>
  );
}

// ---- removal ----

interface EndValues {
  endDate: Dayjs;
  endDocNo: string;
  endReason: string;
}

const END_REASONS = ['工作调动', '职务晋升', '改任非领导职务', '到龄退休', '辞职', '免职处理', '其他'];

export function EndModal({ holder, post, onClose }: { holder: Holder; post: Post; onClose: () => void }) {
  const { message } = App.useApp();
  const refresh = useRefreshUnits();
  return (
    <FormModal<EndValues>
      title={`免职：${holder.name}（${post.title}）`}
      okText="确认免职"
      initialValues={{ endDate: dayjs(), endDocNo: '', endReason: '' }}
      testId="end-form"
      onSubmit={async (v) => {
        await unitsApi.endAppointment(holder.appointmentId, {
          endDate: dateOf(v.endDate)!,
          endDocNo: v.endDocNo?.trim() ?? '',
          endReason: v.endReason ?? '',
        });
        message.success('已办理免职');
        refresh();
      }}
      onClose={onClose}
    >
      <div className="muted" style={{ marginBottom: 12 }}>
        任职日期 {fmtDate(holder.startDate)}
        {holder.startDocNo ? `，文号 ${holder.startDocNo}` : ''}。免职日期当日起不再在任。
      </div>
      <Form.Item name="endDate" label="免职日期" rules={[{ required: true, message: '请选择免职日期' }]}>
        <DatePicker format={DATE_FORMAT} disabledDate={notFuture} style={{ width: 200 }} data-testid="end-date" />
      </Form.Item>
      <Form.Item name="endDocNo" label="免职文号">
        <Input maxLength={100} data-testid="end-doc-no" />
      </Form.Item>
      <Form.Item name="endReason" label="免职原因">
        <AutoComplete
          allowClear
          options={END_REASONS.map((r) => ({ value: r }))}
          showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input.trim()) }}
          placeholder="可选择或直接填写"
          maxLength={200}
          data-testid="end-reason"
        />
      </Form.Item>
    </FormModal>
  );
}
