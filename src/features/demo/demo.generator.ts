// Placeholder until the generator lands: units, teams, posts, cadres and appointments of the demo city.
import type { Db } from '../../db/database.js';
import type { DemoAuthorityKey } from './demo.accounts.js';

export interface DemoOptions {
  seed: number;
  /** 1 = the full city (about 3,000 city-managed and 20,000 county-managed cadres); tests use less */
  scale: number;
}

export async function generateDemoCity(_db: Db, _authorities: Record<DemoAuthorityKey, number>, _opts: DemoOptions) {
  return { cadres: 0, units: 0 };
}
