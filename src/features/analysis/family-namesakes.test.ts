// The pairs of family row and namesake cadre behind the team analysis' 任职回避 (migration 0020) must be
// exactly those the names and birth months give after every kind of write, on both databases: inserts
// in either order, bulk inserts, renames, a new birth date, a relative moved to another cadre, deletes
// (the family rows go with their cadre) and rollbacks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { authorityId, cadreRow, insertCadreRow } from '../../../test/support/factory.js';

describe.each(dialects)('family namesakes on %s', (dialect) => {
  let h: TestApp;
  let city: number;
  beforeAll(async () => {
    h = await testApp(dialect);
    city = await authorityId(h.t.db, '中共青川市委组织部');
  });
  afterAll(async () => h?.close());

  /** every (family row, member, cadre) with the same name and a birth month beginning the birth date */
  const expectInStep = async (db: Db = h.t.db) => {
    const kept = await db.selectFrom('familyNamesakes').select(['familyId', 'memberId', 'cadreId']).execute();
    const family = await db.selectFrom('cadreFamily').select(['id', 'cadreId', 'name', 'birthMonth']).execute();
    const cadres = await db.selectFrom('cadres').select(['id', 'name', 'birthDate']).execute();
    const want = family.flatMap((f) =>
      cadres.filter((c) => c.name === f.name && c.birthDate.slice(0, 7) === f.birthMonth).map((c) => `${f.id}/${f.cadreId}/${c.id}`),
    );
    expect(kept.map((k) => `${k.familyId}/${k.memberId}/${k.cadreId}`).sort()).toEqual(want.sort());
    return want.length;
  };
  let seq = 0;
  const relative = (cadreId: number, name: string, birthMonth: string | null, db: Db = h.t.db) =>
    db
      .insertInto('cadreFamily')
      .values({ cadreId, seq: ++seq, relation: '配偶', name, birthMonth, politicalStatus: null, workUnitPost: '' })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);

  it('follows inserts in either order, bulk inserts, changes, deletes and rollbacks', async () => {
    expect(await expectInStep()).toBeGreaterThanOrEqual(0);
    const a = await insertCadreRow(h.t.db, { authorityId: city, name: '甲同名', birthDate: '1970-05-06' });
    // the relative written after the cadre it names
    const spouse = await relative(a, '乙同名', '1972-08');
    const b = await insertCadreRow(h.t.db, { authorityId: city, name: '乙同名', birthDate: '1972-08-09' });
    // the cadre written after the relative: paired by the cadre's insert
    expect(await expectInStep()).toBeGreaterThanOrEqual(1);
    await relative(b, '甲同名', '1970-05');
    await relative(b, '甲同名', '1970-06'); // another month: no pair
    await relative(b, '甲同名', null); // unknown month: not paired (read by name instead)
    await relative(b, '甲同名', '1970'); // a year only: not paired
    const before = await expectInStep();

    // one statement inserting several cadres and one several relatives (imports and the demo write so)
    await h.t.db
      .insertInto('cadres')
      .values(['丙同名', '丙同名', '甲同名'].map((name, i) => cadreRow({ name, birthDate: `1990-01-0${i + 1}`, authorityId: city })))
      .execute();
    await h.t.db
      .insertInto('cadreFamily')
      .values(
        ['丙同名', '甲同名'].map((name) => ({
          cadreId: a,
          seq: ++seq,
          relation: '子女',
          name,
          birthMonth: '1990-01',
          politicalStatus: null,
          workUnitPost: '',
        })),
      ) // prettier-ignore
      .execute();
    expect(await expectInStep()).toBeGreaterThan(before);

    // changes of name and birth date on either side; an update of other columns changes nothing
    await h.t.db.updateTable('cadres').set({ birthDate: '1972-09-09' }).where('id', '=', b).execute();
    await expectInStep();
    await h.t.db.updateTable('cadres').set({ birthDate: '1972-08-31', name: '乙同名' }).where('id', '=', b).execute();
    await h.t.db.updateTable('cadreFamily').set({ name: '丙同名' }).where('id', '=', spouse).execute();
    await expectInStep();
    await h.t.db.updateTable('cadreFamily').set({ name: '乙同名', birthMonth: '1972-08', cadreId: b }).where('id', '=', spouse).execute();
    await h.t.db.updateTable('cadres').set({ remarks: '备注' }).execute();
    await h.t.db.updateTable('cadreFamily').set({ workUnitPost: '某单位' }).execute();
    await expectInStep();

    await expect(
      h.t.db.transaction().execute(async (trx) => {
        await trx.updateTable('cadres').set({ name: '回滚' }).where('id', '=', a).execute();
        const c = await insertCadreRow(trx, { authorityId: city, name: '乙同名', birthDate: '1972-08-01' });
        await relative(c, '甲同名', '1970-05', trx);
        await expectInStep(trx);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await expectInStep();

    // a cadre deleted: its relatives go with it (cascade), and it is no one's namesake any more
    await h.t.db.deleteFrom('cadres').where('id', '=', b).execute();
    await expectInStep();
    await h.t.db.deleteFrom('cadreFamily').where('cadreId', '=', a).execute();
    await expectInStep();
    await h.t.db.deleteFrom('cadres').execute();
    expect(await expectInStep()).toBe(0);
  });
});
