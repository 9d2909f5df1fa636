import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { regexSpans, tokenSpans, tokenize, type TokenizeOptions, type TokenSpans } from '../../src/core/tokenize';

// Pieces that stress offsets: surrogate pairs (emoji, math letters), lone surrogates, combining
// marks, ZWJ sequences, variation selectors, flags, RTL letters, CJK, CRLF, tabs, joiners.
const pieces = [
	'a', 'Z', 'é', 'e\u0301', '7', '\u0663', "'", '\u2019', '-', '\u2010', '\u2011', '\u2013', ' ', '\t', '\r\n', '\n', '.', ',', '!',
	'\u{1f600}', '\u{1d400}', '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}', '\u{1f1ec}\u{1f1e7}', '\u{1f44d}\u{1f3fd}', '\u2764\ufe0f',
	'\ud800', '\udc00', '\u200d', '\u05e9\u05dc\u05d5\u05dd', '\u0645\u0631\u062d\u0628\u0627', '\u4e2d\u6587', '\u0e44\u0e17\u0e22', '\u00a0', '\u0301',
];
const piecewise = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(''));
const anyText = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 60 }),
	fc.string({ unit: 'grapheme', maxLength: 30 }),
	fc.string({ unit: 'binary-ascii', maxLength: 60 }),
	piecewise,
);

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** A boundary at `i` would cut a surrogate pair in two. */
const splitsPair = (text: string, i: number) => i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));

function assertWellFormed(text: string, options: TokenizeOptions): void {
	const tokens = tokenize(text, options);
	let previousEnd = 0;
	for (const token of tokens) {
		assert.ok(token.start >= previousEnd, `tokens overlap or are out of order at ${token.start}`);
		assert.ok(token.end > token.start, 'empty token');
		assert.ok(token.end <= text.length);
		assert.equal(text.slice(token.start, token.end), token.text);
		assert.ok(!splitsPair(text, token.start) && !splitsPair(text, token.end), `token ${JSON.stringify(token)} splits a surrogate pair`);
		previousEnd = token.end;
	}
}

const sameSpans = (a: TokenSpans, b: TokenSpans) => {
	assert.equal(a.count, b.count);
	assert.deepEqual(Array.from(a.starts), Array.from(b.starts));
	assert.deepEqual(Array.from(a.ends), Array.from(b.ends));
};

describe('tokenize (properties on random Unicode text)', () => {
	const tokenizers: Array<[string, TokenizeOptions]> = [
		['words', {}],
		['words, no joiners', { keepApostrophes: false, keepHyphens: false }],
		['words+punctuation', { tokenizer: 'words+punctuation' }],
		['whitespace', { tokenizer: 'whitespace' }],
		['regex \\p{L}+', { tokenizer: 'regex', pattern: '\\p{L}+' }],
		['regex . (one code point)', { tokenizer: 'regex', pattern: '.' }],
		['regex that can match empty', { tokenizer: 'regex', pattern: '\\p{N}*' }],
		['segmenter', { tokenizer: 'segmenter' }],
		['segmenter, Japanese', { tokenizer: 'segmenter', locale: 'ja' }],
	];
	for (const [name, options] of tokenizers) {
		it(`${name}: offsets are UTF-16 slices, in order, non-overlapping, never inside a surrogate pair`, () => {
			fc.assert(fc.property(anyText, (text) => assertWellFormed(text, options)), { numRuns: 400 });
		});
	}

	it('words: the scanner gives exactly the boundaries of the regex definition', () => {
		fc.assert(
			fc.property(anyText, fc.boolean(), fc.boolean(), (text, keepApostrophes, keepHyphens) => {
				const options = { keepApostrophes, keepHyphens };
				sameSpans(tokenSpans(text, options), regexSpans(text, options));
			}),
			{ numRuns: 3000 },
		);
	});

	it('words: every letter and number of the text is inside a token, and only they start one', () => {
		const wordStart = /[\p{L}\p{N}]/u;
		fc.assert(
			fc.property(anyText, (text) => {
				const spans = tokenSpans(text);
				const covered = new Uint8Array(text.length);
				for (let t = 0; t < spans.count; t++) {
					covered.fill(1, spans.starts[t], spans.ends[t]);
					assert.ok(wordStart.test(String.fromCodePoint(text.codePointAt(spans.starts[t]) as number)));
				}
				for (const match of text.matchAll(/[\p{L}\p{N}]/gu)) {
					assert.equal(covered[match.index as number], 1, `uncovered ${JSON.stringify(match[0])} at ${match.index}`);
				}
			}),
			{ numRuns: 1000 },
		);
	});
});
