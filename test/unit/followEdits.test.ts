// followEdits is reanchorAfterEdits without its costs where an edit cannot matter: the same
// result on every input, the same array back when nothing moved, and the document's text read
// only when some correction has to be looked for again.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { LabelCorrection } from '../../src/core/ner/corrections';
import { followEdits, reanchorAfterEdits, type TextEdit } from '../../src/core/ner/reanchor';

function applyEdits(text: string, edits: readonly TextEdit[]): string {
	let out = text;
	for (const e of [...edits].sort((a, b) => b.rangeOffset - a.rangeOffset)) {
		out = out.slice(0, e.rangeOffset) + e.text + out.slice(e.rangeOffset + e.rangeLength);
	}
	return out;
}

/** Corrections on some of the words of `text` (sorted, anchored), one of them maybe detached. */
function correctionsOn(text: string, chosen: readonly boolean[], detachOne: boolean): LabelCorrection[] {
	const list: LabelCorrection[] = [];
	let k = 0;
	for (const m of text.matchAll(/\S+/g)) {
		if (chosen[k++ % chosen.length]) list.push({ start: m.index, end: m.index + m[0].length, text: m[0], type: 'PER' });
	}
	if (detachOne && list.length > 0) list[0] = { ...list[0], detached: true };
	return list;
}

/** Non-overlapping edits in offsets of `text`, from fractions of its length. */
function editsIn(text: string, raw: readonly { at: number; length: number; text: string }[]): TextEdit[] {
	const edits: TextEdit[] = [];
	let from = 0;
	for (const r of [...raw].sort((a, b) => a.at - b.at)) {
		const rangeOffset = Math.max(from, Math.floor(r.at * (text.length + 1)));
		if (rangeOffset > text.length) break;
		const rangeLength = Math.min(r.length, text.length - rangeOffset);
		edits.push({ rangeOffset, rangeLength, text: r.text });
		from = rangeOffset + rangeLength + 1;
	}
	return edits;
}

const word = fc.constantFrom('Ann', 'Anna', 'Bob', 'x', 'Paris', '.', '221B');
const textArb = fc.array(word, { minLength: 1, maxLength: 25 }).map((words) => words.join(' '));
const rawEdits = fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(6), text: fc.constantFrom('', 'Ann', ' ', 'zz', 'Bob ') }), {
	minLength: 1,
	maxLength: 3,
});

describe('followEdits', () => {
	it('gives what reanchorAfterEdits gives (property)', () => {
		fc.assert(
			fc.property(textArb, fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), fc.boolean(), rawEdits, (text, chosen, detachOne, raw) => {
				const list = correctionsOn(text, chosen, detachOne);
				const edits = editsIn(text, raw);
				const after = applyEdits(text, edits);
				assert.deepEqual(followEdits(list, edits, () => after), reanchorAfterEdits(list, edits, after));
			}),
			{ numRuns: 500 },
		);
	});

	const text = 'Ann met Bob in Paris.';
	const list: LabelCorrection[] = [
		{ start: 0, end: 3, text: 'Ann', type: 'PER' },
		{ start: 8, end: 11, text: 'Bob', type: 'PER' },
	];
	const unread = () => assert.fail('the text was read');

	it('re-attaches a detached correction whose text stands in place, even for an event without edits', () => {
		const detached: LabelCorrection[] = [{ start: 0, end: 3, text: 'Ann', type: 'PER', detached: true }];
		assert.deepEqual(followEdits(detached, [], () => 'Ann'), reanchorAfterEdits(detached, [], 'Ann'));
		assert.equal(followEdits(detached, [], () => 'Ann')[0].detached, undefined);
	});

	it('returns the same list, without reading the text, when every edit comes after every correction', () => {
		assert.equal(followEdits(list, [{ rangeOffset: 15, rangeLength: 5, text: 'London' }], unread), list);
		// Typing right after a correction's last character leaves it where it is.
		assert.equal(followEdits(list, [{ rangeOffset: 11, rangeLength: 0, text: 'by' }], unread), list);
	});

	it('shifts the corrections after an edit without reading the text, and keeps those before it', () => {
		const moved = followEdits(list, [{ rangeOffset: 4, rangeLength: 3, text: 'called' }], unread);
		assert.equal(moved[0], list[0]);
		assert.deepEqual(moved[1], { start: 11, end: 14, text: 'Bob', type: 'PER' });
	});

	it('reads the text when an edit writes into a correction, or a correction is detached', () => {
		let reads = 0;
		const edits: TextEdit[] = [{ rangeOffset: 9, rangeLength: 1, text: 'a' }];
		const after = applyEdits(text, edits);
		const moved = followEdits(list, edits, () => (reads++, after));
		assert.equal(reads, 1);
		assert.deepEqual(moved, reanchorAfterEdits(list, edits, after));
		const detached: LabelCorrection[] = [{ ...list[0], detached: true }];
		followEdits(detached, [{ rangeOffset: 20, rangeLength: 0, text: '!' }], () => (reads++, text + '!'));
		assert.equal(reads, 2);
	});
});
