import type { Format } from '../pipeline/format.js';
import { tkODataFormat } from './odata-format.js';
import { tkSyncFeedFormat } from './syncfeed-format.js';

/** The formats of this source, in detection order. */
export const TK_FORMATS: Format[] = [tkODataFormat, tkSyncFeedFormat];
