import * as assert from 'node:assert/strict';
import { suggestConvention } from '../../src/core/suggestConvention';
import { conventionIds } from '../../src/core/conventions';
import { defaultVocabulary } from '../../src/core/defaultVocabulary';
import { loadVocabulary, saveVocabulary } from '../../src/core/vocabularyFiles';

describe('suggestConvention (text and JSON-list files, numbered by the convention)', () => {
	it('names Hugging Face for a BERT vocab.txt ([PAD] first, or its specials together)', () => {
		// bert-base-uncased's vocab.txt: [PAD] = 0, [unused0]…[unused98] = 1…99, [UNK] = 100,
		// [CLS] = 101, [SEP] = 102, [MASK] = 103, then the words.
		const bert = ['[PAD]', ...Array.from({ length: 99 }, (_, i) => `[unused${i}]`), '[UNK]', '[CLS]', '[SEP]', '[MASK]', 'the', 'of'];
		assert.deepEqual(suggestConvention(bert), { convention: 'huggingface', reason: 'starts with [PAD]' });
		assert.deepEqual(suggestConvention(['[UNK]', '[CLS]', '[SEP]', 'the']), { convention: 'huggingface', reason: 'starts with [UNK], [CLS], [SEP]' });
		// A vocabulary of pieces without the specials in front.
		const pieces = ['the', 'a', ...Array.from({ length: 20 }, (_, i) => `##${String.fromCharCode(97 + i)}`)];
		assert.equal(suggestConvention(pieces)?.convention, 'huggingface');
		assert.match(suggestConvention(pieces)?.reason ?? '', /20 WordPiece continuations/);
		assert.equal(suggestConvention(['<s>', '<pad>', '</s>', '<unk>', 'the'])?.convention, 'huggingface');
	});

	it('names Keras TextVectorization for get_vocabulary() order and torchtext for its specials', () => {
		assert.equal(suggestConvention(['', '[UNK]', 'the', 'cat'])?.convention, 'keras-textvectorization');
		assert.equal(suggestConvention(['<unk>', '<pad>', '<bos>', '<eos>', 'the'])?.convention, 'torchtext');
	});

	it('says nothing about a plain word list, one stray special, or a few ## words', () => {
		assert.equal(suggestConvention(['a', 'b', 'c', '<UNK>']), undefined);
		assert.equal(suggestConvention(['the', '[UNK]', 'cat']), undefined);
		const hashtags = ['##python', ...Array.from({ length: 2000 }, (_, i) => `w${i}`)];
		assert.equal(suggestConvention(hashtags), undefined);
	});

	it('finds back the convention of the built-in list written as text or a JSON list under each convention', () => {
		for (const id of conventionIds) {
			for (const format of ['text', 'json-list'] as const) {
				const written = saveVocabulary(defaultVocabulary(id), format);
				const entries = loadVocabulary(written, { format, convention: id }).entries;
				const suggested = suggestConvention(entries)?.convention;
				// Course and the Keras Tokenizer lists have no library marks; the others do.
				const expected = id === 'course' || id === 'keras-tokenizer' ? undefined : id;
				assert.equal(suggested, expected, `${id} ${format}`);
			}
		}
	});
});
