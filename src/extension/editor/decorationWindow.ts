/**
 * Which tokens of a large analysis get decorations: those in the visible lines (plus a margin),
 * and at most `cap` of them, centred on the cursor, so a minified one-line file stays cheap.
 * Pure index maths over the analysis' sorted token offsets.
 */

export interface TokenSlice {
	/** First token (0-based) to decorate. */
	first: number;
	/** One past the last token to decorate. */
	end: number;
}

/** The first token whose end lies after `offset` (tokens are sorted and never overlap). */
export function firstTokenEndingAfter(ends: ArrayLike<number>, count: number, offset: number): number {
	let lo = 0;
	let hi = count;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (ends[mid] <= offset) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo;
}

/**
 * Tokens overlapping [start, end) (offsets relative to the analysed text), limited to `cap`
 * tokens around `focus` (an offset, e.g. the cursor) when more overlap.
 */
export function tokensInSpan(
	starts: ArrayLike<number>,
	ends: ArrayLike<number>,
	count: number,
	start: number,
	end: number,
	cap: number,
	focus: number,
): TokenSlice {
	const first = firstTokenEndingAfter(ends, count, start);
	let last = first;
	// Binary search for the first token starting at or after `end`.
	let lo = first;
	let hi = count;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (starts[mid] < end) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	last = lo;
	if (last - first <= cap) {
		return { first, end: last };
	}
	const centre = Math.min(Math.max(firstTokenEndingAfter(ends, count, focus), first), last - 1);
	const from = Math.max(first, Math.min(centre - Math.floor(cap / 2), last - cap));
	return { first: from, end: from + cap };
}
