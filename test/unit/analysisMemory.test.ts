import * as assert from 'node:assert/strict';
import { vocabularyFromWords } from '../../src/core/conventions';
import { defaultVocabulary } from '../../src/core/defaultVocabulary';
import { hashTexts, parseMemory, sameVocabulary, vocabularyIdentity } from '../../src/extension/editor/analysisMemory';

describe('analysis memory (what a window reload needs to run an analysis again)', () => {
	const good = {
		uri: 'file:///w/a.txt',
		spans: [{ start: 0, end: 5 }, { start: 10, end: 20 }],
		textHash: hashTexts(['hello', 'other text']),
		vocabulary: vocabularyIdentity(defaultVocabulary('course')),
	};

	it('keeps well-formed records and drops malformed ones', () => {
		const raw = [
			good,
			{ ...good, spans: [] },
			{ ...good, spans: [{ start: 5, end: 2 }] },
			{ ...good, spans: [{ start: -1, end: 2 }] },
			{ ...good, uri: 7 },
			{ ...good, vocabulary: { ...good.vocabulary, size: '10000' } },
			null,
			'text',
		];
		assert.deepEqual(parseMemory(raw), [good]);
		assert.deepEqual(parseMemory({ not: 'an array' }), []);
		assert.deepEqual(parseMemory(undefined), []);
	});

	it('the text hash tells the ranges apart, not only their concatenation', () => {
		assert.notEqual(hashTexts(['ab', 'c']), hashTexts(['a', 'bc']));
		assert.equal(hashTexts(['ab', 'c']), hashTexts(['ab', 'c']));
	});

	it('a vocabulary is the same only with the same entries and numbering', () => {
		const words = ['the', 'cat', 'sat'];
		const a = vocabularyIdentity(vocabularyFromWords(words, 'course', 'mine'));
		const b = vocabularyIdentity(vocabularyFromWords([...words], 'course', 'mine'));
		const otherWord = vocabularyIdentity(vocabularyFromWords(['the', 'cat', 'mat'], 'course', 'mine'));
		const otherConvention = vocabularyIdentity(vocabularyFromWords(words, 'keras-tokenizer', 'mine'));
		assert.ok(sameVocabulary(a, b));
		assert.ok(!sameVocabulary(a, otherWord), 'same size, one word changed');
		assert.ok(!sameVocabulary(a, otherConvention));
		assert.ok(!sameVocabulary(a, vocabularyIdentity(defaultVocabulary('course'))));
	});
});
