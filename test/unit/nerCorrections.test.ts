import { strict as assert } from 'node:assert';
import { alignEntities } from '../../src/core/ner/align';
import { applyCorrections, withCorrection, type CorrectedType, type LabelCorrection } from '../../src/core/ner/corrections';
import { CorrectionsFileError, parseCorrections, serializeCorrections } from '../../src/core/ner/correctionsFile';
import { findNearest, reanchorAfterEdits, reanchorToText, type TextEdit } from '../../src/core/ner/reanchor';
import type { EntitySpan } from '../../src/core/ner/types';
import { referenceSentence } from '../../src/core/reference';
import { tokenSpans } from '../../src/core/tokenize';

/** A correction on the `nth` (0-based) occurrence of `word` in `text`. */
function on(text: string, word: string, type: CorrectedType, nth = 0): LabelCorrection {
	let start = -1;
	for (let k = 0; k <= nth; k++) start = text.indexOf(word, start + 1);
	assert.ok(start >= 0, `${word} #${nth} in ${text}`);
	return { start, end: start + word.length, text: word, type };
}

/** Applies VS Code-style edits (offsets into the text before them, not overlapping) to `text`. */
function edit(text: string, edits: TextEdit[]): string {
	let out = text;
	for (const e of [...edits].sort((a, b) => b.rangeOffset - a.rangeOffset)) {
		out = out.slice(0, e.rangeOffset) + e.text + out.slice(e.rangeOffset + e.rangeLength);
	}
	return out;
}

/** Each correction still sits on its text in `text`. */
function assertAnchored(list: LabelCorrection[], text: string): void {
	for (const c of list.filter((x) => !x.detached)) {
		assert.equal(text.slice(c.start, c.end), c.text, `${c.text} at ${c.start}`);
	}
}

