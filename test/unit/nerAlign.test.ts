import { strict as assert } from 'node:assert';
import { alignEntities, spansFromTags } from '../../src/core/ner/align';
import type { EntityType } from '../../src/core/ner/types';
import { tokenSpans, type TokenizeOptions } from '../../src/core/tokenize';

/** Span of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string, type: EntityType, from = 0) {
	const start = text.indexOf(needle, from);
	assert.ok(start >= 0, `"${needle}" not in "${text}"`);
	return { start, end: start + needle.length, type };
}

function align(text: string, spans: { start: number; end: number; type: EntityType }[], options: TokenizeOptions = {}) {
	const tokens = tokenSpans(text, options);
	return alignEntities(spans, tokens.starts, tokens.ends);
}

describe('alignEntities', () => {
	it('labels whole tokens for spans that match token boundaries', () => {
		const text = 'Ada Lovelace met Charles Babbage in London.';
		const { tags, binary } = align(text, [at(text, 'Ada Lovelace', 'PER'), at(text, 'Charles Babbage', 'PER'), at(text, 'London', 'LOC')]);
		assert.deepEqual(tags, ['B-PER', 'I-PER', 'O', 'B-PER', 'I-PER', 'O', 'B-LOC']);
		assert.deepEqual([...binary], [1, 1, 0, 1, 1, 0, 0]);
	});

	it('labels a token that an entity covers only in part (possessive, hyphenated compound)', () => {
		const text = "Holmes's pipe and the Anglo-French treaty";
		const { tags } = align(text, [at(text, 'Holmes', 'PER'), at(text, 'French', 'MISC')]);
		// The words tokenizer keeps Holmes's and Anglo-French whole.
		assert.deepEqual(tags, ['B-PER', 'O', 'O', 'O', 'B-MISC', 'O']);
	});

	it('gives a token that straddles two entities to the one it shares more characters with', () => {
		const text = 'NewYorkTimes';
		const { tags, spanOf } = align(text, [
			{ start: 0, end: 7, type: 'LOC' },
			{ start: 7, end: 12, type: 'ORG' },
		]);
		assert.deepEqual(tags, ['B-LOC']);
		assert.equal(spanOf[0], 0);
		const swapped = align(text, [
			{ start: 0, end: 3, type: 'LOC' },
			{ start: 3, end: 12, type: 'ORG' },
		]);
		assert.deepEqual(swapped.tags, ['B-ORG']);
	});

	it('lets one entity run over several tokens across punctuation the tokenizer drops', () => {
		const text = 'J. R. R. Tolkien wrote it.';
		const { tags, binary } = align(text, [at(text, 'J. R. R. Tolkien', 'PER')]);
		assert.deepEqual(tags, ['B-PER', 'I-PER', 'I-PER', 'I-PER', 'O', 'O']);
		assert.deepEqual([...binary], [1, 1, 1, 1, 0, 0]);
	});

	it('keeps punctuation tokens outside an entity with the words+punctuation tokenizer', () => {
		const text = 'in London, Ontario.';
		const { tags } = align(text, [at(text, 'London', 'LOC'), at(text, 'Ontario', 'LOC')], { tokenizer: 'words+punctuation' });
		assert.deepEqual(tags, ['O', 'B-LOC', 'O', 'B-LOC', 'O']);
	});

	it('starts a new entity at each span, even for two adjacent spans of one type', () => {
		const text = 'Paris London Rome';
		const { tags } = align(text, [at(text, 'Paris', 'LOC'), at(text, 'London Rome', 'LOC')]);
		assert.deepEqual(tags, ['B-LOC', 'B-LOC', 'I-LOC']);
	});

	it('labels nothing for a span that covers only dropped punctuation or is empty', () => {
		const text = 'Hello, world';
		const { tags } = align(text, [at(text, ',', 'MISC'), { start: 2, end: 2, type: 'PER' }]);
		assert.deepEqual(tags, ['O', 'O']);
	});

	it('accepts spans in any order', () => {
		const text = 'Grace Hopper joined the Navy';
		const sorted = align(text, [at(text, 'Grace Hopper', 'PER'), at(text, 'Navy', 'ORG')]);
		const reversed = align(text, [at(text, 'Navy', 'ORG'), at(text, 'Grace Hopper', 'PER')]);
		assert.deepEqual(reversed.tags, sorted.tags);
		assert.deepEqual(sorted.tags, ['B-PER', 'I-PER', 'O', 'O', 'B-ORG']);
	});

	it('uses UTF-16 offsets: astral characters and combining marks before an entity shift nothing', () => {
		// 𝒜 is a surrogate pair; e + U+0301 is a decomposed é; Zoë uses a precomposed ë.
		const text = '𝒜 cafe\u0301 with Zoë Ångström 👋🏽 in Reykjavík';
		const { tags, binary } = align(text, [at(text, 'Zoë Ångström', 'PER'), at(text, 'Reykjavík', 'LOC')]);
		const tokens = tokenSpans(text);
		const words = Array.from({ length: tokens.count }, (_, t) => text.slice(tokens.starts[t], tokens.ends[t]));
		assert.deepEqual(words, ['𝒜', 'cafe\u0301', 'with', 'Zoë', 'Ångström', 'in', 'Reykjavík']);
		assert.deepEqual(tags, ['O', 'O', 'O', 'B-PER', 'I-PER', 'O', 'B-LOC']);
		assert.deepEqual([...binary], [0, 0, 0, 1, 1, 0, 0]);
	});

	it('handles the empty token list and rejects mismatched offset arrays', () => {
		assert.deepEqual(alignEntities([{ start: 0, end: 3, type: 'PER' }], [], []).tags, []);
		assert.throws(() => alignEntities([], [0, 4], [3]), RangeError);
	});
});

describe('spansFromTags', () => {
	const starts = [0, 4, 8, 12, 16];
	const ends = [3, 7, 11, 15, 19];

	it('reads BIO tags back into entities with token offsets', () => {
		const out = spansFromTags(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC'], starts, ends);
		assert.deepEqual(
			out.map((c) => [c.type, c.start, c.end, c.firstToken, c.lastToken]),
			[
				['PER', 0, 7, 0, 1],
				['LOC', 12, 15, 3, 3],
				['LOC', 16, 19, 4, 4],
			],
		);
	});

	it('follows conlleval for IOB1 and stray I- tags: I- after O or another type opens an entity', () => {
		const out = spansFromTags(['I-ORG', 'I-ORG', 'I-PER', 'O', 'I-LOC'], starts, ends);
		assert.deepEqual(
			out.map((c) => [c.type, c.firstToken, c.lastToken]),
			[
				['ORG', 0, 1],
				['PER', 2, 2],
				['LOC', 4, 4],
			],
		);
	});

	it('round-trips alignEntities output', () => {
		const text = 'Marie Curie and Pierre Curie lived in Paris';
		const tokens = tokenSpans(text);
		const spans = [at(text, 'Marie Curie', 'PER'), at(text, 'Pierre Curie', 'PER'), at(text, 'Paris', 'LOC')];
		const { tags } = alignEntities(spans, tokens.starts, tokens.ends);
		const back = spansFromTags(tags, tokens.starts, tokens.ends);
		assert.deepEqual(
			back.map((c) => ({ start: c.start, end: c.end, type: c.type })),
			spans,
		);
	});
});
