// Fuzzing what tokenize.property.test.ts does not: the whole analyze() path (every tokenizer
// with every lookup normalisation, including the ASCII fast lookup), user regex patterns of any
// shape, and segmenter locales. Offsets must always be UTF-16 slices of the input.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { analyze, type AnalyzeOptions } from '../../src/core/analyze';
import { conventionIds, vocabularyFromWords } from '../../src/core/conventions';
import { normalizeToken } from '../../src/core/normalize';
import { tokenize, tokenizerKinds, TokenizerError, type TokenizeOptions } from '../../src/core/tokenize';

const pieces = ['the', 'The', 'THE', 'don', "'", '\u2019', 't', '-', 'well', 'é', 'e\u0301', 'ﬁ', 'Ǆ', 'İ', 'ß', '\u212a', '221B', ' ', '\r\n', '\t', '.', '\u{1f600}', '\ud800', '\u4e2d', '\u00a0'];
const text = fc.oneof(
	fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join('')),
	fc.string({ unit: 'binary', maxLength: 50 }),
	fc.string({ unit: 'grapheme', maxLength: 20 }),
);
/** Vocabulary words that the fuzzed text can hit, case and normal-form variants included. */
const words = fc.uniqueArray(fc.oneof(fc.constantFrom('the', 'The', "don't", 'don’t', 'well-known', 'é', 'e\u0301', 'fi', 'ﬁ', 'ǆ', 'i̇', 'ß', 'k', '221b', '中'), fc.string({ maxLength: 4 })), {
	maxLength: 20,
});

const tokenizerOptions: fc.Arbitrary<TokenizeOptions> = fc.oneof(
	fc.record({ tokenizer: fc.constantFrom(...tokenizerKinds.filter((k) => k !== 'regex')), keepApostrophes: fc.boolean(), keepHyphens: fc.boolean() }),
	fc.record({ tokenizer: fc.constant('regex' as const), pattern: fc.constantFrom('\\p{L}+', '\\S+', '\\w+', '[^ ]', '\\b', '.*', '(?<=a)b') }),
);

describe('analyze (fuzzed: every tokenizer × every normalisation)', () => {
	it('offsets are slices of the text, and each index is the lookup of the normalised slice', () => {
		fc.assert(
			fc.property(
				text,
				words,
				fc.constantFrom(...conventionIds),
				tokenizerOptions,
				fc.boolean(),
				fc.constantFrom('NFC' as const, 'NFKC' as const, 'none' as const),
				fc.boolean(),
				(input, list, convention, tokenizer, lowercase, unicodeForm, stripAccents) => {
					const vocabulary = vocabularyFromWords(list, convention, 'fuzz');
					const options: AnalyzeOptions = { ...tokenizer, lowercase, unicodeForm, stripAccents, vocabulary };
					const a = analyze(input, options);
					const tokens = tokenize(input, options);
					assert.equal(a.length, tokens.length);
					let unknown = 0;
					for (let t = 0; t < a.length; t++) {
						assert.equal(a.starts[t], tokens[t].start);
						assert.equal(a.ends[t], tokens[t].end);
						const key = normalizeToken(input.slice(a.starts[t], a.ends[t]), options);
						assert.equal(a.indices[t], vocabulary.lookup(key), `x⟨${t + 1}⟩ ${JSON.stringify(key)}`);
						assert.equal(a.unknown[t], vocabulary.has(key) ? 0 : 1);
						unknown += a.unknown[t];
					}
					assert.equal(a.unknownCount, unknown);
				},
			),
			{ numRuns: 800 },
		);
	});
});

// Pattern pieces that make valid, invalid and empty-matching regexes; short inputs keep any
// backtracking pattern cheap (catastrophic patterns are the regex guard's tests).
const patternPieces = ['a', '.', '\\p{L}', '\\P{L}', '\\s', '\\d', '\\b', '^', '$', '|', '(', ')', '(?:', '(?=', '(?<=', '[', ']', '[^', '*', '+', '?', '{2}', '{1,', '\\', '\\u{1F600}', '\\ud800', '\\k<x>', '(?<x>'];
const pattern = fc.array(fc.constantFrom(...patternPieces), { minLength: 1, maxLength: 6 }).map((p) => p.join(''));

describe('regex and segmenter tokenizers (fuzzed options)', () => {
	it('a user pattern either tokenizes with valid offsets or throws TokenizerError', () => {
		fc.assert(
			fc.property(pattern, fc.string({ unit: 'binary', maxLength: 16 }), (source, input) => {
				let tokens;
				try {
					tokens = tokenize(input, { tokenizer: 'regex', pattern: source });
				} catch (error) {
					assert.ok(error instanceof TokenizerError, String(error));
					return;
				}
				let previousEnd = 0;
				for (const token of tokens) {
					assert.ok(token.start >= previousEnd && token.end > token.start && token.end <= input.length);
					assert.equal(input.slice(token.start, token.end), token.text);
					previousEnd = token.end;
				}
			}),
			{ numRuns: 1500 },
		);
	});

	it('any locale string either segments with valid offsets or throws TokenizerError', () => {
		const locale = fc.oneof(fc.constantFrom('en', 'ja', 'th', 'zh-Hant', 'x', '', 'en-US-u-co-phonebk', '!!'), fc.string({ maxLength: 8 }));
		fc.assert(
			fc.property(locale, text, (tag, input) => {
				let tokens;
				try {
					tokens = tokenize(input, { tokenizer: 'segmenter', locale: tag });
				} catch (error) {
					assert.ok(error instanceof TokenizerError, String(error));
					return;
				}
				for (const token of tokens) {
					assert.equal(input.slice(token.start, token.end), token.text);
				}
			}),
			{ numRuns: 500 },
		);
	});
});
