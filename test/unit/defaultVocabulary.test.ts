import * as assert from 'node:assert/strict';
import { defaultVocabulary, defaultWords } from '../../src/core/defaultVocabulary';
import { compareCodePoints } from '../../src/core/conventions';
import { tokenize } from '../../src/core/tokenize';
import { normalizeToken } from '../../src/core/normalize';
import { analyze } from '../../src/core/analyze';
import { referenceSentence } from '../../src/core/reference';

describe('default vocabulary', () => {
	const v = defaultVocabulary();
	const words = defaultWords();

	it('has |V| = 10,000: 9,999 words sorted by code point with indices 1…9,999 and <UNK> = 10,000', () => {
		assert.equal(words.length, 9_999);
		assert.equal(v.size, 10_000);
		assert.equal(v.base, 1);
		assert.equal(v.unkIndex, 10_000);
		assert.equal(v.tokenAt(10_000), '<UNK>');
		for (let i = 2; i < 10_000; i++) {
			assert.ok(compareCodePoints(v.tokenAt(i - 1) as string, v.tokenAt(i) as string) < 0, `order at ${i}`);
		}
	});

	it('puts "a" at index 1', () => {
		assert.equal(v.lookup('a'), 1);
		assert.equal(v.tokenAt(1), 'a');
	});

	it('gives the reference sentence exactly one <UNK>, 221B', () => {
		const analysis = analyze(referenceSentence);
		const unknown = Array.from(analysis.unknown).flatMap((u, t) => (u ? [referenceSentence.slice(analysis.starts[t], analysis.ends[t])] : []));
		assert.deepEqual(unknown, ['221B']);
	});

	it('agrees with the tokenizer: every entry is one words token and its own normal form', () => {
		for (const w of words) {
			const tokens = tokenize(w);
			assert.equal(tokens.length, 1, w);
			assert.equal(tokens[0].text, w);
			assert.equal(normalizeToken(w), w);
		}
	});

	it('has no numerals, so digits never sort before "a"', () => {
		assert.ok(words.every((w) => !/\p{N}/u.test(w)));
	});

	it('has contractions whole, as the tokenizer keeps them, and not the pieces the source split them into', () => {
		for (const w of ["don't", "can't", "won't", "it's", "i'm", "i've", "you're", "we'll", "didn't", 'can', 'shall', 'do']) {
			assert.ok(v.has(w), w);
		}
		for (const w of ['didn', 'couldn', 'wouldn', 'doesn', "'t", "'s", "'re"]) {
			assert.ok(!v.has(w), w);
		}
		// The typographic apostrophe finds the same entry.
		assert.equal(analyze('Don\u2019t').indices[0], v.lookup("don't"));
	});

	it('has both one-letter words and the other letters', () => {
		for (let c = 0x61; c <= 0x7a; c++) {
			assert.ok(v.has(String.fromCharCode(c)), String.fromCharCode(c));
		}
		assert.equal(analyze('I').indices[0], v.lookup('i'));
	});

	it('has no duplicates and no entry equal to <UNK>', () => {
		assert.equal(new Set(words).size, words.length);
		assert.ok(!words.includes('<UNK>'));
	});
});
