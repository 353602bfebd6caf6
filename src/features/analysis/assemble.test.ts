// assembleTeams (pure): the members of a team in the order the forms show them, whatever order the
// reads gave, one member per cadre, and no member for a post the posts read did not see.
import { describe, expect, it } from 'vitest';
import { assembleTeams, type TeamReads } from './analysis.service.js';

const person = {
  gender: '2',
  birthDate: '1980-01-01',
  politicalStatus: '01',
  ethnicCode: '01',
  nativePlace: '',
  levelSince: null,
  specialty: '',
  highestEducation: null,
};
const row = (id: number, postId: number, cadreId: number, startDate: string) => ({ id, postId, cadreId, startDate, name: `人${cadreId}`, ...person });
const post = (id: number, isChief: number, sortOrder: number) => ({ id, teamId: 1, levelCode: '1A21', isChief, quota: 1, sortOrder });

function reads(rows: TeamReads['rows']): TeamReads {
  return {
    teams: [
      {
        id: 1,
        name: '党委班子',
        kind: '党委班子',
        unitId: 1,
        unitName: '某镇',
        unitKind: '乡镇',
        tier: 'township',
        path: '/1/',
        parentId: null,
        authorityId: 1,
      },
    ],
    areas: [],
    // posts 3 and 4 tie on (not chief, order 2): their holders are ordered by start, then appointment
    posts: [post(4, 0, 2), post(2, 0, 1), post(3, 0, 2), post(1, 1, 5)],
    rows,
    tenures: [],
    family: [],
    tags: [],
    above: [],
  };
}

describe('assembleTeams', () => {
  const asRead = [
    row(10, 3, 103, '2020-01-01'),
    row(11, 4, 104, '2019-06-01'),
    row(12, 1, 101, '2021-01-01'),
    row(13, 2, 102, '2018-01-01'),
    row(9, 3, 105, '2020-01-01'),
  ];
  it.each([
    ['as read', asRead],
    ['reversed', [...asRead].reverse()],
  ])('orders chiefs first, then by post order, then by start and appointment (%s)', (_, rows) => {
    const [team] = assembleTeams(reads(rows), {});
    expect(team!.members.map((m) => m.cadreId)).toEqual([101, 102, 104, 105, 103]);
    expect(team!.team.quota).toEqual({ total: 4, chief: 1, byLevel: { '1A21': 4 } });
  });

  it('counts a cadre holding two posts once, as chief if either is, and leaves out a post not read', () => {
    const [team] = assembleTeams(reads([row(1, 2, 101, '2020-01-01'), row(2, 1, 101, '2021-01-01'), row(3, 99, 102, '2020-01-01')]), {});
    expect(team!.members.map((m) => [m.cadreId, m.isChief, m.postStartDate])).toEqual([[101, true, '2021-01-01']]);
  });
});
