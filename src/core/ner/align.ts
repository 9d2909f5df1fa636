/**
 * Projects character-offset entity spans onto a tokenizer's tokens: BIO tags for the typed view
 * and the binary y⟨t⟩ (1 inside a person's name) for the seed's view.
 */

import type { EntitySpan } from './types';

export interface AlignedLabels {
	/** One BIO tag per token: `O`, `B-PER`, `I-PER`, … */
	tags: string[];
	/** y⟨t⟩ = 1 when token t lies (even partly) inside a PER span. */
	binary: Uint8Array;
	/** Index into the sorted span list of the span each token belongs to, −1 for none. */
	spanOf: Int32Array;
}

/**
 * A token belongs to a span when their character ranges overlap by at least one code unit, so
 * an entity that ends inside a token ("Holmes" in "Holmes's") or a token that straddles two
 * entities is still labelled. When a token overlaps several spans, the one it shares the most
 * characters with wins (the earlier span on a tie). A span that covers no token's characters
 * (it lies in dropped punctuation) labels nothing. Each span's first labelled token gets B-, so
 * two adjacent entities of one type stay two entities.
 */
export function alignEntities(
	spans: readonly Pick<EntitySpan, 'start' | 'end' | 'type'>[],
	tokenStarts: ArrayLike<number>,
	tokenEnds: ArrayLike<number>,
): AlignedLabels {
	const count = tokenStarts.length;
	if (tokenEnds.length !== count) {
		throw new RangeError(`alignEntities: ${count} token starts but ${tokenEnds.length} token ends.`);
	}
	const tags: string[] = new Array(count).fill('O');
	const binary = new Uint8Array(count);
	const spanOf = new Int32Array(count).fill(-1);
	const sorted = spans
		.map((span, i) => ({ span, i }))
		.filter(({ span }) => span.end > span.start)
		.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.i - b.i)
		.map(({ span }) => span);
	const overlapOf = new Int32Array(count);

	// Tokens are sorted and disjoint, spans are sorted by start: one sweep with a moving token
	// cursor; a long span can still reach back over tokens an earlier, longer span covered.
	let first = 0;
	for (let s = 0; s < sorted.length; s++) {
		const span = sorted[s];
		while (first < count && tokenEnds[first] <= span.start) first++;
		for (let t = first; t < count && tokenStarts[t] < span.end; t++) {
			const overlap = Math.min(tokenEnds[t], span.end) - Math.max(tokenStarts[t], span.start);
			if (overlap > overlapOf[t]) {
				overlapOf[t] = overlap;
				spanOf[t] = s;
			}
		}
	}

	let previousSpan = -1;
	for (let t = 0; t < count; t++) {
		const s = spanOf[t];
		if (s < 0) {
			previousSpan = -1;
			continue;
		}
		const type = sorted[s].type;
		tags[t] = (s === previousSpan ? 'I-' : 'B-') + type;
		if (type === 'PER') binary[t] = 1;
		previousSpan = s;
	}
	return { tags, binary, spanOf };
}

/** Reads typed spans back from BIO (or IOB1) tags over tokens; offsets come from the tokens. */
export function spansFromTags(
	tags: readonly string[],
	tokenStarts: ArrayLike<number>,
	tokenEnds: ArrayLike<number>,
): { start: number; end: number; type: string; firstToken: number; lastToken: number }[] {
	const out: { start: number; end: number; type: string; firstToken: number; lastToken: number }[] = [];
	let open: (typeof out)[number] | undefined;
	for (let t = 0; t < tags.length; t++) {
		const tag = tags[t];
		const dash = tag.indexOf('-');
		const prefix = dash < 0 ? tag : tag.slice(0, dash);
		const type = dash < 0 ? '' : tag.slice(dash + 1);
		// conlleval's rule: I- after O or after another type starts a chunk too (IOB1 and sloppy BIO).
		const continues = open !== undefined && prefix === 'I' && open.type === type;
		if (open && !continues) {
			out.push(open);
			open = undefined;
		}
		if (prefix === 'B' || (prefix === 'I' && !continues)) {
			open = { start: tokenStarts[t], end: tokenEnds[t], type, firstToken: t, lastToken: t };
		} else if (continues && open) {
			open.end = tokenEnds[t];
			open.lastToken = t;
		}
	}
	if (open) out.push(open);
	return out;
}
