/**
 * Row addressing of the batch view: every example X^(i) is a block of one title row followed by
 * max T_x rows, the rows past T_x^(i) being padding. Pure maths, unit-tested.
 */

export type RowRef =
	| { kind: 'token'; example: number; t: number }
	| { kind: 'pad'; example: number; t: number }
	| { kind: 'block'; example: number };

/** Rows of a batch of `lengths.length` examples padded to max T_x (a title row per block). */
export function batchRowCount(lengths: readonly number[], maxLength = batchLength(lengths)): number {
	return lengths.length * (maxLength + 1);
}

/** max T_x^(i), the padded length. */
export function batchLength(lengths: readonly number[]): number {
	let max = 0;
	for (const n of lengths) {
		max = Math.max(max, n);
	}
	return max;
}

/** What row `g` of the batch view shows (`maxLength`: batchLength(lengths), when the caller keeps it). */
export function batchRow(g: number, lengths: readonly number[], maxLength = batchLength(lengths)): RowRef {
	const block = maxLength + 1;
	const example = Math.floor(g / block);
	const r = g - example * block;
	if (r === 0) {
		return { kind: 'block', example };
	}
	const t = r - 1;
	return t < lengths[example] ? { kind: 'token', example, t } : { kind: 'pad', example, t };
}

/** The batch-view row of token t of `example`. */
export function batchRowOf(example: number, t: number, lengths: readonly number[], maxLength = batchLength(lengths)): number {
	return example * (maxLength + 1) + 1 + t;
}
