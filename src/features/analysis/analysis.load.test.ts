// The bulk load of teams (loadTeams: JSON-aggregated reads, and for reports only the relatives who can
// match, kinOfMembers) must give exactly the findings of the straightforward computation: every team
// on its own, its members, their whole families, tags and tenures read with plain queries, then the
// same pure rules. Checked on the demo city and on a fixture of kinship edge cases, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { authorityId, insertCadreRow, insertUnit } from '../../../test/support/factory.js';
import { workerReads, type Db } from '../../db/database.js';
import { analyzeTeam, specialtiesOf, type MemberFacts, type PersonFacts, type TeamFacts } from '../../domain/team-rules.js';
import { loadTeams, teamRuleSettings, unbrokenStart } from './analysis.service.js';

const inForceOn = (on: string) => (a: { startDate: string; endDate: string | null }) => a.startDate <= on && (a.endDate === null || a.endDate > on);

/** One team at a time, whole tables read and filtered in plain code: slow and obvious. */
async function straightforward(db: Db, asOf: string) {
  const settings = await teamRuleSettings(db, asOf);
  const [teams, units, posts, appointments, cadres, family, tags] = await Promise.all([
    db.selectFrom('teams').selectAll().orderBy('id').execute(),
    db.selectFrom('units').selectAll().execute(),
    db.selectFrom('posts').selectAll().execute(),
    db.selectFrom('appointments').selectAll().execute(),
    db
      .selectFrom('cadres')
      .select(['id', 'name', 'gender', 'birthDate', 'politicalStatus', 'ethnicCode', 'nativePlace', 'levelSince', 'specialty', 'highestEducation'])
      .execute(),
    db.selectFrom('cadreFamily').selectAll().orderBy('seq').execute(),
    db.selectFrom('cadreTags').selectAll().orderBy('tag').execute(),
  ]);
  const unit = new Map(units.map((u) => [u.id, u]));
  const cadre = new Map(cadres.map((c) => [c.id, c]));
  const post = new Map(posts.map((p) => [p.id, p]));
  const current = appointments.filter(inForceOn(asOf));
  const earlier = new Map<string, { postId: number; cadreId: number; startDate: string; endDate: string | null }[]>();
  for (const a of appointments.filter((a) => a.startDate <= asOf && a.endDate !== null)) {
    const key = `${a.postId}:${a.cadreId}`;
    earlier.set(key, [...(earlier.get(key) ?? []), a]);
  }
  const out = new Map<number, { team: TeamFacts; members: MemberFacts[]; findings: ReturnType<typeof analyzeTeam> }>();
  for (const t of teams) {
    const u = unit.get(t.unitId)!;
    const teamPosts = posts.filter((p) => p.teamId === t.id);
    const byLevel: Record<string, number> = {};
    for (const p of teamPosts) byLevel[p.levelCode] = (byLevel[p.levelCode] ?? 0) + p.quota;
    let place: string | undefined;
    if (u.tier === 'county' || u.tier === 'township')
      for (let up: typeof u | undefined = u; up && !place; up = up.parentId === null ? undefined : unit.get(up.parentId))
        if (up.kind === '地区' && up.tier === 'county') place = up.name;
    const supervisors: PersonFacts[] = [];
    for (const a of current)
      if (
        u.parentId !== null &&
        teams.find((x) => x.id === post.get(a.postId)!.teamId)!.unitId === u.parentId &&
        !supervisors.some((s) => s.cadreId === a.cadreId)
      )
        supervisors.push({ cadreId: a.cadreId, name: cadre.get(a.cadreId)!.name, birthDate: cadre.get(a.cadreId)!.birthDate });
    const team: TeamFacts = {
      kind: t.kind,
      unitKind: u.kind,
      unitName: u.name,
      tier: u.tier,
      ...(place && { place }),
      quota: {
        total: teamPosts.reduce((s, p) => s + p.quota, 0),
        chief: teamPosts.filter((p) => p.isChief === 1).reduce((s, p) => s + p.quota, 0),
        byLevel,
      },
      ...(supervisors.length > 0 && { supervisors }),
    };
    const held = current
      .filter((a) => post.get(a.postId)!.teamId === t.id)
      .sort((a, b) => {
        const pa = post.get(a.postId)!;
        const pb = post.get(b.postId)!;
        return pb.isChief - pa.isChief || pa.sortOrder - pb.sortOrder || a.startDate.localeCompare(b.startDate) || a.id - b.id;
      });
    const members = new Map<number, MemberFacts>();
    for (const a of held) {
      const p = post.get(a.postId)!;
      const c = cadre.get(a.cadreId)!;
      const known = members.get(c.id);
      if (known) {
        known.isChief ||= p.isChief === 1;
        continue;
      }
      const relatives = family.filter((f) => f.cadreId === c.id).map((f) => ({ relation: f.relation, name: f.name, birthMonth: f.birthMonth }));
      members.set(c.id, {
        cadreId: c.id,
        name: c.name,
        gender: c.gender,
        birthDate: c.birthDate,
        politicalStatus: c.politicalStatus,
        ethnicCode: c.ethnicCode,
        levelCode: p.levelCode,
        isChief: p.isChief === 1,
        levelSince: c.levelSince,
        nativePlace: c.nativePlace || null,
        specialties: specialtiesOf(c.specialty, settings.specialtyKeywords),
        education: c.highestEducation,
        tags: tags.filter((x) => x.cadreId === c.id).map((x) => x.tag),
        ...(relatives.length > 0 && { relatives }),
        postStartDate: unbrokenStart(a, earlier),
      });
    }
    const list = [...members.values()];
    out.set(t.id, { team, members: list, findings: analyzeTeam({ asOf, team, members: list, settings }) });
  }
  return out;
}

