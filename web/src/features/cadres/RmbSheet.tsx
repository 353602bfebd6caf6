// The profile laid out as the 干部任免审批表 (LRMX.md §5): photo over four rows, the 学历学位 block,
// 简历 with its dates column, then 奖惩, 考核 and the family table.
import type { Cadre } from '../../api/cadres';
import { fmtMonth } from '../../shared/dates';
import { appraisalText, familyAge, partyText, resumeDates, rewardsText } from './rmb';

/** the full-width space (U+3000) the form puts inside short labels */
const S = '\u3000';

function TwoLines({ a, b }: { a: string; b: string }) {
  return (
    <div className="two-line">
      <div>{a || '\u00a0'}</div>
      <div>{b || '\u00a0'}</div>
    </div>
  );
}

function Cols() {
  return (
    <colgroup>
      <col style={{ width: '12%' }} />
      <col style={{ width: '13%' }} />
      <col style={{ width: '12%' }} />
      <col style={{ width: '13%' }} />
      <col style={{ width: '13%' }} />
      <col style={{ width: '17%' }} />
      <col style={{ width: '20%' }} />
    </colgroup>
  );
}

/** How crowded 简历 is on page one (about 38 characters a line after the dates): the print shrinks it. */
function resumeDensity(c: Cadre): string {
  const lines = c.resume.reduce((n, r) => n + Math.max(1, Math.ceil([...r.text].length / 38)), 0);
  return lines > 40 ? ' rmb-resume-xdense' : lines > 28 ? ' rmb-resume-dense' : '';
}

export function RmbSheet({ c, photoUrl }: { c: Cadre; photoUrl: string | null }) {
  const minFamilyRows = Math.max(c.family.length, 4);
  const familyRows = Array.from({ length: minFamilyRows }, (_, i) => c.family[i]);
  return (
    <div className="rmb-sheet" data-testid="rmb-sheet">
      <h2 className="rmb-title">干部任免审批表</h2>
      <table className="rmb-table rmb-page1">
        <Cols />
        <tbody>
          <tr>
            <td className="lbl">姓{S}名</td>
            <td className="val" data-testid="rmb-name">
              {c.name}
            </td>
            <td className="lbl">性{S}别</td>
            <td className="val">{c.genderName}</td>
            <td className="lbl">
              出生年月
              <br />（ 岁 ）
            </td>
            <td className="val" data-testid="rmb-birth">
              {fmtMonth(c.birthMonth)}
              <br />（{c.age}岁）
            </td>
            <td className="rmb-photo" rowSpan={4}>
              {photoUrl ? <img src={photoUrl} alt={`${c.name}的照片`} data-testid="rmb-photo" /> : <div className="rmb-photo-empty">照片</div>}
            </td>
          </tr>
          <tr>
            <td className="lbl">民{S}族</td>
            <td className="val">{c.ethnicName}</td>
            <td className="lbl">籍{S}贯</td>
            <td className="val">{c.nativePlace}</td>
            <td className="lbl">出 生 地</td>
            <td className="val">{c.birthplace}</td>
          </tr>
          <tr>
            <td className="lbl">入党时间</td>
            <td className="val">{partyText(c)}</td>
            <td className="lbl">
              参加工作
              <br />
              时间
            </td>
            <td className="val">{fmtMonth(c.workStartMonth)}</td>
            <td className="lbl">健康状况</td>
            <td className="val">{c.healthName}</td>
          </tr>
          <tr>
            <td className="lbl">
              专业技术
              <br />
              职务
            </td>
            <td className="val" colSpan={2}>
              {c.professionalTitle}
            </td>
            <td className="lbl">
              熟悉专业
              <br />
              有何专长
            </td>
            <td className="val" colSpan={2}>
              {c.specialty}
            </td>
          </tr>
          <tr>
            <td className="lbl" rowSpan={2}>
              学{S}历
              <br />学{S}位
            </td>
            <td className="lbl">
              全日制
              <br />教{S}育
            </td>
            <td className="val" colSpan={2}>
              <TwoLines a={c.ftEducationName} b={c.ftDegreeName} />
            </td>
            <td className="lbl">
              毕业院校
              <br />
              系及专业
            </td>
            <td className="val-left" colSpan={2}>
              <TwoLines a={c.ftEducationSchool} b={c.ftDegreeSchool} />
            </td>
          </tr>
          <tr>
            <td className="lbl">
              在{S}职
              <br />教{S}育
            </td>
            <td className="val" colSpan={2}>
              <TwoLines a={c.ipEducationName} b={c.ipDegreeName} />
            </td>
            <td className="lbl">
              毕业院校
              <br />
              系及专业
            </td>
            <td className="val-left" colSpan={2}>
              <TwoLines a={c.ipEducationSchool} b={c.ipDegreeSchool} />
            </td>
          </tr>
          <tr>
            <td className="lbl">现任职务</td>
            <td className="val-left" colSpan={6} data-testid="rmb-current-post">
              {c.currentPost}
            </td>
          </tr>
          <tr>
            <td className="lbl vertical">
              简{S}
              {S}历
            </td>
            <td className={`rmb-resume${resumeDensity(c)}`} colSpan={6} data-testid="rmb-resume">
              {c.resume.length === 0 && <span className="muted">（未填写）</span>}
              {c.resume.map((r, i) =>
                r.kind === 'note' ? (
                  <div key={i} className="rmb-resume-note">
                    {r.text}
                  </div>
                ) : (
                  <div key={i} className="rmb-resume-line">
                    <span className="rmb-resume-date">{resumeDates(r)}</span>
                    <span className="rmb-resume-text">{r.text}</span>
                  </div>
                ),
              )}
            </td>
          </tr>
        </tbody>
      </table>
      {/* the second page of the printed form starts at 奖惩情况 */}
      <table className="rmb-table rmb-page2">
        <Cols />
        <tbody>
          <tr>
            <td className="lbl">
              奖<br />惩<br />情<br />况
            </td>
            <td className="rmb-multiline" colSpan={6} data-testid="rmb-rewards">
              {rewardsText(c)}
            </td>
          </tr>
          <tr>
            <td className="lbl">
              年度考核
              <br />结{S}
              {S}果
            </td>
            <td className="rmb-multiline" colSpan={6} data-testid="rmb-appraisals">
              {appraisalText(c) || '\u00a0'}
            </td>
          </tr>
          <tr>
            <td className="lbl" rowSpan={familyRows.length + 1}>
              家庭主要
              <br />
              成员及重
              <br />
              要社会关
              <br />系
            </td>
            <td className="lbl">称{S}谓</td>
            <td className="lbl">姓{S}名</td>
            <td className="lbl">年{S}龄</td>
            <td className="lbl">政治面貌</td>
            <td className="lbl" colSpan={2}>
              工作单位及职务
            </td>
          </tr>
          {familyRows.map((f, i) => (
            <tr key={i} data-testid={f ? `rmb-family-${i}` : undefined}>
              <td className="val">{f?.relation ?? '\u00a0'}</td>
              <td className="val">{f?.name}</td>
              <td className="val" data-testid={f ? `rmb-family-age-${i}` : undefined}>
                {f ? familyAge(f.birthMonth, f.workUnitPost) : ''}
              </td>
              <td className="val">{f?.politicalName}</td>
              <td className="val-left" colSpan={2}>
                {f?.workUnitPost}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
