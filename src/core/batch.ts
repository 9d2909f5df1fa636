/**
 * Several examples X^(1) … X^(m) as one batch: index rows padded to the longest T_x^(i), a mask
 * marking real time steps, and the one-hot shape (m, T_x, |V|). Everything stays O(m · T_x).
 */

import type { Analysis } from './analyze';
import type { Vocabulary } from './vocabulary';
import { VocabularyError } from './vocabulary';

export interface BatchOptions {
	/**
	 * Index written into padded time steps. Default: the vocabulary's padding index, or 0 when it
	 * has none (the course convention, where 0 lies outside the 1-based vocabulary).
	 */
	padIndex?: number;
}

export interface Batch {
	/** m: number of examples. */
	readonly m: number;
	/** max T_x^(i): the padded length. */
	readonly maxLength: number;
	/** T_x^(i) of each example. */
	readonly lengths: Int32Array;
	/** m × maxLength indices, row-major; padded steps hold padIndex. */
	readonly indices: Int32Array;
	/** m × maxLength one-hot columns (index − base); padded steps are −1 (an all-zero row) unless padIndex lies inside the vocabulary. */
	readonly columns: Int32Array;
	/** m × maxLength: 1 for a real time step, 0 for padding. */
	readonly mask: Uint8Array;
	readonly padIndex: number;
	/** (m, T_x, |V|). */
	readonly shape: readonly [number, number, number];
	readonly vocabulary: Vocabulary;
}

/** Pads the examples' index sequences to a common length. All examples must share one vocabulary. */
export function makeBatch(analyses: readonly Analysis[], options: BatchOptions = {}): Batch {
	if (analyses.length === 0) {
		throw new RangeError('A batch needs at least one example.');
	}
	const vocabulary = analyses[0].vocabulary;
	for (let i = 1; i < analyses.length; i++) {
		if (analyses[i].vocabulary !== vocabulary) {
			throw new VocabularyError(`Example ${i + 1} was analysed with a different vocabulary ("${analyses[i].vocabulary.name}", not "${vocabulary.name}"); a batch shares one vocabulary.`);
		}
	}
	const padIndex = options.padIndex ?? vocabulary.padIndex ?? 0;
	if (!Number.isSafeInteger(padIndex)) {
		throw new RangeError(`The padding index must be an integer, not ${padIndex}.`);
	}
	const m = analyses.length;
	let maxLength = 0;
	const lengths = new Int32Array(m);
	for (let i = 0; i < m; i++) {
		lengths[i] = analyses[i].length;
		maxLength = Math.max(maxLength, analyses[i].length);
	}
	const cells = m * maxLength;
	const indices = new Int32Array(cells).fill(padIndex);
	const columns = new Int32Array(cells);
	const mask = new Uint8Array(cells);
	const base = vocabulary.base;
	const padColumn = padIndex >= base && padIndex < base + vocabulary.size ? padIndex - base : -1;
	columns.fill(padColumn);
	for (let i = 0; i < m; i++) {
		const a = analyses[i];
		const row = i * maxLength;
		indices.set(a.indices, row);
		mask.fill(1, row, row + a.length);
		for (let t = 0; t < a.length; t++) {
			columns[row + t] = a.indices[t] - base;
		}
	}
	return { m, maxLength, lengths, indices, columns, mask, padIndex, shape: [m, maxLength, vocabulary.size], vocabulary };
}