async function bulk(db: Db, asOf: string, relatives: 'all' | 'kin') {
  const settings = await teamRuleSettings(db, asOf);
  const teams = await loadTeams(db, {}, asOf, settings.specialtyKeywords, { relatives });
  return new Map(teams.map((t) => [t.teamId, { ...t, findings: analyzeTeam({ asOf, team: t.team, members: t.members, settings }) }]));
}

/** Every team's findings, and the facts loaded with all relatives, equal the straightforward ones. */
async function expectSame(db: Db, asOf: string) {
  const [expected, all, kin] = await Promise.all([straightforward(db, asOf), bulk(db, asOf, 'all'), bulk(db, asOf, 'kin')]);
  expect([...all.keys()].sort((a, b) => a - b)).toEqual([...expected.keys()]);
  expect([...kin.keys()].sort((a, b) => a - b)).toEqual([...expected.keys()]);
  for (const [id, e] of expected) {
    expect(all.get(id)!.team, `team ${id}`).toEqual(e.team);
    expect(all.get(id)!.members, `members of team ${id}`).toEqual(e.members);
    expect(all.get(id)!.findings, `findings of team ${id} (all relatives)`).toEqual(e.findings);
    expect(kin.get(id)!.findings, `findings of team ${id} (only relatives who match)`).toEqual(e.findings);
  }
  return { expected, kin };
}

