// A finished 任免审批表 import job of the demo city's 干部科, so that the 数据导入 page has a batch to
// show: files that went in, one the same as stored, and two refused with their reasons. Rows of the
// job tables only (the cadres are the demo's own); a handful of rows: it runs at every fresh start.
import type { Db } from '../../db/database.js';
import { parseIdCard } from '../../domain/idcard.js';
import { todayOf } from '../../domain/dates.js';

const ZIP = '2026年第3批任免审批表.zip';

export async function createDemoImportJobs(db: Db, cityAuthorityId: number, now: Date): Promise<void> {
  const user = await db.selectFrom('users').select('id').where('username', '=', 'ganbuke').executeTakeFirst();
  const cadres = await db
    .selectFrom('cadres')
    .select(['id', 'name', 'idCard'])
    .where('authorityId', '=', cityAuthorityId)
    .orderBy('id')
    .limit(5)
    .execute();
  if (!user || cadres.length < 5) return;
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
  const { id: jobId } = await db
    .insertInto('importJobs')
    .values({ userId: user.id, authorityId: cityAuthorityId, unitId: null, status: 'done', total: 6, done: 6, createdAt: at(90), finishedAt: at(89) })
    .returning('id')
    .executeTakeFirstOrThrow();
  // an ID number one digit off: the reason is the validation's own wording
  const typo = cadres[4].idCard.slice(0, 17) + (cadres[4].idCard.endsWith('1') ? '2' : '1');
  const parsed = parseIdCard(typo, todayOf(now));
  const reason = parsed.ok ? '校验码不正确' : parsed.reason;
  const file = (
    seq: number,
    f: { file: string; status: string; name: string; idCard: string; cadreId?: number; message?: string; issues?: string },
  ) => ({
    jobId,
    seq,
    file: `${ZIP}:${f.file}`,
    status: f.status,
    name: f.name,
    idCard: f.idCard,
    message: f.message ?? null,
    issues: f.issues ?? null,
    diff: null,
    cadreId: f.cadreId ?? null,
    baseVersion: null,
    payload: null,
    candidates: null,
  });
  await db
    .insertInto('importJobFiles')
    .values([
      ...cadres.slice(0, 3).map((c, i) => file(i, { file: `${c.name}.lrmx`, status: 'created', name: c.name, idCard: c.idCard, cadreId: c.id })),
      file(3, { file: `${cadres[3].name}.lrmx`, status: 'unchanged', name: cadres[3].name, idCard: cadres[3].idCard, cadreId: cadres[3].id }),
      file(4, {
        file: `${cadres[4].name}（补充）.lrmx`,
        status: 'error',
        name: cadres[4].name,
        idCard: typo,
        message: `身份证号：${reason}`,
        issues: JSON.stringify([{ field: 'ShenFenZheng', label: '身份证号', message: reason, severity: 'error' }]),
      }),
      file(5, {
        file: '扫描件说明.lrmx',
        status: 'error',
        name: '',
        idCard: '',
        message: '不是格式正确的 XML：元素 <XianRenZhiWu> 没有结束标记',
        issues: JSON.stringify([
          { field: 'Person', label: '任免审批表', message: '不是格式正确的 XML：元素 <XianRenZhiWu> 没有结束标记', severity: 'error' },
        ]),
      }),
    ])
    .execute();
}
