import type { Format } from '../pipeline/format.js';

/** The formats of this source, in detection order. */
export const TK_FORMATS: Format[] = [];
