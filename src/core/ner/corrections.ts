/**
 * Manual label corrections: stand-off records over a document's text (never edits of it) that
 * override the automatic labels of the tokens they cover.
 */

import { spansFromTags } from './align';
import { entityTypes, type EntitySpan, type EntityType } from './types';

/** What a correction sets a token to: an entity type, or `O` (not part of any entity). */
export type CorrectedType = EntityType | 'O';

export const correctedTypes: readonly CorrectedType[] = [...entityTypes, 'O'];

export function isCorrectedType(value: unknown): value is CorrectedType {
	return typeof value === 'string' && (correctedTypes as readonly string[]).includes(value);
}

/** One correction; offsets are UTF-16 code units into the document. */
export interface LabelCorrection {
	start: number;
	end: number;
	/** The document's text at start…end when the correction was made: the anchor after edits. */
	text: string;
	type: CorrectedType;
	/**
	 * Set when an edit changed the corrected text and it could not be found again nearby. A
	 * detached correction applies to nothing; it re-attaches when its text comes back (an undo).
	 */
	detached?: true;
}

/** The correction list with the one for start…end replaced by `correction` (or removed when undefined). */
export function withCorrection(
	list: readonly LabelCorrection[],
	start: number,
	end: number,
	correction: LabelCorrection | undefined,
): LabelCorrection[] {
	const kept = list.filter((c) => c.detached || c.end <= start || c.start >= end);
	if (correction) kept.push(correction);
	return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The attached correction that covers a token at start…end (the one overlapping it most), or undefined. */
export function correctionFor(list: readonly LabelCorrection[], start: number, end: number): LabelCorrection | undefined {
	let best: LabelCorrection | undefined;
	let bestOverlap = 0;
	for (const c of list) {
		if (c.detached) continue;
		const overlap = Math.min(c.end, end) - Math.max(c.start, start);
		if (overlap > bestOverlap) {
			best = c;
			bestOverlap = overlap;
		}
	}
	return best;
}

export interface CorrectedLabels {
	tags: string[];
	binary: Uint8Array;
	spans: EntitySpan[];
	/** 1 where a correction decided the token's label. */
	corrected: Uint8Array;
}

const typeOf = (tag: string | undefined): string => (!tag || tag === 'O' ? 'O' : tag.slice(tag.indexOf('-') + 1));

/**
 * Applies corrections to one example's automatic tags. `offset` is the document offset of the
 * example's text, token offsets are relative to it, corrections are in document offsets. A
 * corrected token joins the entity before it when that entity has the same type, so naming a
 * surname after a first name makes one name; a token left after a removed entity start begins
 * an entity of its own. Spans untouched by any correction are kept as they came (rule, source);
 * the others are rebuilt from the tags with source `manual`.
 */
export function applyCorrections(
	text: string,
	offset: number,
	tokenStarts: ArrayLike<number>,
	tokenEnds: ArrayLike<number>,
	baseTags: readonly string[],
	baseSpans: readonly EntitySpan[],
	corrections: readonly LabelCorrection[],
): CorrectedLabels {
	const count = tokenStarts.length;
	const tags = Array.from({ length: count }, (_, t) => baseTags[t] ?? 'O');
	const corrected = new Uint8Array(count);
	const relevant = corrections.filter((c) => !c.detached && c.end > offset && c.start < offset + text.length);
	if (relevant.length > 0) {
		for (let t = 0; t < count; t++) {
			const c = correctionFor(relevant, offset + tokenStarts[t], offset + tokenEnds[t]);
			if (c) corrected[t] = 1;
			const type = c ? c.type : typeOf(tags[t]);
			if (type === 'O') {
				tags[t] = 'O';
				continue;
			}
			const previous = t > 0 ? typeOf(tags[t - 1]) : 'O';
			if (c) {
				tags[t] = (previous === type ? 'I-' : 'B-') + type;
			} else if (previous !== type) {
				// Its entity's start was corrected away (or retyped): it starts the entity now.
				tags[t] = 'B-' + type;
			}
		}
	}
	const binary = new Uint8Array(count);
	for (let t = 0; t < count; t++) {
		if (typeOf(tags[t]) === 'PER') binary[t] = 1;
	}
	if (relevant.length === 0) {
		return { tags, binary, spans: [...baseSpans], corrected };
	}
	const changed = new Uint8Array(count);
	for (let t = 0; t < count; t++) {
		changed[t] = corrected[t] || tags[t] !== (baseTags[t] ?? 'O') ? 1 : 0;
	}
	// Only the changed tokens can touch a span: as many as the corrections reach, not T.
	const changedTokens: number[] = [];
	for (let t = 0; t < count; t++) {
		if (changed[t]) changedTokens.push(t);
	}
	const touches = (start: number, end: number) => changedTokens.some((t) => tokenStarts[t] < end && tokenEnds[t] > start);
	const spans: EntitySpan[] = baseSpans.filter((s) => !touches(s.start, s.end));
	for (const chunk of spansFromTags(tags, tokenStarts, tokenEnds)) {
		let touched = false;
		for (let t = chunk.firstToken; t <= chunk.lastToken; t++) touched ||= changed[t] === 1;
		if (touched && (entityTypes as readonly string[]).includes(chunk.type)) {
			spans.push({ start: chunk.start, end: chunk.end, type: chunk.type as EntityType, text: text.slice(chunk.start, chunk.end), source: 'manual' });
		}
	}
	spans.sort((a, b) => a.start - b.start || a.end - b.end);
	return { tags, binary, spans, corrected };
}