describe('label corrections: re-anchoring after edits', () => {
	const text = referenceSentence;
	const london = on(text, 'London', 'PER');
	const holmes = on(text, 'Holmes', 'O');

	it('shifts a correction by an insertion before it', () => {
		const edits = [{ rangeOffset: 0, rangeLength: 0, text: 'Mr ' }];
		const after = edit(text, edits);
		const [c] = reanchorAfterEdits([london], edits, after);
		assert.equal(c.start, london.start + 3);
		assert.equal(c.detached, undefined);
		assertAnchored([c], after);
	});

	it('shifts on an insertion right at its start, and keeps still on one right at its end', () => {
		const before = [{ rangeOffset: london.start, rangeLength: 0, text: 'old ' }];
		assert.equal(reanchorAfterEdits([london], before, edit(text, before))[0].start, london.start + 4);
		const behind = [{ rangeOffset: london.end, rangeLength: 0, text: ' town' }];
		const [c] = reanchorAfterEdits([london], behind, edit(text, behind));
		assert.deepEqual([c.start, c.end, c.detached], [london.start, london.end, undefined]);
	});

	it('ignores edits after it', () => {
		const edits = [{ rangeOffset: text.length - 1, rangeLength: 1, text: '!' }];
		assert.deepEqual(reanchorAfterEdits([holmes], edits, edit(text, edits)), [holmes]);
	});

	it('follows a deletion before it', () => {
		const edits = [{ rangeOffset: 0, rangeLength: 'Sherlock '.length, text: '' }];
		const after = edit(text, edits);
		const [c] = reanchorAfterEdits([london], edits, after);
		assert.equal(c.start, london.start - 9);
		assertAnchored([c], after);
	});

	it('detaches a correction whose text was changed inside, and re-attaches it when the text comes back', () => {
		const inside = [{ rangeOffset: london.start + 3, rangeLength: 0, text: 'x' }];
		const typo = edit(text, inside);
		const [lost] = reanchorAfterEdits([london], inside, typo);
		assert.equal(lost.detached, true);
		assert.equal(applyCorrections(typo, 0, [lost.start], [lost.end + 1], ['O'], [], [lost]).corrected[0], 0, 'a detached correction applies to nothing');
		const undo = [{ rangeOffset: london.start + 3, rangeLength: 1, text: '' }];
		const [back] = reanchorAfterEdits([lost], undo, edit(typo, undo));
		assert.deepEqual(back, london);
	});

	it('finds the text again when an edit replaced a range around it', () => {
		// Replacing "in London." with "in London!" touches the correction's range end only as
		// part of a larger replacement: the word is found again at the same place.
		const from = text.indexOf('in London');
		const edits = [{ rangeOffset: from, rangeLength: text.length - from, text: 'in London!' }];
		const after = edit(text, edits);
		const [c] = reanchorAfterEdits([london], edits, after);
		assert.equal(c.detached, undefined);
		assert.equal(c.start, london.start);
	});

	it('drops the deleted one of two corrections on the same text and keeps the other on its own occurrence', () => {
		const doc = 'Ann met Ann and Anna.';
		const first = on(doc, 'Ann', 'PER', 0);
		const second = on(doc, 'Ann', 'O', 1);
		// Delete the first "Ann " entirely.
		const edits = [{ rangeOffset: 0, rangeLength: 4, text: '' }];
		const after = edit(doc, edits);
		const out = reanchorAfterEdits([first, second], edits, after);
		const attached = out.filter((c) => !c.detached);
		assert.equal(attached.length, 1, 'the second keeps its place and the first may not take it');
		assert.deepEqual(attached[0], { ...second, start: second.start - 4, end: second.end - 4 });
		const detached = out.find((c) => c.detached);
		assert.ok(detached, 'the first is detached, not moved onto "Anna"');
		assert.equal(detached.type, 'PER');
	});

	it('re-anchors duplicates of the same text to distinct occurrences after a replacement covering both', () => {
		const doc = 'Jo and Jo.';
		const a = on(doc, 'Jo', 'PER', 0);
		const b = on(doc, 'Jo', 'LOC', 1);
		const edits = [{ rangeOffset: 0, rangeLength: doc.length, text: 'Then Jo and Jo.' }];
		const after = edit(doc, edits);
		const out = reanchorAfterEdits([a, b], edits, after);
		assertAnchored(out, after);
		assert.deepEqual(
			out.map((c) => [c.start, c.type]),
			[
				[5, 'PER'],
				[12, 'LOC'],
			],
		);
	});

	it('never finds a word inside a longer word', () => {
		assert.equal(findNearest('Anna met Ann', 'Ann', 0, Infinity, []), 9);
		assert.equal(findNearest('Anna met Ann', 'Ann', 0, Infinity, [{ start: 9, end: 12 }]), undefined);
	});

	it('moves several corrections through one multi-cursor change event', () => {
		const c1 = on(text, 'John', 'O');
		const c2 = on(text, 'London', 'ORG');
		// Two insertions in one event (offsets in the old text), listed last first as VS Code does.
		const edits = [
			{ rangeOffset: c2.start, rangeLength: 0, text: 'old ' },
			{ rangeOffset: 0, rangeLength: 0, text: '>> ' },
		];
		const after = edit(text, edits);
		const out = reanchorAfterEdits([c1, c2], edits, after);
		assert.deepEqual(
			out.map((c) => c.start),
			[c1.start + 3, c2.start + 7],
		);
		assertAnchored(out, after);
	});
});

describe('label corrections: checking stored corrections against the text', () => {
	it('keeps corrections whose text is in place and finds moved ones by their text, shifted like the one before', () => {
		const old = 'Holmes and Watson. Watson again.';
		const kept = on(old, 'Holmes', 'O');
		const moved = on(old, 'Watson', 'LOC', 1);
		const now = 'Sherlock Holmes and Watson. Watson again.';
		const out = reanchorToText([kept, moved], now);
		assertAnchored(out, now);
		assert.equal(out.find((c) => c.type === 'LOC')?.start, now.indexOf('Watson', now.indexOf('.')));
	});

	it('detaches a correction whose text is gone', () => {
		const [c] = reanchorToText([{ start: 0, end: 5, text: 'Alice', type: 'PER' }], 'Bob was here.');
		assert.equal(c.detached, true);
	});
});

