// The built-in vocabulary with its unknown entry respelt: same index, same |V|, the new spelling
// is found as a word, and analyses computed from precomputed spans match analyze().
import * as assert from 'node:assert/strict';
import { analyze, analyzeTokenSpans } from '../../src/core/analyze';
import { conventionIds } from '../../src/core/conventions';
import { defaultVocabulary } from '../../src/core/defaultVocabulary';
import { referenceSentence } from '../../src/core/reference';
import { regexSpans } from '../../src/core/tokenize';

describe('unknown token override', () => {
	for (const convention of conventionIds) {
		it(`keeps the index and |V| of the unknown entry under ${convention}`, () => {
			const plain = defaultVocabulary(convention);
			const respelt = defaultVocabulary(convention, '[OOV]');
			assert.equal(respelt.size, plain.size);
			assert.equal(respelt.unkIndex, plain.unkIndex);
			assert.equal(respelt.unkToken, '[OOV]');
			assert.equal(respelt.padIndex, plain.padIndex);
		});
	}

	it('maps 221B to the same index under the new spelling, and finds the spelling itself', () => {
		const vocabulary = defaultVocabulary('course', '<unk>');
		const a = analyze(referenceSentence, { vocabulary });
		assert.equal(a.indices[7], 10000);
		assert.equal(a.unknown[7], 1);
		const spelt = analyze('<unk>', { tokenizer: 'whitespace', vocabulary, lowercase: false });
		assert.equal(spelt.unknown[0], 0);
		assert.equal(spelt.indices[0], 10000);
	});

	it('caches one vocabulary per convention and spelling', () => {
		assert.equal(defaultVocabulary('course', '<unk>'), defaultVocabulary('course', '<unk>'));
		assert.notEqual(defaultVocabulary('course', '<unk>'), defaultVocabulary('course'));
	});
});

describe('analysis from precomputed spans', () => {
	it('equals analyze() for the same tokenizer', () => {
		const options = { tokenizer: 'regex' as const, pattern: '[\\p{L}\\p{N}]+' };
		const direct = analyze(referenceSentence, options);
		const fromSpans = analyzeTokenSpans(referenceSentence, regexSpans(referenceSentence, options), options);
		assert.equal(fromSpans.length, 12);
		assert.deepEqual([...fromSpans.indices], [...direct.indices]);
		assert.deepEqual([...fromSpans.starts], [...direct.starts]);
	});
});
