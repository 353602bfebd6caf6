// `ganbu export docx <身份证号>… [-o dir]`: the 任免审批表 of each cadre as a .docx file, one line per
// ID number; exit status 0 only when every one was written. The command line acts for the whole
// database (all authorities) and is audited as 'ganbu-cli'.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '../../db/database.js';
import { parseIdCard } from '../../domain/idcard.js';
import { todayOf } from '../../domain/dates.js';
import { buildAuditRow } from '../audit/audit.events.js';
import { insertAudit } from '../audit/audit.repository.js';
import { findIdCardOwner } from '../cadres/cadres.repository.js';
import { cadreDocx } from './documents.service.js';

export async function exportDocxCommand(db: Db, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string', short: 'o' } } });
  if (!positionals.length) {
    console.error('用法: ganbu export docx <身份证号>… [-o 目录]');
    return 2;
  }
  const dir = path.resolve(values.out ?? '.');
  fs.mkdirSync(dir, { recursive: true });
  const all = (await db.selectFrom('authorities').select('id').execute()).map((a) => a.id);
  const now = new Date();
  let failed = 0;
  for (const raw of positionals) {
    const parsed = parseIdCard(raw, todayOf(now));
    const id = parsed.ok ? await findIdCardOwner(db, parsed.id) : undefined;
    const doc = id !== undefined ? await cadreDocx(db, id, all, { name: '', now }) : undefined;
    if (!parsed.ok || id === undefined || !doc) {
      console.log(`ERROR ${raw}: ${parsed.ok ? '没有此身份证号的干部' : parsed.reason}`);
      failed++;
      continue;
    }
    const file = path.join(dir, `${doc.idCard}_${doc.name}.docx`);
    fs.writeFileSync(file, doc.data);
    await insertAudit(
      db,
      buildAuditRow({
        event: 'cadre.export',
        actor: { userId: null, username: 'ganbu-cli', ip: 'local' },
        at: now,
        target: { type: 'cadre', id },
        detail: { format: 'docx', name: doc.name, file },
      }),
    );
    console.log(`OK ${file} ${doc.name} ${doc.idCard}`);
  }
  console.log(`共 ${positionals.length} 人：导出 ${positionals.length - failed}，失败 ${failed}`);
  return failed ? 1 : 0;
}
