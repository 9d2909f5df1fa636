import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, defaultVocabulary, denseOneHot, loadVocabulary, makeBatch, oneHotColumns, OneHotSizeError, referenceSentence, VocabularyError } from '../../src/core';

describe('sparse one-hot', () => {
	it('gives one column per token, index − base', () => {
		const a = analyze(referenceSentence);
		const columns = oneHotColumns(a);
		assert.ok(columns instanceof Int32Array);
		assert.equal(columns.length, 12);
		assert.equal(columns[7], 9999, '221B ↦ <UNK> = 10,000 ↦ column 9,999');
		for (let t = 0; t < a.length; t++) {
			assert.equal(columns[t], a.indices[t] - 1);
		}
	});

	it('densifies to rows with a single 1 (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: -1, max: 19 }), { maxLength: 30 }), fc.constantFrom('uint8' as const, 'float32' as const), (columns, dtype) => {
				const dense = denseOneHot(columns, 20, dtype);
				assert.equal(dense.length, columns.length * 20);
				assert.equal(dense instanceof Float32Array, dtype === 'float32');
				for (let t = 0; t < columns.length; t++) {
					const row = Array.from(dense.subarray(t * 20, t * 20 + 20));
					assert.equal(
						row.reduce((s, x) => s + x, 0),
						columns[t] < 0 ? 0 : 1,
					);
					if (columns[t] >= 0) {
						assert.equal(row[columns[t]], 1);
					}
				}
			}),
		);
	});

	it('refuses a dense matrix above the limit, giving its size, before allocating', () => {
		const columns = new Int32Array(100000);
		assert.throws(
			() => denseOneHot(columns, 10000, 'float32'),
			(e: unknown) => {
				assert.ok(e instanceof OneHotSizeError);
				assert.equal(e.bytes, 4_000_000_000);
				assert.match(e.message, /shape \(100000, 10000\) as float32 would take 3\.73 GiB \(4,000,000,000 bytes\), above the limit of 256\.00 MiB/);
				return true;
			},
		);
		assert.throws(() => denseOneHot([0, 1], 10, 'uint8', 19), OneHotSizeError);
		assert.equal(denseOneHot([0, 1], 10, 'uint8', 20).length, 20);
	});

	it('refuses a column outside the vocabulary', () => {
		assert.throws(() => denseOneHot([3], 3), /Row 0 has column 3, outside 0…2/);
	});
});

describe('makeBatch', () => {
	const v = defaultVocabulary();
	const lines = ['Sherlock Holmes and John Watson', 'lived at 221B Baker Street in London', 'Holmes'];

	it('pads X^(i) to max T_x with a mask and the shape (m, T_x, |V|)', () => {
		const analyses = lines.map((l) => analyze(l, { vocabulary: v }));
		const batch = makeBatch(analyses);
		assert.equal(batch.m, 3);
		assert.equal(batch.maxLength, 7);
		assert.deepEqual([...batch.lengths], [5, 7, 1]);
		assert.deepEqual(batch.shape, [3, 7, 10000]);
		for (let i = 0; i < 3; i++) {
			for (let t = 0; t < 7; t++) {
				const cell = i * 7 + t;
				const real = t < analyses[i].length;
				assert.equal(batch.mask[cell], real ? 1 : 0);
				assert.equal(batch.indices[cell], real ? analyses[i].indices[t] : 0);
				assert.equal(batch.columns[cell], real ? analyses[i].indices[t] - 1 : -1);
			}
		}
	});

	it('pads with a chosen index, and with the convention’s PAD when it has one', () => {
		const analyses = lines.map((l) => analyze(l, { vocabulary: v }));
		assert.equal(makeBatch(analyses, { padIndex: 7 }).indices[5], 7);
		const torch = defaultVocabulary('torchtext');
		const batch = makeBatch(lines.map((l) => analyze(l, { vocabulary: torch })));
		assert.equal(batch.padIndex, 1);
		assert.equal(batch.indices[5], 1);
		assert.equal(batch.columns[5], 1, '<pad> is an entry of this vocabulary, so its one-hot row is real');
	});

	it('refuses examples from different vocabularies and an empty batch', () => {
		const other = loadVocabulary('a\n<UNK>');
		assert.throws(() => makeBatch([analyze('a', { vocabulary: v }), analyze('a', { vocabulary: other })]), VocabularyError);
		assert.throws(() => makeBatch([]), /at least one example/);
	});

	it('keeps every example’s indices in its row (property)', () => {
		const word = fc.constantFrom('the', 'holmes', 'zzzq', 'Baker', '221B', 'a');
		fc.assert(
			fc.property(fc.array(fc.array(word, { maxLength: 6 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 5 }), (texts) => {
				const analyses = texts.map((t) => analyze(t, { vocabulary: v }));
				const batch = makeBatch(analyses);
				assert.equal(batch.maxLength, Math.max(...analyses.map((a) => a.length)));
				analyses.forEach((a, i) => {
					assert.deepEqual([...batch.indices.subarray(i * batch.maxLength, i * batch.maxLength + a.length)], [...a.indices]);
					assert.equal(batch.mask.subarray(i * batch.maxLength, (i + 1) * batch.maxLength).reduce((s, x) => s + x, 0), a.length);
				});
			}),
		);
	});
});
