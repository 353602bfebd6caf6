// Makes each team structure rule fire somewhere in the demo city, as it would in a real one: a county
// government whose women deputies were exchanged with men of the 人大/政协 teams, a court
// whose only non-Party deputy left, a deputy post cut by 机构改革 below its holders, a chief in the
// same post for eleven years, a deputy sixteen years at one level, a county chief serving where he
// grew up, and a married couple in one team. Deterministic; mutates the built city before it is written.
import type { Random } from '../../domain/random.js';
import { AS_OF } from './demo.catalog.js';
import type { DemoCity } from './demo.generator.js';

interface Holder {
  a: DemoCity['appointments'][number];
  b: DemoCity['bundles'][number];
}

/** Two holders of posts at the same level swap posts: the appointment, 现任职务, unit and last 简历 line. */
function exchangePosts(x: Holder, y: Holder) {
  [x.a.postId, y.a.postId] = [y.a.postId, x.a.postId];
  const [px, py] = [x.b.cadre.currentPost, y.b.cadre.currentPost];
  for (const [h, from, to] of [
    [x, px, py],
    [y, py, px],
  ] as const) {
    h.b.cadre.currentPost = to;
    for (const seg of h.b.resume) if (seg.text === from) seg.text = to;
  }
  [x.b.cadre.unitId, y.b.cadre.unitId] = [y.b.cadre.unitId, x.b.cadre.unitId];
}

const yearsBefore = (date: string, years: number) => `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;

export function plantTeamFindings(city: DemoCity, r: Random): void {
  const { units, teams, posts } = city.structure;
  const bundle = new Map(city.bundles.map((b) => [b.cadre.id, b]));
  const unitOf = new Map(units.map((u) => [u.id, u]));
  const postOf = new Map(posts.map((p) => [p.id, p]));
  const holders = (teamId: number) =>
    city.appointments
      .filter((a) => !a.endDate && postOf.get(a.postId)?.teamId === teamId)
      .map((a) => ({ a, post: postOf.get(a.postId)!, b: bundle.get(a.cadreId)! }));
  const countyTeams = (pred: (unitKind: string, unitName: string, teamKind: string) => boolean) =>
    teams.filter((t) => {
      const u = unitOf.get(t.unitId)!;
      return u.tier === 'county' && pred(u.kind, u.name, t.kind) && holders(t.id).length >= 3;
    });
  const pick = <T>(list: T[]) => (list.length ? list[r.int(0, list.length - 1)] : undefined);

  // no-woman: the women deputies of a county government exchange posts with men of the same level in
  // that county's 人大 or 政协 team (same authority), so the government team is all men.
  for (const g of countyTeams((kind) => kind === '政府')) {
    const women = holders(g.id).filter((h) => h.b.cadre.gender === '2');
    if (women.length === 0 || women.some((w) => w.post.isChief)) continue;
    const parent = unitOf.get(g.unitId)!.parentId;
    const men = teams
      .filter((t) => t.id !== g.id && unitOf.get(t.unitId)!.parentId === parent && ['人大', '政协'].includes(unitOf.get(t.unitId)!.kind))
      .flatMap((t) => holders(t.id))
      .filter((h) => !h.post.isChief && h.b.cadre.gender === '1');
    const pairs = women.map(
      (w) => [w, men.find((m) => m.post.levelCode === w.post.levelCode && m.b.cadre.authorityId === w.b.cadre.authorityId)] as const,
    );
    if (pairs.some(([, m]) => !m) || new Set(pairs.map(([, m]) => m)).size < pairs.length) continue;
    for (const [w, m] of pairs) exchangePosts(w, m!);
    break;
  }

  // no-non-party-deputy: a county 检察院 whose non-Party deputies are all CPC members now.
  const procuratorate = pick(countyTeams((kind) => kind === '检察院'));
  if (procuratorate) {
    for (const h of holders(procuratorate.id)) {
      if (h.post.isChief || ['01', '02'].includes(h.b.cadre.politicalStatus)) continue;
      h.b.cadre.politicalStatus = '01';
      h.b.cadre.otherParty = null;
      h.b.cadre.partyJoinMonth ??= `${Number(h.b.cadre.birthDate.slice(0, 4)) + 25}-07`;
    }
  }

  // over-quota: a county department's deputy post cut by one below its holders.
  const dept = pick(countyTeams((kind) => kind === '部门'));
  if (dept) {
    const byPost = new Map<number, number>();
    for (const h of holders(dept.id)) if (!h.post.isChief) byPost.set(h.post.id, (byPost.get(h.post.id) ?? 0) + 1);
    const [postId, n] = [...byPost].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (postId !== undefined && n !== undefined) postOf.get(postId)!.quota = Math.max(0, n - 1);
  }

  // term-limit: a county chief (not of the Party or government team) eleven years in the same post.
  const longChief = pick(
    countyTeams((kind) => kind !== '党委' && kind !== '政府').filter(
      (t) => t.id !== dept?.id && t.id !== procuratorate?.id && holders(t.id).some((h) => h.post.isChief),
    ),
  );
  const chief = longChief && holders(longChief.id).find((h) => h.post.isChief);
  if (chief) {
    chief.a.startDate = yearsBefore(AS_OF, 11);
    chief.b.cadre.levelSince = chief.a.startDate;
    if (chief.b.appointment) chief.b.appointment.startDate = chief.a.startDate;
  }

  // level-tenure-limit: a township deputy sixteen years at the same level.
  const township = pick(teams.filter((t) => unitOf.get(t.unitId)!.tier === 'township' && holders(t.id).length >= 3));
  const deputy = township && holders(township.id).find((h) => !h.post.isChief);
  if (deputy) deputy.b.cadre.levelSince = yearsBefore(AS_OF, 16);

  // avoidance-native-place: a county government chief whose native place is the county itself.
  const gov = pick(countyTeams((kind) => kind === '政府'));
  const govChief = gov && holders(gov.id).find((h) => h.post.isChief);
  if (gov && govChief) {
    let up = unitOf.get(gov.unitId);
    while (up && up.kind !== '地区') up = up.parentId != null ? unitOf.get(up.parentId) : undefined;
    if (up) govChief.b.cadre.nativePlace = up.name;
  }

  // avoidance-kin: two members of a county Party team are a married couple.
  const party = pick(countyTeams((kind) => kind === '党委'));
  const pair = party && holders(party.id).filter((h) => !h.post.isChief);
  const husband = pair?.find((h) => h.b.cadre.gender === '1');
  const wife = pair?.find((h) => h.b.cadre.gender === '2');
  if (husband && wife) {
    const spouse = (of: typeof husband, to: typeof husband, relation: string) => {
      of.b.family = of.b.family.filter((f) => f.relation !== '妻子' && f.relation !== '丈夫');
      of.b.family.unshift({
        cadreId: of.b.cadre.id,
        seq: 0,
        relation,
        name: to.b.cadre.name,
        birthMonth: to.b.cadre.birthDate.slice(0, 7),
        politicalStatus: to.b.cadre.politicalStatus,
        workUnitPost: to.b.cadre.currentPost,
      });
      of.b.family.forEach((f, i) => (f.seq = i + 1));
    };
    spouse(husband, wife, '妻子');
    spouse(wife, husband, '丈夫');
  }
}
