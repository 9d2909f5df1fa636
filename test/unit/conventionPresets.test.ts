import assert from 'node:assert/strict';
import {
	analyze,
	buildVocabulary,
	compareCodePoints,
	conventionIds,
	conventions,
	defaultVocabulary,
	defaultWords,
	loadVocabulary,
	makeBatch,
	oneHotColumns,
	referenceSentence,
	vocabularyFromWords,
} from '../../src/core';
import { pythonHas, runPython } from './support/python';

describe('convention presets give the layouts of DESIGN.md', () => {
	it('course: words 1…|V|−1 alphabetically, <UNK> = |V|, no padding index', () => {
		const v = defaultVocabulary('course');
		assert.equal(v.size, 10000);
		assert.equal(v.base, 1);
		assert.equal(v.lookup('a'), 1, 'code-point order puts "a" first');
		assert.equal(v.unkIndex, v.size);
		assert.equal(v.unkToken, '<UNK>');
		assert.equal(v.padIndex, null);
		for (let p = 1; p < v.size - 1; p++) {
			assert.ok(compareCodePoints(v.entries[p - 1], v.entries[p]) < 0, `${v.entries[p - 1]} before ${v.entries[p]}`);
		}
		const a = analyze(referenceSentence, { vocabulary: v });
		assert.equal(a.length, 12);
		assert.equal(a.indices[7], 10000, 'x⟨8⟩ = 221B ↦ <UNK> = 10,000');
		assert.equal(a.unknownCount, 1);
	});

	it('course batches pad with 0 by default, outside the 1-based vocabulary', () => {
		const v = defaultVocabulary('course');
		const batch = makeBatch([analyze('Sherlock Holmes', { vocabulary: v }), analyze('Watson', { vocabulary: v })]);
		assert.equal(batch.padIndex, 0);
		assert.equal(batch.indices[3], 0);
		assert.equal(batch.columns[3], -1, 'a padded step is an all-zero one-hot row');
	});

	it('Keras Tokenizer: PAD 0 reserved, OOV 1, words from 2 by frequency (fit_on_texts example)', async () => {
		// Keras's Tokenizer docstring: "0 is a reserved index that won't be assigned to any word";
		// fit_on_texts puts oov_token at index 1 and the words after it by descending count, ties
		// in first-seen order. For ['The cat sat on the mat.', 'The dog ate my homework.'] with
		// oov_token='<OOV>' that is {'<OOV>': 1, 'the': 2, 'cat': 3, 'sat': 4, 'on': 5, 'mat': 6, 'dog': 7, …}.
		const { vocabulary: v } = await buildVocabulary(['The cat sat on the mat.', ' The dog ate my homework.'], { convention: 'keras-tokenizer' });
		assert.equal(v.padIndex, 0);
		assert.equal(v.unkIndex, 1);
		const expected = { the: 2, cat: 3, sat: 4, on: 5, mat: 6, dog: 7, ate: 8, my: 9, homework: 10 };
		for (const [word, index] of Object.entries(expected)) {
			assert.equal(v.lookup(word), index, word);
		}
		assert.equal(v.size, 11, '|V| counts PAD and OOV');
		assert.deepEqual([...analyze('the bird sat', { vocabulary: v }).indices], [2, 1, 4]);
	});

	it("Keras TextVectorization: '' = 0, [UNK] = 1, words from 2 (get_vocabulary example)", () => {
		// TextVectorization(vocabulary=["earth", "wind", "and", "fire"]).get_vocabulary() is
		// ['', '[UNK]', 'earth', 'wind', 'and', 'fire'] in the Keras docs.
		const v = vocabularyFromWords(['earth', 'wind', 'and', 'fire'], 'keras-textvectorization', 'docs');
		assert.deepEqual([...v.entries], ['', '[UNK]', 'earth', 'wind', 'and', 'fire']);
		assert.deepEqual([...analyze('Earth, wind and fire!', { vocabulary: v }).indices], [2, 3, 4, 5]);
		assert.equal(v.padIndex, 0);
		assert.equal(v.unkIndex, 1);
	});

	it('Keras TextVectorization: padded batch as in the adapt example', () => {
		// The TextVectorization docs adapt on ["foo", "bar", "baz"] and then map
		// [["foo qux bar"], ["qux baz"]] to [[2, 1, 4, 0], [1, 3, 0, 0]] (output_sequence_length=4),
		// so the vocabulary is ['', '[UNK]', 'foo', 'baz', 'bar']; padding to the longest example gives
		// the same rows without the last column.
		const v = loadVocabulary('["", "[UNK]", "foo", "baz", "bar"]', { convention: 'keras-textvectorization' });
		const batch = makeBatch([analyze('foo qux bar', { vocabulary: v }), analyze('qux baz', { vocabulary: v })]);
		assert.deepEqual([...batch.indices], [2, 1, 4, 1, 3, 0]);
		assert.deepEqual([...batch.mask], [1, 1, 1, 1, 1, 0]);
		assert.deepEqual(batch.shape, [2, 3, 5]);
	});

	it('torchtext: specials first, <unk> = 0 as the default index, ties alphabetical', async () => {
		// torchtext.vocab docs: vocab(OrderedDict(...), specials=['<unk>']) gives v['<unk>'] == 0;
		// build_vocab_from_iterator sorts by descending frequency, then lexicographically.
		const { vocabulary: v } = await buildVocabulary(['a a b b b e d c'], { convention: 'torchtext', specials: ['<unk>'] });
		assert.deepEqual([...v.entries], ['<unk>', 'b', 'a', 'c', 'd', 'e']);
		assert.equal(v.lookup('out of vocab'), 0);
		const preset = defaultVocabulary('torchtext');
		assert.deepEqual(preset.entries.slice(0, 4), ['<unk>', '<pad>', '<bos>', '<eos>']);
		assert.equal(preset.padIndex, 1);
	});

	it('Hugging Face: [PAD] = 0, [UNK] = 1 for the built-in list', () => {
		const v = defaultVocabulary('huggingface');
		assert.equal(v.padIndex, 0);
		assert.equal(v.unkIndex, 1);
		assert.equal(v.base, 0);
	});

	it('every preset: |V| counts every entry and the one-hot column is index − base', () => {
		const words = defaultWords().length;
		for (const id of conventionIds) {
			const c = conventions[id];
			const v = defaultVocabulary(id);
			assert.equal(v.size, words + c.leadingSpecials.length + (c.unkLast ? 1 : 0), id);
			const a = analyze(referenceSentence, { vocabulary: v });
			const columns = oneHotColumns(a);
			for (let t = 0; t < a.length; t++) {
				assert.equal(columns[t], a.indices[t] - c.base);
				assert.ok(columns[t] >= 0 && columns[t] < v.size);
				assert.equal(v.entries[columns[t]], v.tokenAt(a.indices[t]));
			}
			assert.equal(a.unknownCount, 1, `${id}: only 221B is unknown`);
		}
	});
});

