import assert from 'node:assert/strict';
import { defaultVocabulary, Vocabulary, vocabularyFromWords } from '../../src/core';
import { insertWord } from '../../src/core/vocabularyEdit';

describe('insertWord (Add to vocabulary)', () => {
	it('puts a word at its code-point place in a course vocabulary; everything after it, <UNK> included, moves up by one', () => {
		const v = vocabularyFromWords(['the', 'baker', 'street', 'zoo'], 'course', 'small');
		assert.deepEqual(v.entries, ['baker', 'street', 'the', 'zoo', '<UNK>']);
		const { vocabulary, index, shifted, sorted } = insertWord(v, 'london');
		assert.deepEqual(vocabulary.entries, ['baker', 'london', 'street', 'the', 'zoo', '<UNK>']);
		assert.equal(index, 2);
		assert.equal(shifted, 4);
		assert.equal(sorted, true);
		assert.equal(vocabulary.unkIndex, 6);
		assert.equal(vocabulary.size, 6);
		assert.equal(vocabulary.lookup('street'), v.lookup('street') + 1);
		assert.equal(vocabulary.lookup('baker'), v.lookup('baker'));
	});

	it('adds "221b" to the built-in course list before every letter word, as code points order digits first', () => {
		const v = defaultVocabulary('course');
		const { vocabulary, index } = insertWord(v, '221b');
		// An independent count: words that sort before "221b" by UTF-16 code units (all ASCII here).
		const smaller = v.entries.slice(0, v.size - 1).filter((w) => w < '221b').length;
		assert.equal(index, smaller + 1);
		assert.equal(vocabulary.tokenAt(index), '221b');
		assert.equal(vocabulary.unkIndex, 10_001);
		assert.equal(v.size, 10_000, 'the built-in vocabulary is not modified');
		assert.equal(v.has('221b'), false);
	});

	it('appends after the last word of a frequency-ordered list, leaving the specials and every other index alone', () => {
		const v = vocabularyFromWords(['the', 'cat', 'sat'], 'keras-tokenizer', 'keras');
		assert.deepEqual(v.entries, ['<PAD>', '<OOV>', 'the', 'cat', 'sat']);
		const { vocabulary, index, shifted, sorted } = insertWord(v, 'mat');
		assert.deepEqual(vocabulary.entries, ['<PAD>', '<OOV>', 'the', 'cat', 'sat', 'mat']);
		assert.equal(index, 5);
		assert.equal(shifted, 0);
		assert.equal(sorted, false);
		assert.equal(vocabulary.unkIndex, 1);
		assert.equal(vocabulary.padIndex, 0);
	});

	it('keeps a course <UNK> last when the words are not sorted', () => {
		const v = new Vocabulary({ name: 'x', entries: ['zoo', 'apple', '<UNK>'], base: 1, unkIndex: 3, padIndex: null, convention: 'course' });
		const { vocabulary, index, shifted } = insertWord(v, 'mango');
		assert.deepEqual(vocabulary.entries, ['zoo', 'apple', 'mango', '<UNK>']);
		assert.equal(index, 3);
		assert.equal(shifted, 1);
		assert.equal(vocabulary.unkIndex, 4);
	});

	it('refuses a word that is already there, and an empty one', () => {
		const v = vocabularyFromWords(['the'], 'course', 'one');
		assert.throws(() => insertWord(v, 'the'), /already in the vocabulary, at index 1/);
		assert.throws(() => insertWord(v, ''), /cannot be empty/);
	});
});
