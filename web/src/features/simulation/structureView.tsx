// Shared pieces of 班子研判 and 模拟调配: the structure summary as rows (one column per team state,
// so today and plans sit side by side) and the rule findings with members linked to their profiles.
import { Empty, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { Experience, Finding, MemberLine, TeamStructure } from '../../api/simulation';
import { useCodeName } from '../../shared/codes';
import { RULE_NAMES } from '../../api/analysis';

export const AVOIDANCE_RULES = new Set(['avoidance-native-place', 'avoidance-kin']);

const EDUCATION_NAMES: Record<string, string> = { graduate: '研究生', bachelor: '大学', college: '大专', secondary: '中专及以下', unknown: '未填' };
export const educationName = (tier: string) => EDUCATION_NAMES[tier] ?? tier;

const counts = (items: { label: string; count: number }[]) =>
  items
    .filter((i) => i.count > 0)
    .map((i) => `${i.label} ${i.count}`)
    .join('，') || '—';
const years = (v: number | null) => (v === null ? '—' : `${v} 年`);

interface Row {
  key: string;
  label: string;
  values: string[];
}

/** The summary as labelled lines (the same keys for every structure, so states line up). */
function lines(s: TeamStructure, levelName: (code: string) => string): { key: string; label: string; value: string }[] {
  return [
    {
      key: 'size',
      label: '职数配备',
      value: `核定 ${s.size.quota}，实配 ${s.size.members}，空缺 ${s.size.vacant}${s.size.overQuota ? `，超配 ${s.size.overQuota}` : ''}`,
    },
    { key: 'chief', label: '正职', value: `核定 ${s.chief.quota}，在任 ${s.chief.filled}${s.chief.vacant ? `，空缺 ${s.chief.vacant}` : ''}` },
    {
      key: 'levels',
      label: '分层次空缺',
      value:
        s.byLevel
          .map(
            (l) =>
              `${levelName(l.levelCode)} ${l.filled}/${l.quota}${l.vacant ? `（缺 ${l.vacant}）` : ''}${l.overQuota ? `（超 ${l.overQuota}）` : ''}`,
          )
          .join('；') || '—',
    },
    { key: 'avgAge', label: '平均年龄', value: s.age.average === null ? '—' : `${s.age.average} 岁` },
    { key: 'bands', label: '年龄段', value: counts(s.age.bands) },
    { key: 'youngest', label: '最年轻', value: s.age.youngest ? `${s.age.youngest.name}（${s.age.youngest.age} 岁）` : '—' },
    {
      key: 'young',
      label: '年轻干部',
      value: s.age.youngLimit === null ? '—' : `${s.age.young} 名（${s.age.band}级 ${s.age.youngLimit} 岁及以下）`,
    },
    { key: 'gender', label: '性别', value: `男 ${s.gender.male}，女 ${s.gender.female}` },
    { key: 'party', label: '党员/党外', value: `中共党员 ${s.party.party}，党外 ${s.party.nonParty}` },
    { key: 'minority', label: '少数民族', value: `${s.ethnicMinority} 名` },
    { key: 'education', label: '最高学历', value: counts(s.education) },
    {
      key: 'specialties',
      label: '专业结构',
      value: s.specialties.map((x) => `${x.name} ${x.count}${x.needed && x.count === 0 ? '（缺）' : ''}`).join('，'),
    },
    { key: 'sources', label: '来源', value: counts(s.sources) },
    {
      key: 'experience',
      label: '经历',
      value:
        s.experience.read === 0
          ? '无简历可读'
          : `${s.experience.counts.map((c) => `${c.label} ${c.count}`).join('，')}（据简历${s.experience.read < s.size.members ? `；${s.size.members - s.experience.read} 人无简历，未计` : ''}）`,
    },
    {
      key: 'tenure',
      label: '任职年限',
      value: `平均任现职 ${years(s.tenure.averagePostYears)}，满一个任期 ${s.tenure.pastOneTerm} 名，平均任现职级 ${years(s.tenure.averageLevelYears)}`,
    },
  ];
}

/** One column per state (现状, 方案…); a value differing from the first column is marked. */
export function StructureTable({ states, testId }: { states: { title: string; structure: TeamStructure }[]; testId?: string }) {
  const codeName = useCodeName();
  const levelName = (code: string) => codeName('level', code) || code;
  const all = states.map((s) => lines(s.structure, levelName));
  const rows: Row[] = (all[0] ?? []).map((l, i) => ({ key: l.key, label: l.label, values: all.map((a) => a[i]!.value) }));
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid={testId}
      columns={[
        { title: '项目', dataIndex: 'label', width: 96, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
        ...states.map((s, i) => ({
          title: s.title,
          key: `s${i}`,
          render: (_: unknown, r: Row) => {
            const changed = i > 0 && r.values[i] !== r.values[0];
            return (
              <span className={changed ? 'structure-changed' : undefined} data-testid={`structure-${r.key}-${i}`}>
                {r.values[i]}
              </span>
            );
          },
        })),
      ]}
    />
  );
}

/** Names of members by cadre id, from the structures' member lines. */
export function nameIndex(...lists: MemberLine[][]): Map<number, string> {
  const m = new Map<number, string>();
  for (const list of lists) for (const x of list) if (x.cadreId !== undefined) m.set(x.cadreId, x.name);
  return m;
}

export function FindingsList({
  findings,
  names,
  mark,
  testId,
  empty = '未发现结构问题',
}: {
  findings: Finding[];
  names: Map<number, string>;
  /** a tag shown on some findings (e.g. 新出现) */
  mark?: (f: Finding) => { text: string; color: string } | null;
  testId?: string;
  empty?: string;
}) {
  if (findings.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} data-testid={testId} />;
  return (
    <div data-testid={testId}>
      {findings.map((f, i) => {
        const m = mark?.(f);
        return (
          <div key={i} className="finding-item" data-testid={`finding-${f.rule}`} data-rule={f.rule}>
            <div>
              <Tag color={AVOIDANCE_RULES.has(f.rule) ? 'purple' : 'volcano'}>{RULE_NAMES[f.rule] ?? f.rule}</Tag>
              {m && <Tag color={m.color}>{m.text}</Tag>}
              <span>{f.detail}</span>
            </div>
            {f.members && f.members.length > 0 && (
              <div className="finding-members">
                涉及：
                {f.members.map((x, j) =>
                  typeof x === 'number' ? (
                    <Link key={j} to={`/cadres/${x}`} style={{ marginInlineEnd: 8 }}>
                      {names.get(x) ?? `干部 ${x}`}
                    </Link>
                  ) : (
                    <span key={j} style={{ marginInlineEnd: 8 }}>
                      {x}
                    </span>
                  ),
                )}
              </div>
            )}
            <Tooltip title={f.source}>
              <Typography.Text type="secondary" ellipsis className="finding-source">
                依据：{f.source}
              </Typography.Text>
            </Tooltip>
          </div>
        );
      })}
    </div>
  );
}

const EXPERIENCE_NAMES: Record<string, string> = { grassroots: '基层', city: '市直' };

/** A member's tags and the experience read from the 简历, the line it rests on in a tooltip. */
function Sources({ tags, experience }: { tags: string[]; experience: Experience[] | null }) {
  if (tags.length === 0 && !experience?.length) return <>—</>;
  return (
    <span>
      {tags.join('、')}
      {(experience ?? []).map((e) => (
        <Tooltip key={e.kind} title={`据简历：${e.since ? `${e.since.replace('-', '.')} ` : ''}${e.evidence}`}>
          <Tag color="cyan" style={{ marginInlineStart: 4 }} data-testid={`experience-${e.kind}`}>
            {EXPERIENCE_NAMES[e.kind]}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}

/** The members with their facts, names linked to profiles. */
export function MembersTable({ members, highlight }: { members: MemberLine[]; highlight?: (m: MemberLine) => string | null }) {
  const codeName = useCodeName();
  return (
    <Table<MemberLine>
      rowKey={(m) => String(m.cadreId ?? m.name)}
      size="small"
      pagination={false}
      dataSource={members}
      // Wide enough that 专长 and 来源 keep a readable width in the half-width comparison; it scrolls there.
      scroll={{ x: 1000 }}
      columns={[
        {
          title: '姓名',
          dataIndex: 'name',
          width: 110,
          render: (v: string, m) => (
            <span>
              {m.cadreId ? <Link to={`/cadres/${m.cadreId}`}>{v}</Link> : v}
              {highlight?.(m) && (
                <Tag color="green" style={{ marginInlineStart: 4 }}>
                  {highlight(m)}
                </Tag>
              )}
            </span>
          ),
        },
        {
          title: '职务层次',
          dataIndex: 'levelCode',
          width: 110,
          render: (v: string | null, m) => `${codeName('level', v) || '—'}${m.isChief ? '（正职）' : ''}`,
        },
        { title: '性别', dataIndex: 'gender', width: 50, render: (v: string) => (v === '2' ? '女' : '男') },
        { title: '年龄', dataIndex: 'age', width: 50 },
        { title: '党派', dataIndex: 'party', width: 60, render: (v: boolean) => (v ? '党员' : '党外') },
        { title: '学历', dataIndex: 'educationTier', width: 80, render: educationName },
        { title: '专长', dataIndex: 'specialties', width: 130, render: (v: string[]) => v.join('、') || '—' },
        { title: '来源', dataIndex: 'tags', width: 150, render: (v: string[], m) => <Sources tags={v} experience={m.experience} /> },
        { title: '任现职', dataIndex: 'postYears', width: 90, render: (v: number | null, m) => (v === null ? '—' : `${v} 年（第${m.term}任期）`) },
        { title: '任现职级', dataIndex: 'levelYears', width: 76, render: (v: number | null) => years(v) },
      ]}
    />
  );
}