describe('label corrections: applied over the tagger', () => {
	const text = referenceSentence;
	const tokens = tokenSpans(text, {});
	const spans: EntitySpan[] = [
		{ ...on(text, 'Sherlock Holmes', 'O'), type: 'PER', source: 'tagger' },
		{ ...on(text, 'John Watson', 'O'), type: 'PER', source: 'tagger' },
		{ ...on(text, 'Baker Street', 'O'), type: 'LOC', source: 'tagger' },
		{ ...on(text, 'London', 'O'), type: 'LOC', source: 'tagger' },
	];
	const base = alignEntities(spans, tokens.starts, tokens.ends);
	const apply = (corrections: LabelCorrection[], offset = 0) =>
		applyCorrections(text, offset, tokens.starts, tokens.ends, base.tags, spans, corrections);

	it('changes nothing without corrections', () => {
		const out = apply([]);
		assert.deepEqual(out.tags, base.tags);
		assert.deepEqual(Array.from(out.binary), [1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
		assert.deepEqual(out.spans, spans);
	});

	it('sets a token to O and lets the rest of its name start again', () => {
		const out = apply([on(text, 'Sherlock', 'O')]);
		assert.deepEqual(out.tags.slice(0, 2), ['O', 'B-PER']);
		assert.deepEqual(Array.from(out.binary), [0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
		assert.deepEqual(Array.from(out.corrected), [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
		const holmes = out.spans.find((s) => s.text === 'Holmes');
		assert.equal(holmes?.source, 'manual');
		assert.ok(!out.spans.some((s) => s.text === 'Sherlock Holmes'));
		assert.ok(out.spans.some((s) => s.text === 'John Watson' && s.source === 'tagger'), 'untouched spans stay as they came');
	});

	it('makes London a person (y⟨12⟩ = 1) and retypes Baker Street as an organisation', () => {
		const out = apply([on(text, 'London', 'PER'), on(text, 'Baker', 'ORG')]);
		assert.equal(out.tags[11], 'B-PER');
		assert.equal(out.binary[11], 1);
		assert.deepEqual(out.tags.slice(8, 10), ['B-ORG', 'B-LOC'], 'Street keeps its type and starts its own entity');
	});

	it('joins a corrected token to the entity before it of the same type', () => {
		const out = apply([on(text, 'and', 'PER')]);
		assert.deepEqual(out.tags.slice(0, 5), ['B-PER', 'I-PER', 'I-PER', 'B-PER', 'I-PER']);
	});

	it('reads corrections in document offsets against an example that starts later in the document', () => {
		const offset = 100;
		const c = on(text, 'London', 'PER');
		const out = apply([{ ...c, start: c.start + offset, end: c.end + offset }], offset);
		assert.equal(out.binary[11], 1);
		assert.equal(apply([c], offset).binary[11], 0, 'an undisplaced correction lies before this example');
	});

	it('replaces the correction of a token when it is corrected again', () => {
		const first = withCorrection([], 0, 8, on(text, 'Sherlock', 'O'));
		const second = withCorrection(first, 0, 8, on(text, 'Sherlock', 'LOC'));
		assert.deepEqual(
			second.map((c) => c.type),
			['LOC'],
		);
		assert.deepEqual(withCorrection(second, 0, 8, undefined), []);
	});
});

describe('label corrections: the stand-off file', () => {
	const uri = 'file:///project/notes/a.txt';

	it('reads back what it writes', () => {
		const list: LabelCorrection[] = [
			{ start: 0, end: 8, text: 'Sherlock', type: 'O' },
			{ start: 61, end: 67, text: 'London', type: 'PER', detached: true },
		];
		assert.deepEqual(parseCorrections(serializeCorrections(uri, list), uri), { corrections: list, skipped: 0 });
	});

	it('skips broken records and counts them, and refuses another document’s file or non-JSON', () => {
		const json = JSON.stringify({
			format: 'sequence-lens/label-corrections',
			version: 1,
			uri,
			corrections: [{ start: 0, end: 3, text: 'Ann', type: 'PER' }, { start: 5, end: 4, text: '', type: 'PER' }, { start: 0, end: 3, text: 'Ann', type: 'PERSON' }, null],
		});
		const read = parseCorrections(json, uri);
		assert.equal(read.corrections.length, 1);
		assert.equal(read.skipped, 3);
		assert.throws(() => parseCorrections(json, 'file:///project/notes/b.txt'), CorrectionsFileError);
		assert.throws(() => parseCorrections('{', uri), CorrectionsFileError);
	});
});
