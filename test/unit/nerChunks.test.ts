import { strict as assert } from 'node:assert';
import { splitChunks } from '../../src/core/ner/chunks';

function check(text: string, maxChars: number) {
	const chunks = splitChunks(text, maxChars);
	let pos = 0;
	for (const c of chunks) {
		assert.equal(c.start, pos, 'chunks are consecutive');
		assert.ok(c.end > c.start, 'no empty chunk');
		assert.ok(c.end - c.start <= maxChars, `chunk of ${c.end - c.start} > ${maxChars}`);
		pos = c.end;
	}
	assert.equal(pos, text.length, 'chunks cover the text');
	return chunks.map((c) => text.slice(c.start, c.end));
}

describe('splitChunks', () => {
	it('returns one chunk for short text and none for empty text', () => {
		assert.deepEqual(check('A short line.', 100), ['A short line.']);
		assert.deepEqual(splitChunks('', 100), []);
	});

	it('cuts after line breaks first', () => {
		const text = 'First line here.\nSecond line here.\nThird line here.';
		assert.deepEqual(check(text, 40), ['First line here.\nSecond line here.\n', 'Third line here.']);
	});

	it('cuts after a sentence end when a line is too long', () => {
		const text = 'Ada wrote notes. Charles built engines. Both met in London.';
		assert.deepEqual(check(text, 45), ['Ada wrote notes. Charles built engines. ', 'Both met in London.']);
	});

	it('falls back to a space, then to a hard cut that never splits a surrogate pair', () => {
		assert.deepEqual(check('alpha beta gamma delta', 12), ['alpha beta ', 'gamma delta']);
		const emoji = '😀😀😀😀😀';
		const pieces = check(emoji, 3);
		for (const piece of pieces) assert.equal(piece.length % 2, 0, `split inside a surrogate pair: ${JSON.stringify(piece)}`);
	});

	it('rejects a useless maxChars', () => {
		assert.throws(() => splitChunks('abc', 1), RangeError);
		assert.throws(() => splitChunks('abc', Number.NaN), RangeError);
	});
});
