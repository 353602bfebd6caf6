import type { Generated } from 'kysely';

/** A business setting, versioned by effective date (DESIGN.md practice 9). */
export interface SettingTable {
  id: Generated<number>;
  key: string;
  /** JSON */
  value: string;
  effectiveFrom: string;
  source: string;
  updatedBy: string;
  updatedAt: string;
}
