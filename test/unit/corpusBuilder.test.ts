import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildVocabulary, countTokens, normalizeToken, tokenize, saveVocabulary, loadVocabulary, type TokenizeOptions } from '../../src/core';

async function* chunksOf(parts: readonly string[]): AsyncGenerator<string> {
	for (const part of parts) {
		yield part;
	}
}

/** Splits `text` at the given cut points (any UTF-16 position, even inside a surrogate pair). */
function cut(text: string, points: readonly number[]): string[] {
	const sorted = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
	const parts: string[] = [];
	let from = 0;
	for (const p of sorted) {
		parts.push(text.slice(from, p));
		from = p;
	}
	parts.push(text.slice(from));
	return parts;
}

/** Counts computed the obvious way, on the whole text at once. */
function referenceCounts(text: string, options: TokenizeOptions = {}): Map<string, number> {
	const counts = new Map<string, number>();
	for (const token of tokenize(text, options)) {
		const key = normalizeToken(token.text);
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return counts;
}

describe('countTokens: streaming over chunks', () => {
	it('joins tokens split across chunk boundaries', async () => {
		const { counts, progress } = await countTokens(chunksOf(['Lond', 'on is big. Do', "n'", 't go to Lon', 'don', '']));
		assert.equal(counts.get('london'), 2);
		assert.equal(counts.get("don't"), 1);
		assert.equal(counts.get('lond'), undefined);
		assert.equal(progress.tokens, 7);
		assert.equal(progress.chunks, 6);
	});

	it('gives the same counts for any chunking of any text (property)', async () => {
		// Letters, marks, apostrophes, hyphens, surrogate pairs and spaces: the characters where a cut matters.
		const alphabet = fc.constantFrom('a', 'B', 'é', 'e\u0301', "'", '-', ' ', '\n', '\r\n', '.', '😀', '𝒳', '日本', '1', '\u2019');
		const text = fc.array(alphabet, { maxLength: 60 }).map((a) => a.join(''));
		const options = fc.constantFrom<TokenizeOptions>({}, { tokenizer: 'whitespace' }, { tokenizer: 'words+punctuation' }, { keepApostrophes: false }, { tokenizer: 'segmenter' });
		await fc.assert(
			fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 8 }), options, async (t, points, opts) => {
				const { counts } = await countTokens(chunksOf(cut(t, points)), opts);
				assert.deepEqual(new Map([...counts].sort()), new Map([...referenceCounts(t, opts)].sort()));
			}),
			{ numRuns: 400 },
		);
	});

	it('takes a plain iterable and reports progress after each chunk', async () => {
		const seen: number[] = [];
		await countTokens(['one two ', 'three'], { onProgress: (p) => seen.push(p.chunks) });
		assert.deepEqual(seen, [1, 2]);
	});

	it('stops when the signal aborts', async () => {
		const controller = new AbortController();
		let produced = 0;
		async function* endless(): AsyncGenerator<string> {
			for (;;) {
				produced++;
				yield 'word ';
			}
		}
		const run = countTokens(endless(), { signal: controller.signal, onProgress: (p) => p.chunks === 100 && controller.abort() });
		await assert.rejects(run, (e: Error) => e.name === 'AbortError');
		assert.ok(produced <= 101);
	});
});

