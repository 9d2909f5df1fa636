/** Messages between the LabelService (extension host) and the NER worker thread. */

import type { EntitySpan } from '../../core/ner/types';

export type ToWorker =
	| { type: 'label'; id: number; text: string; maxChars?: number }
	| { type: 'cancel'; id: number };

export type FromWorker =
	| { type: 'ready'; loadMs: number }
	| { type: 'result'; id: number; spans: EntitySpan[]; tagMs: number }
	| { type: 'progress'; id: number; done: number; total: number }
	| { type: 'error'; id: number; message: string; cancelled: boolean };
