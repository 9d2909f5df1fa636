// Which tokens of a large analysis are decorated: those overlapping the visible span, capped
// around the cursor. Checked against a direct scan over every token.
import * as assert from 'node:assert/strict';
import { firstTokenEndingAfter, tokensInSpan } from '../../src/extension/editor/decorationWindow';
import { tokenSpans } from '../../src/core/tokenize';

const text = Array.from({ length: 3000 }, (_, k) => `word${k}`).join(' \t');
const spans = tokenSpans(text);

function overlapping(start: number, end: number): number[] {
	const out: number[] = [];
	for (let t = 0; t < spans.count; t++) {
		if (spans.ends[t] > start && spans.starts[t] < end) {
			out.push(t);
		}
	}
	return out;
}

describe('decoration window', () => {
	it('finds the first token ending after an offset', () => {
		assert.equal(firstTokenEndingAfter(spans.ends, spans.count, 0), 0);
		assert.equal(firstTokenEndingAfter(spans.ends, spans.count, spans.ends[0]), 1);
		assert.equal(firstTokenEndingAfter(spans.ends, spans.count, text.length), spans.count);
	});

	it('selects exactly the tokens overlapping the span when under the cap', () => {
		for (const [start, end] of [[0, 50], [1000, 1400], [spans.starts[10] + 1, spans.ends[20] - 1], [text.length - 30, text.length]]) {
			const slice = tokensInSpan(spans.starts, spans.ends, spans.count, start, end, 10_000, start);
			const expected = overlapping(start, end);
			assert.deepEqual([slice.first, slice.end], [expected[0], expected[expected.length - 1] + 1], `${start}…${end}`);
		}
	});

	it('caps the slice around the focus offset, inside the span', () => {
		const focusToken = 1500;
		const slice = tokensInSpan(spans.starts, spans.ends, spans.count, 0, text.length, 100, spans.starts[focusToken]);
		assert.equal(slice.end - slice.first, 100);
		assert.ok(slice.first <= focusToken && focusToken < slice.end);
		const atEnd = tokensInSpan(spans.starts, spans.ends, spans.count, 0, text.length, 100, text.length);
		assert.deepEqual(atEnd, { first: spans.count - 100, end: spans.count });
	});

	it('is empty for a span between tokens', () => {
		const gap = spans.ends[5];
		const slice = tokensInSpan(spans.starts, spans.ends, spans.count, gap, gap + 1, 100, gap);
		assert.equal(slice.end - slice.first, 0);
	});
});
