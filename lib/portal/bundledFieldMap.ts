import type { FieldMap } from './fieldMapSchema';
import fieldMapJson from '../../rules/portal/most-gov-cn.json';

/**
 * The portal's field map as bundled (rules/portal/most-gov-cn.json), for every context. A JSON import widens its
 * literals (`schema: 1` reads as number), hence the one cast; test/unit/portal/read.test.ts validates this object
 * against the zod schema, so the content script needs no zod.
 */
export const bundledFieldMap = fieldMapJson as unknown as FieldMap;
