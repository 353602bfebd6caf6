// The generated cadres as the .lrmx files the export writes for them: what the province benchmark
// loads through `ganbu import`, and what the tests read back through the import's own checks.
import { serializeLrmx } from '../../io/lrmx.js';
import { cadreToRmb } from '../../io/rmb-mapping.js';
import type { CadreChildren } from '../cadres/cadres.repository.js';
import { storedInput, type StoredCadre } from '../cadres/cadres.service.js';
import type { CadreBundle } from './demo.people.js';

/** The generated rows of one cadre as the form's input (the shape the stored profile reads as). */
const bundleInput = (b: CadreBundle) =>
  storedInput(b.cadre as unknown as StoredCadre, { ...b, tags: b.tags.map((t) => t.tag) } as unknown as CadreChildren);

export const bundleFile = (b: CadreBundle): Uint8Array => serializeLrmx(cadreToRmb(bundleInput(b)));