describe('buildVocabulary', () => {
	const corpus = ['the cat sat on the mat. The dog sat on the log. ', 'A cat and a dog; the end.'];

	it('builds a course vocabulary: alphabetical, 1-based, <UNK> last', async () => {
		const { vocabulary, summary } = await buildVocabulary(chunksOf(corpus));
		assert.equal(vocabulary.convention, 'course');
		assert.deepEqual([...vocabulary.entries], ['a', 'and', 'cat', 'dog', 'end', 'log', 'mat', 'on', 'sat', 'the', '<UNK>']);
		assert.equal(vocabulary.lookup('a'), 1);
		assert.equal(vocabulary.unkIndex, 11);
		assert.equal(summary.tokens, 19);
		assert.equal(summary.distinct, 10);
		assert.equal(summary.coverage, 1);
	});

	it('keeps the top N by frequency and previews what was cut', async () => {
		const { vocabulary, summary, cut: dropped, kept } = await buildVocabulary(chunksOf(corpus), { topN: 3, order: 'frequency' });
		assert.deepEqual(
			kept.map((w) => [w.word, w.count]),
			[
				['the', 5],
				['cat', 2],
				['sat', 2],
			],
		);
		// Ties keep first occurrence, so "cat" (seen before "sat") ranks first among the 2s.
		assert.deepEqual([...vocabulary.entries], ['the', 'cat', 'sat', '<UNK>']);
		assert.deepEqual(dropped.slice(0, 3), [
			{ word: 'on', count: 2 },
			{ word: 'dog', count: 2 },
			{ word: 'a', count: 2 },
		]);
		assert.equal(summary.keptWords, 3);
		assert.equal(summary.cutWords, 7);
		assert.equal(summary.keptTokens, 9);
		assert.equal(summary.cutTokens, 10);
		assert.equal(summary.cutoffCount, 2);
	});

	it('applies a minimum frequency', async () => {
		const { vocabulary, summary } = await buildVocabulary(chunksOf(corpus), { minFrequency: 2 });
		assert.deepEqual([...vocabulary.entries], ['a', 'cat', 'dog', 'on', 'sat', 'the', '<UNK>']);
		assert.equal(summary.cutWords, 4);
	});

	it('places custom specials first and keeps literal specials out of the word list', async () => {
		const { vocabulary } = await buildVocabulary(chunksOf(['<pad> hello <unk> world hello']), {
			convention: 'torchtext',
			specials: ['<unk>', '<pad>'],
			tokenizer: 'whitespace',
		});
		assert.deepEqual([...vocabulary.entries], ['<unk>', '<pad>', 'hello', 'world']);
		assert.equal(vocabulary.unkIndex, 0);
		assert.equal(vocabulary.padIndex, 1);
	});

	it('saves in every format and loads back with the same indices', async () => {
		const { vocabulary } = await buildVocabulary(chunksOf(corpus), { convention: 'huggingface' });
		for (const format of ['text', 'json-map', 'hf-tokenizer-json', 'json-list', 'keras-tokenizer-json'] as const) {
			const back = loadVocabulary(saveVocabulary(vocabulary, format), { convention: 'huggingface' });
			for (const word of vocabulary.entries) {
				assert.equal(back.lookup(word), vocabulary.lookup(word), `${format} ${word}`);
			}
		}
	});

	it('ranks like a stable sort by count, ties by first occurrence or alphabetically (property)', async () => {
		const word = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'zz', 'yy', 'é', 'x1', 'q');
		await fc.assert(
			fc.asyncProperty(fc.array(word, { maxLength: 40 }), fc.constantFrom('first-occurrence' as const, 'alphabetical' as const), fc.integer({ min: 0, max: 12 }), async (words, ties, topN) => {
				const { kept, cut: dropped } = await buildVocabulary([words.join(' ')], { ties, topN, order: 'frequency', cutPreviewSize: 100 });
				const counts = new Map<string, number>();
				for (const w of words) {
					counts.set(w, (counts.get(w) ?? 0) + 1);
				}
				const expected = [...counts].map(([w, count]) => ({ word: w, count }));
				expected.sort((a, b) => b.count - a.count || (ties === 'alphabetical' ? (a.word < b.word ? -1 : a.word > b.word ? 1 : 0) : 0));
				assert.deepEqual([...kept, ...dropped], expected);
				assert.equal(kept.length, Math.min(topN, expected.length));
			}),
		);
	});

	it('refuses a specials list with a duplicate', async () => {
		await assert.rejects(buildVocabulary(chunksOf(['a']), { specials: ['<pad>', '<pad>'] }), /duplicate/);
	});
});
