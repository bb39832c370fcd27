import { KOOP_FORMATS } from '../officielebekendmakingen/formats.js';
import { NEWS_FORMATS } from '../news/formats.js';
import { TK_FORMATS } from '../tweedekamer/formats.js';
import { headOf } from './byte-order-mark.js';
import type { Format, RawDocument } from './format.js';

/** Every format the ingest knows, in detection order: the most specific first. */
export const FORMATS: readonly Format[] = [...TK_FORMATS, ...KOOP_FORMATS, ...NEWS_FORMATS];

/** The format named by `--format`, or undefined. */
export function formatByName(name: string): Format | undefined {
  return FORMATS.find((f) => f.name === name);
}

/** The first format that claims the document, or undefined. */
export function detectFormat(doc: RawDocument): Format | undefined {
  const head = headOf(doc.bytes);
  return FORMATS.find((f) => f.detect(doc, head));
}
