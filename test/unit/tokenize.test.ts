import * as assert from 'node:assert/strict';
import { tokenize, tokenSpans, TokenizerError, type TokenizeOptions } from '../../src/core/tokenize';
import { referenceSentence } from '../../src/core/reference';

const texts = (text: string, options?: TokenizeOptions) => tokenize(text, options).map((t) => t.text);

describe('tokenize (table-driven)', () => {
	it('splits the reference sentence into T_x = 12 words with 221B as one token', () => {
		const tokens = tokenize(referenceSentence);
		assert.equal(tokens.length, 12);
		assert.deepEqual(
			tokens.map((t) => t.text),
			['Sherlock', 'Holmes', 'and', 'John', 'Watson', 'lived', 'at', '221B', 'Baker', 'Street', 'in', 'London'],
		);
		assert.deepEqual(tokens[7], { text: '221B', start: 41, end: 45 });
		assert.deepEqual(tokens[11], { text: 'London', start: 62, end: 68 });
	});

	const cases: Array<[string, string, TokenizeOptions, string[]]> = [
		['empty text', '', {}, []],
		['whitespace and punctuation only', ' \t\r\n.,;!? ', {}, []],
		['contraction kept whole', "Don't stop, it's late", {}, ["Don't", 'stop', "it's", 'late']],
		['typographic apostrophe kept whole', 'Don\u2019t stop', {}, ['Don\u2019t', 'stop']],
		['apostrophes switched off', "Don't stop", { keepApostrophes: false }, ['Don', 't', 'stop']],
		['apostrophe at a word edge is dropped', "dogs' bowls 'tis", {}, ['dogs', 'bowls', 'tis']],
		['several internal apostrophes', "rock'n'roll", {}, ["rock'n'roll"]],
		['hyphenated compound kept whole', 'a well-known fact', {}, ['a', 'well-known', 'fact']],
		['Unicode hyphen and non-breaking hyphen', 'e\u2010mail non\u2011stop', {}, ['e\u2010mail', 'non\u2011stop']],
		['hyphens switched off', 'well-known', { keepHyphens: false }, ['well', 'known']],
		['double hyphen and dangling hyphen split', 'yes--no pre- and post-war', {}, ['yes', 'no', 'pre', 'and', 'post-war']],
		['apostrophes off, hyphens on', "don't well-known", { keepApostrophes: false }, ['don', 't', 'well-known']],
		['en dash is not a joiner', '1990\u20131995', {}, ['1990', '1995']],
		['combining mark stays in its word', 'cafe\u0301 noir', {}, ['cafe\u0301', 'noir']],
		['letters outside the BMP', '\u{1d400}\u{1d401} x', {}, ['\u{1d400}\u{1d401}', 'x']],
		['emoji are not words', 'I \u2764\ufe0f NY \u{1f600}', {}, ['I', 'NY']],
		['right-to-left scripts', '\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd, \u0645\u0631\u062d\u0628\u0627', {}, ['\u05e9\u05dc\u05d5\u05dd', '\u05e2\u05d5\u05dc\u05dd', '\u0645\u0631\u062d\u0628\u0627']],
		['CRLF and tabs separate', 'one\r\ntwo\tthree', {}, ['one', 'two', 'three']],
		['digits and letters form one word', 'R2D2 and 3.14', {}, ['R2D2', 'and', '3', '14']],
		['punctuation tokens', 'Hello, world!', { tokenizer: 'words+punctuation' }, ['Hello', ',', 'world', '!']],
		['ZWJ emoji sequence is one symbol', 'a \u{1f468}\u200d\u{1f469}\u200d\u{1f467} b', { tokenizer: 'words+punctuation' }, ['a', '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}', 'b']],
		['flag and skin tone stay whole', '\u{1f1ec}\u{1f1e7}\u{1f44d}\u{1f3fd}', { tokenizer: 'words+punctuation' }, ['\u{1f1ec}\u{1f1e7}', '\u{1f44d}\u{1f3fd}']],
		['ellipsis marks are separate tokens', 'wait...', { tokenizer: 'words+punctuation' }, ['wait', '.', '.', '.']],
		['whitespace tokenizer keeps punctuation', 'a,b  c\td\r\ne.', { tokenizer: 'whitespace' }, ['a,b', 'c', 'd', 'e.']],
		['regex tokenizer', 'abc 123 de4', { tokenizer: 'regex', pattern: '\\d+' }, ['123', '4']],
		['regex may match the empty string', 'ab', { tokenizer: 'regex', pattern: 'a*' }, ['a']],
	];
	for (const [name, text, options, expected] of cases) {
		it(name, () => {
			assert.deepEqual(texts(text, options), expected);
		});
	}

	it('rejects an invalid regex with a TokenizerError naming the pattern and the problem', () => {
		assert.throws(
			() => tokenize('x', { tokenizer: 'regex', pattern: '(' }),
			(error: unknown) => error instanceof TokenizerError && /\/\(\//.test(error.message) && /unterminated group/i.test(error.message),
		);
		assert.throws(
			() => tokenize('x', { tokenizer: 'regex', pattern: '[z-a]' }),
			(error: unknown) => error instanceof TokenizerError && /range out of order/i.test(error.message),
		);
	});

	it('rejects a regex tokenizer without a pattern and an unknown tokenizer', () => {
		assert.throws(() => tokenize('x', { tokenizer: 'regex' }), TokenizerError);
		assert.throws(() => tokenize('x', { tokenizer: 'nope' as never }), /Unknown tokenizer "nope"/);
	});

	describe('segmenter (Intl.Segmenter word boundaries)', () => {
		const segmented: Array<[string, string, string]> = [
			['Chinese', 'zh', '\u6211\u559c\u6b22\u5b66\u4e60\u81ea\u7136\u8bed\u8a00\u5904\u7406'],
			['Japanese', 'ja', '\u79c1\u306f\u6771\u4eac\u306b\u4f4f\u3093\u3067\u3044\u307e\u3059'],
			['Thai', 'th', '\u0e09\u0e31\u0e19\u0e23\u0e31\u0e01\u0e20\u0e32\u0e29\u0e32\u0e44\u0e17\u0e22\u0e21\u0e32\u0e01'],
		];
		for (const [name, locale, text] of segmented) {
			it(`splits ${name} written without spaces into several words that cover the text`, () => {
				const tokens = tokenize(text, { tokenizer: 'segmenter', locale });
				assert.ok(tokens.length >= 3, `${tokens.length} tokens: ${tokens.map((t) => t.text).join('|')}`);
				assert.equal(tokens.map((t) => t.text).join(''), text);
				// The words tokenizer sees one unbroken run of letters.
				assert.equal(tokenize(text).length, 1);
			});
		}
		it('drops spaces and punctuation in English', () => {
			assert.deepEqual(texts("Hello, world! It's 5 o'clock.", { tokenizer: 'segmenter', locale: 'en' }), ['Hello', 'world', "It's", '5', "o'clock"]);
		});
	});

	it('returns spans in typed arrays that agree with tokenize', () => {
		const spans = tokenSpans(referenceSentence);
		assert.ok(spans.starts instanceof Int32Array && spans.ends instanceof Int32Array);
		assert.equal(spans.count, 12);
		assert.deepEqual(Array.from(spans.starts), tokenize(referenceSentence).map((t) => t.start));
	});

	it('grows past its first capacity guess (text of one-letter words)', () => {
		const text = 'a '.repeat(50_000);
		const spans = tokenSpans(text);
		assert.equal(spans.count, 50_000);
		assert.equal(spans.starts[49_999], 99_998);
		assert.equal(spans.ends[49_999], 99_999);
	});
});
