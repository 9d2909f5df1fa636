import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { analyze, analysisSummary, analysisToRecord, subwordNote, type AnalyzeOptions } from '../../src/core/analyze';
import { tokenize, tokenSpans } from '../../src/core/tokenize';
import { normalizeToken } from '../../src/core/normalize';
import { Vocabulary } from '../../src/core/vocabulary';
import { defaultVocabulary, defaultWords } from '../../src/core/defaultVocabulary';
import { vocabularyFromWords } from '../../src/core/conventions';
import { referenceSentence } from '../../src/core/reference';

/** The definition analyze must agree with: tokenize, normalise each token, look it up. */
function slowAnalyze(text: string, options: AnalyzeOptions) {
	const vocabulary = options.vocabulary ?? defaultVocabulary();
	return tokenize(text, options).map((token) => {
		let form = token.text;
		let key = normalizeToken(form, options);
		// A possessive that is not an entry is looked up by its noun, when the vocabulary says so.
		while (vocabulary.possessiveFallback && !vocabulary.has(key) && form.length >= 3 && /['\u2019][sS]$/u.test(form)) {
			form = form.slice(0, -2);
			key = normalizeToken(form, options);
		}
		const index = vocabulary.lookup(key);
		return { start: token.start, end: token.end, index, unknown: index === vocabulary.unkIndex && key !== vocabulary.unkToken };
	});
}

function assertSameAsSlow(text: string, options: AnalyzeOptions): void {
	const fast = analyze(text, options);
	const slow = slowAnalyze(text, options);
	assert.equal(fast.length, slow.length);
	for (let t = 0; t < slow.length; t++) {
		const at = `token ${t} ${JSON.stringify(text.slice(slow[t].start, slow[t].end))}`;
		assert.equal(fast.starts[t], slow[t].start, at);
		assert.equal(fast.ends[t], slow[t].end, at);
		assert.equal(fast.indices[t], slow[t].index, at);
		assert.equal(fast.unknown[t], slow[t].unknown ? 1 : 0, at);
	}
	assert.equal(fast.unknownCount, slow.filter((s) => s.unknown).length);
}

describe('analyze', () => {
	it('maps the reference sentence to T_x = 12 indices with 221B as the only <UNK> (10,000)', () => {
		const analysis = analyze(referenceSentence);
		const v = defaultVocabulary();
		assert.equal(analysis.length, 12);
		assert.equal(analysis.unknownCount, 1);
		assert.equal(analysis.indices[7], 10_000);
		assert.equal(analysis.unknown[7], 1);
		const words = ['sherlock', 'holmes', 'and', 'john', 'watson', 'lived', 'at', '221b', 'baker', 'street', 'in', 'london'];
		words.forEach((w, t) => t !== 7 && assert.equal(v.tokenAt(analysis.indices[t]), w));
	});

	it('gives the plain-JSON record with time steps, columns and original text', () => {
		const record = analysisToRecord(analyze(referenceSentence), 100);
		assert.equal(record.T_x, 12);
		assert.equal(record.V, 10_000);
		assert.equal(record.unkIndex, 10_000);
		assert.equal(record.unkToken, '<UNK>');
		const x8 = record.tokens[7];
		assert.deepEqual([x8.t, x8.text, x8.normalized, x8.start, x8.end, x8.index, x8.column, x8.unknown], [8, '221B', '221b', 141, 145, 10_000, 9_999, true]);
		assert.equal(record.tokens[0].column, record.tokens[0].index - 1);
	});

	it('looks a possessive up by its noun in the default vocabulary, and says which entry it found', () => {
		const v = defaultVocabulary();
		const text = "The man's hat, Holmes\u2019s pipe, it's here, dogs' bowls, Pudd'nhead's";
		const analysis = analyze(text);
		const record = analysisToRecord(analysis);
		const byText = new Map(record.tokens.map((token) => [token.text, token]));
		assert.equal(byText.get("man's")?.index, v.lookup('man'));
		assert.equal(byText.get("man's")?.entry, 'man');
		assert.equal(byText.get('Holmes\u2019s')?.index, v.lookup('holmes'));
		assert.equal(byText.get('Holmes\u2019s')?.entry, 'holmes');
		// A contraction that is an entry is found as itself.
		assert.equal(byText.get("it's")?.index, v.lookup("it's"));
		assert.equal(byText.get("it's")?.entry, undefined);
		assert.equal(byText.get('dogs')?.index, v.lookup('dogs'));
		// No noun to fall back to: still <UNK>, with no entry named.
		assert.equal(byText.get("Pudd'nhead's")?.unknown, true);
		assert.equal(byText.get("Pudd'nhead's")?.entry, undefined);
	});

	it('looks a possessive up exactly in a vocabulary without the fallback (as loaded files are)', () => {
		const exact = vocabularyFromWords(['man', 'hat'], 'course', 'tiny');
		const lenient = vocabularyFromWords(['man', 'hat'], 'course', 'tiny', { possessiveFallback: true });
		assert.equal(exact.possessiveFallback, false);
		assert.deepEqual(Array.from(analyze("man's hat", { vocabulary: exact }).unknown), [1, 0]);
		assert.deepEqual(Array.from(analyze("man's hat", { vocabulary: lenient }).unknown), [0, 0]);
		assert.equal(analyze("MAN\u2019S", { vocabulary: lenient }).indices[0], lenient.lookup('man'));
		// The fallback needs a noun: a bare "'s" token (whitespace tokenizer) is not one.
		assert.deepEqual(Array.from(analyze("'s", { vocabulary: lenient, tokenizer: 'whitespace' }).unknown), [1]);
	});

	it('says in the record whether the vocabulary is word or subword, with a note for subword', () => {
		const word = analysisToRecord(analyze(referenceSentence));
		assert.equal(word.vocabularyKind, 'word');
		assert.equal(word.note, undefined);
		const pieces = new Vocabulary({ name: 'pieces', entries: ['[PAD]', '[UNK]', 'holmes', '##es'], base: 0, unkIndex: 1, padIndex: 0, convention: 'huggingface', kind: 'subword' });
		const subword = analysisToRecord(analyze(referenceSentence, { vocabulary: pieces }));
		assert.equal(subword.vocabularyKind, 'subword');
		assert.equal(subword.note, subwordNote);
		assert.match(subword.note ?? '', /whole words/);
		assert.equal(analysisSummary(analyze('x', { vocabulary: pieces })).note, subwordNote);
	});

	it('counts a token that spells the unknown entry as known (torchtext <unk> under the whitespace tokenizer)', () => {
		const vocabulary = vocabularyFromWords(['the', 'cat'], 'torchtext', 'tiny');
		const analysis = analyze('the <unk> dog', { vocabulary, tokenizer: 'whitespace' });
		assert.deepEqual(Array.from(analysis.indices), [vocabulary.lookup('the'), 0, 0]);
		assert.deepEqual(Array.from(analysis.unknown), [0, 0, 1]);
		assertSameAsSlow('the <unk> dog <UNK>', { vocabulary, tokenizer: 'whitespace' });
	});

	describe('fast path equals the slow definition (property)', () => {
		const common = defaultWords().slice(0, 2000);
		const word = fc.oneof(
			{ weight: 6, arbitrary: fc.constantFrom(...common) },
			{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 5 }) },
			{ weight: 2, arbitrary: fc.constantFrom('Don\u2019t', 'CAF\u00c9', 'cafe\u0301', 'Stra\u00dfe', '\u0130stanbul', '\u212aelvin', '\ufb01ne', "rock'n'roll", 'well-known', '221B', '\u{1f600}', '--', "'", "man's", 'Holmes\u2019s', "IT'S", "dogs'", "'s", "x's's", "caf\u00e9's") },
		);
		const casing = fc.constantFrom('same', 'upper', 'title');
		const separator = fc.constantFrom(' ', ', ', '. ', '\n', '\r\n', '\t', '-', "'", '');
		const text = fc
			.array(fc.tuple(word, casing, separator), { maxLength: 25 })
			.map((parts) => parts.map(([w, c, s]) => (c === 'upper' ? w.toUpperCase() : c === 'title' ? w.charAt(0).toUpperCase() + w.slice(1) : w) + s).join(''));
		const options = fc.record(
			{
				tokenizer: fc.constantFrom('words' as const, 'words+punctuation' as const, 'whitespace' as const),
				lowercase: fc.boolean(),
				unicodeForm: fc.constantFrom('NFC' as const, 'NFKC' as const, 'none' as const),
				stripAccents: fc.boolean(),
				keepApostrophes: fc.boolean(),
				keepHyphens: fc.boolean(),
			},
			{ requiredKeys: [] },
		);

		it('with the default vocabulary', () => {
			fc.assert(fc.property(text, options, (t, o) => assertSameAsSlow(t, o)), { numRuns: 1500 });
		});

		it('with vocabularies that hold capitals, accents and specials', () => {
			const vocabulary = new Vocabulary({
				name: 'mixed',
				entries: ['[PAD]', '[UNK]', 'The', 'the', 'caf\u00e9', 'cafe', "don't", 'Don\u2019t', 'NASA', 'stra\u00dfe', 'fine', '\u00e9cole'],
				base: 0,
				unkIndex: 1,
				padIndex: 0,
				convention: 'huggingface',
				possessiveFallback: true,
			});
			fc.assert(fc.property(text, options, (t, o) => assertSameAsSlow(t, { ...o, vocabulary })), { numRuns: 800 });
		});
	});

	it('scans with the same boundaries as tokenSpans on arbitrary Unicode text (property)', () => {
		const unit = fc.constantFrom('binary' as const, 'grapheme' as const, 'grapheme-composite' as const);
		fc.assert(
			fc.property(unit.chain((u) => fc.string({ unit: u, maxLength: 40 })), fc.boolean(), fc.boolean(), (t, keepApostrophes, keepHyphens) => {
				const options = { keepApostrophes, keepHyphens };
				const spans = tokenSpans(t, options);
				const analysis = analyze(t, options);
				assert.deepEqual(Array.from(analysis.starts), Array.from(spans.starts));
				assert.deepEqual(Array.from(analysis.ends), Array.from(spans.ends));
			}),
			{ numRuns: 2000 },
		);
	});

	it('analyses a long text without growing problems (100,000 tokens)', () => {
		const text = 'Holmes, the 221B! '.repeat(33_334);
		const analysis = analyze(text);
		assert.equal(analysis.length, 100_002);
		assert.equal(analysis.unknownCount, 33_334);
		assert.equal(analysis.ends[analysis.length - 1], text.length - 2);
	});
});
