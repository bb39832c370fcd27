import type { Format } from '../pipeline/format.js';
import { newsHtmlFormat } from './html-format.js';

/** The formats of this source, in detection order. */
export const NEWS_FORMATS: Format[] = [newsHtmlFormat];