describe('course convention against scikit-learn (oracle)', () => {
	it("orders words like CountVectorizer's vocabulary_ (alphabetical; course column = sklearn column)", async function () {
		// Importing scikit-learn takes seconds, and far more on a busy machine.
		this.timeout(180000);
		if (!pythonHas('sklearn')) {
			this.skip();
		}
		const docs = ['Zoë met the zebra near the Apple store.', 'apple éclair, Éclair and naïve über-Straße; 42 apples', 'The zebra ate 3rd apple'];
		// token_pattern matches runs of letters and digits, as the words tokenizer does with
		// apostrophes and hyphens split off; lowercase on both sides.
		const out = runPython(
			[
				'import json, sys',
				'from sklearn.feature_extraction.text import CountVectorizer',
				'docs = json.load(sys.stdin)',
				'cv = CountVectorizer(lowercase=True, token_pattern=r"[^\\W_]+")',
				'X = cv.fit_transform(docs)',
				'counts = X.sum(axis=0).A1.tolist()',
				'print(json.dumps({"vocabulary": {k: int(v) for k, v in cv.vocabulary_.items()}, "counts": counts}))',
			].join('\n'),
			[],
			JSON.stringify(docs),
		);
		const oracle = JSON.parse(out) as { vocabulary: Record<string, number>; counts: number[] };
		// Chunks are one continuous text, so each document ends with a line break.
		const { vocabulary: v, kept } = await buildVocabulary(docs.map((d) => `${d}\n`), { convention: 'course', keepApostrophes: false, keepHyphens: false });
		assert.equal(v.size - 1, Object.keys(oracle.vocabulary).length, 'same words; course adds <UNK>');
		for (const [word, column] of Object.entries(oracle.vocabulary)) {
			assert.equal(v.lookup(word) - v.base, column, word);
		}
		for (const { word, count } of kept) {
			assert.equal(count, oracle.counts[oracle.vocabulary[word]], word);
		}
	});
});
