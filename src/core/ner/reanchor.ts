/**
 * Keeps stand-off corrections on their text while the document is edited: offsets shift with
 * edits before them, and a correction whose text an edit touched is looked for again by its
 * text, near where it was.
 */

import type { LabelCorrection } from './corrections';

/** One replacement, in offsets of the text before the edit (VS Code's content change). */
export interface TextEdit {
	rangeOffset: number;
	rangeLength: number;
	text: string;
}

/** How far from its predicted place a damaged correction's text is looked for after an edit. */
export const searchWindow = 256;

const wordChar = /[\p{L}\p{N}\p{M}]/u;

/**
 * The occurrence of `needle` in `text` nearest to `near` (at most `window` away, Infinity for
 * anywhere) that overlaps no taken range. An occurrence must not continue a word: when the
 * needle starts (ends) with a letter or digit, the character before (after) it must not be one,
 * so "Ann" is never found inside "Anna". (Tokens of scripts written without spaces are therefore
 * only kept while their own text is untouched.)
 */
export function findNearest(
	text: string,
	needle: string,
	near: number,
	window: number,
	taken: readonly { start: number; end: number }[],
): number | undefined {
	if (needle === '') return undefined;
	const checkBefore = wordChar.test(needle.charAt(0));
	const checkAfter = wordChar.test(needle.charAt(needle.length - 1));
	const from = Math.max(0, Math.floor(near - window));
	const to = Math.min(text.length, near + window + needle.length);
	let best: number | undefined;
	for (let at = text.indexOf(needle, from); at >= 0 && at + needle.length <= to; at = text.indexOf(needle, at + 1)) {
		const end = at + needle.length;
		if (checkBefore && wordChar.test(text.charAt(at - 1))) continue;
		if (checkAfter && wordChar.test(text.charAt(end))) continue;
		if (taken.some((r) => r.start < end && r.end > at)) continue;
		if (best === undefined || Math.abs(at - near) < Math.abs(best - near)) best = at;
	}
	return best;
}

/** Where `offset` lands after `edits` (sorted, non-overlapping); a point inside a replaced range goes to its start. */
function mapPoint(offset: number, edits: readonly TextEdit[]): number {
	let shift = 0;
	for (const e of edits) {
		const end = e.rangeOffset + e.rangeLength;
		if (end <= offset) shift += e.text.length - e.rangeLength;
		else if (e.rangeOffset < offset) return e.rangeOffset + shift;
	}
	return offset + shift;
}

/**
 * Moves every correction through `edits` (one change event: ranges in the text before it, not
 * overlapping) into `newText`. An insertion right before a correction shifts it; one right after
 * leaves it. A correction whose own text was replaced or written into is detached and then looked
 * for by its text within {@link searchWindow} of where it would be; corrections detached by earlier
 * edits are looked for again the same way, so undoing an edit re-attaches them. Two corrections
 * never take the same occurrence.
 */
export function reanchorAfterEdits(list: readonly LabelCorrection[], edits: readonly TextEdit[], newText: string): LabelCorrection[] {
	const sorted = [...edits].sort((a, b) => a.rangeOffset - b.rangeOffset);
	const out: LabelCorrection[] = [];
	const lost: { correction: LabelCorrection; near: number }[] = [];
	for (const c of list) {
		if (c.detached) {
			lost.push({ correction: c, near: mapPoint(c.start, sorted) });
			continue;
		}
		let shift = 0;
		let damaged = false;
		for (const e of sorted) {
			const end = e.rangeOffset + e.rangeLength;
			if (end <= c.start) {
				shift += e.text.length - e.rangeLength;
			} else if (e.rangeOffset >= c.end) {
				break;
			} else {
				damaged = true;
				break;
			}
		}
		const start = c.start + shift;
		const end = c.end + shift;
		if (!damaged && newText.slice(start, end) === c.text) {
			out.push({ ...c, start, end });
		} else {
			lost.push({ correction: c, near: mapPoint(c.start, sorted) });
		}
	}
	return settle(out, lost, newText, searchWindow);
}

/**
 * Checks corrections read back from storage against the document's text now (it may have been
 * edited while the corrections were not watching, e.g. while the window was closed): a
 * correction whose text is still at its offsets stays; the others are looked for anywhere in the
 * text, nearest to their old offset moved by the shift the correction before them needed (text
 * inserted near the start moves everything after it alike).
 */
export function reanchorToText(list: readonly LabelCorrection[], text: string): LabelCorrection[] {
	const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end);
	const inPlace = sorted.map((c) => !c.detached && text.slice(c.start, c.end) === c.text);
	const out: LabelCorrection[] = sorted.filter((_, k) => inPlace[k]);
	let shift = 0;
	sorted.forEach((c, k) => {
		if (inPlace[k]) {
			shift = 0;
			return;
		}
		const near = Math.max(0, c.start + shift);
		const at = findNearest(text, c.text, near, Infinity, out.filter((x) => !x.detached));
		if (at === undefined) {
			out.push(detach(c, near, text.length));
		} else {
			shift = at - c.start;
			out.push(attach(c, at));
		}
	});
	return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

function detach(c: LabelCorrection, near: number, length: number): LabelCorrection {
	return { ...c, start: Math.min(near, length), end: Math.min(near + c.text.length, length), detached: true };
}

function attach(c: LabelCorrection, at: number): LabelCorrection {
	const { detached: _detached, ...attached } = c;
	return { ...attached, start: at, end: at + c.text.length };
}

function settle(
	kept: LabelCorrection[],
	lost: readonly { correction: LabelCorrection; near: number }[],
	text: string,
	window: number,
): LabelCorrection[] {
	const out = [...kept];
	for (const { correction, near } of lost) {
		const at = findNearest(text, correction.text, near, window, out.filter((c) => !c.detached));
		out.push(at === undefined ? detach(correction, near, text.length) : attach(correction, at));
	}
	return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * {@link reanchorAfterEdits} for every keystroke: the same corrections, without its costs where
 * the edits cannot matter. When every edit lies at or after the end of every correction, `list`
 * itself comes back (nothing moved); when no edit touches a correction and none is detached, the
 * corrections after an edit are shifted and the others kept as they are. Only otherwise is
 * `newText` called (copying a document's text is O(n)) and the full re-anchoring run.
 */
export function followEdits(list: LabelCorrection[], edits: readonly TextEdit[], newText: () => string): LabelCorrection[] {
	// With no edits a detached correction still goes through the search below, as in
	// reanchorAfterEdits: its text may stand where it was (found by the property test).
	if (list.length === 0 || (edits.length === 0 && !list.some((c) => c.detached))) return list;
	const sorted = [...edits].sort((a, b) => a.rangeOffset - b.rangeOffset);
	const moved: LabelCorrection[] = [];
	let changed = false;
	for (const c of list) {
		// A detached correction may re-attach wherever its text shows up again: that needs the search.
		if (c.detached) return reanchorAfterEdits(list, sorted, newText());
		let shift = 0;
		for (const e of sorted) {
			if (e.rangeOffset + e.rangeLength <= c.start) shift += e.text.length - e.rangeLength;
			else if (e.rangeOffset >= c.end) break;
			else return reanchorAfterEdits(list, sorted, newText());
		}
		if (shift !== 0) changed = true;
		moved.push(shift === 0 ? c : { ...c, start: c.start + shift, end: c.end + shift });
	}
	return changed ? moved : list;
}
