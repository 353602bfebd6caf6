// PostgreSQL: cadres' pages are filled to half (fillfactor 50), so that the Excel import's updates find
// room on their own page (bench/README.md, "Excel import on PostgreSQL, sixth pass").
//
// An import's update of a cadre (备注, updated_at, version) changes no indexed column, so PostgreSQL can
// write the new row version on the same page without a new entry in any of the table's 23 indexes (a
// HOT update) — if the page has room for it. Full pages (fillfactor 100, the default) had none: every
// updated row moved to another page and got a new entry in every index. On a fresh 100,004-cadre
// database that was 17 s of the server's time for the import's 100,000 updates (2.3 M index entries, 360 MB
// of WAL), and every import left the indexes larger. Half-filled pages hold a new version of each of their
// rows, so an import that updates every cadre once is HOT (99.8 % of a plain update of every row; 94.9 % of
// the bench's import, whose new 备注 is longer than the old one); the old versions are pruned from the
// page at its next visit, so the next import finds the room again. The confirm of 100,000 rows went from
// 27–38 s to 8–11 s. Updates that do
// change an indexed column still write index entries, but their new version stays on the page too.
//
// The cost: a freshly loaded table takes about twice the pages (48 → 100 MB at 100,004 cadres) — the size
// it reached anyway after its first full import, when the moved rows left the old pages empty (113 MB on
// a database of eight imports). Scans that read the whole table read those pages; the searches read
// indexes and kept counts.
//
// Existing rows are not moved here: that takes VACUUM FULL (or CLUSTER), which rewrites the table and its
// indexes under an exclusive lock (5.6 s at 100,004 cadres; about a minute at a million) and VACUUM cannot
// run inside the migration's transaction. Rows written from now on get the room — new cadres, and the
// rows the next import moves — so on an existing database the first full import after this migration is
// as slow as before and the later ones are HOT; `VACUUM FULL cadres` once gives the room at once — then
// `VACUUM ANALYZE cadres`: the rewrite leaves no page marked all-visible, and until a plain VACUUM marks
// them every index-only count reads the table (at 1,000,000 cadres the statistics went 0.2 → 6.4 s).
//
// SQLite updates a row in place and touches only the indexes of the columns that change: nothing to do.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`alter table cadres set (fillfactor = 50)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`alter table cadres reset (fillfactor)`.execute(db);
}