describe.each(dialects)('bulk team loading gives the straightforward findings on %s', (dialect) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await testApp(dialect, { demoScale: 0.1 });
  });
  afterAll(async () => h?.close());

  it('on the demo city, for every team, on two dates', async () => {
    for (const asOf of ['2026-06-01', '2019-02-28']) {
      const { expected, kin } = await expectSame(h.t.db, asOf);
      if (asOf === '2026-06-01') {
        const rules = new Set([...expected.values()].flatMap((t) => t.findings.map((f) => f.rule)));
        expect(rules.has('avoidance-kin')).toBe(true);
        // Only relatives who match are loaded for reports: far fewer than all.
        const loaded = [...kin.values()].flatMap((t) => t.members.flatMap((m) => m.relatives ?? [])).length;
        const whole = [...expected.values()].flatMap((t) => t.members.flatMap((m) => m.relatives ?? [])).length;
        expect(loaded).toBeGreaterThan(0);
        expect(loaded * 20).toBeLessThan(whole);
      }
    }
  });

  it('on kinship edge cases: birth month unknown, empty, a year only, other month, supervisors, two posts, ended posts', async () => {
    const db = h.t.db;
    const auth = await authorityId(db, '中共青川市委组织部');
    const area = await insertUnit(db, { name: '测试县', authorityId: auth, kind: '地区', tier: 'county' });
    const town = await insertUnit(db, { name: '测试镇', authorityId: auth, kind: '乡镇', tier: 'township', parentId: area });
    const other = await insertUnit(db, { name: '另一镇', authorityId: auth, kind: '乡镇', tier: 'township', parentId: area });
    const team = async (unitId: number, name: string) =>
      (await db.insertInto('teams').values({ unitId, name, kind: '党委班子' }).returning('id').executeTakeFirstOrThrow()).id;
    const post = async (teamId: number, title: string, isChief: number) =>
      (await db.insertInto('posts').values({ teamId, title, levelCode: '1A42', isChief, quota: 3 }).returning('id').executeTakeFirstOrThrow()).id;
    const appoint = (cadreId: number, postId: number, startDate: string, endDate: string | null = null) =>
      db.insertInto('appointments').values({ cadreId, postId, startDate, startDocNo: '', endDate, endDocNo: null, endReason: null, createdAt: '2026-01-01T00:00:00Z' }).execute(); // prettier-ignore
    let seq = 0;
    const relative = (cadreId: number, relation: string, name: string, birthMonth: string | null) =>
      db.insertInto('cadreFamily').values({ cadreId, seq: ++seq, relation, name, birthMonth, politicalStatus: null, workUnitPost: '' }).execute();
    const person = (name: string, birthDate: string) => insertCadreRow(db, { authorityId: auth, name, birthDate });

    const areaTeam = await team(area, '测试县委领导班子');
    const townTeam = await team(town, '测试镇党委领导班子');
    const otherTeam = await team(other, '另一镇党委领导班子');
    const [areaChief, townChief, townDeputy, townMember] = [await post(areaTeam, '书记', 1), await post(townTeam, '书记', 1), await post(townTeam, '副书记', 0), await post(townTeam, '委员', 0)]; // prettier-ignore
    const otherChief = await post(otherTeam, '书记', 1);

    const a = await person('甲测试', '1970-05-06'); // township chief
    const b = await person('乙测试', '1972-08-09'); // his wife, township deputy
    const c = await person('丙测试', '1990-01-02'); // township member, also in the other township
    const d = await person('丁测试', '1950-03-04'); // county secretary: c's father
    const e = await person('戊测试', '1980-10-10'); // other township chief: not in the line of anyone
    const f = await person('己测试', '1985-12-12'); // left the township team before the date
    await appoint(a, townChief, '2020-01-01');
    await appoint(b, townDeputy, '2021-01-01');
    await appoint(c, townMember, '2022-01-01');
    await appoint(c, otherChief, '2022-06-01');
    await appoint(d, areaChief, '2018-01-01');
    await appoint(e, otherChief, '2019-01-01');
    await appoint(f, townMember, '2015-01-01', '2025-01-01');

    await relative(a, '妻子', '乙测试', '1972-08'); // matches b exactly
    await relative(a, '儿子', '丙测试', null); // month unknown: matches c by name
    await relative(a, '女儿', '戊测试', '1980-10'); // e is not in a's team nor above it
    await relative(a, '姐姐', '己测试', '1985-12'); // f no longer holds the post on the date
    await relative(b, '丈夫', '甲测试', ''); // empty month: matches a by name
    await relative(b, '弟弟', '丙测试', '1991-01'); // another month: no match
    await relative(b, '父亲', '丁测试', '1950-03'); // d supervises the township, the same month
    await relative(c, '父亲', '丁测试', '1950'); // a year only: a prefix of d's birth date, d supervises the township
    await relative(c, '母亲', '乙测试', '1972-08-09'); // a whole date: a prefix too
    await relative(c, '本人同名', '丙测试', '1990-01'); // denotes c himself: never a finding
    await relative(e, '哥哥', '丙测试', '1990-01'); // c is in e's team too (two posts)
    await relative(e, '表弟', '丁测试', '1950-04'); // d supervises, but another month

    const { kin } = await expectSame(db, '2026-06-01');
    const kinOf = (teamId: number) =>
      kin
        .get(teamId)!
        .findings.filter((x) => x.rule === 'avoidance-kin')
        .map((x) => x.detail);
    expect(kinOf(townTeam)).toEqual([
      '甲测试与乙测试（妻子）同在本班子任职，属任职回避情形',
      '甲测试与丙测试（儿子）同在本班子任职，属任职回避情形',
      '乙测试的父亲丁测试是上级单位领导班子成员，存在直接上下级领导关系，属任职回避情形',
      '丙测试的父亲丁测试是上级单位领导班子成员，存在直接上下级领导关系，属任职回避情形',
      '丙测试与乙测试（母亲）同在本班子任职，属任职回避情形',
    ]);
    expect(kinOf(otherTeam)).toEqual([
      '戊测试与丙测试（哥哥）同在本班子任职，属任职回避情形',
      '丙测试的父亲丁测试是上级单位领导班子成员，存在直接上下级领导关系，属任职回避情形',
    ]);
    // Before f left, a's sister was on the team.
    await expectSame(db, '2024-06-01');
  });
});

describe('bulk team loading on a SQLite file', () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await testApp('sqlite', { demoScale: 0.1, sqliteFile: true });
  });
  afterAll(async () => h?.close());

  it('reads the relatives on the second connection and still gives the straightforward findings', async () => {
    const before = workerReads();
    const { expected } = await expectSame(h.t.db, '2026-06-01');
    expect(workerReads()).toBeGreaterThan(before);
    expect([...expected.values()].some((t) => t.findings.some((f) => f.rule === 'avoidance-kin'))).toBe(true);
  });

  it('reads on its own connection inside a transaction, where the worker could not see the writes', async () => {
    const before = workerReads();
    await h.t.db.transaction().execute(async (trx) => {
      await loadTeams(trx, {}, '2026-06-01', {}, { relatives: 'kin' });
    });
    expect(workerReads()).toBe(before);
  });
});
