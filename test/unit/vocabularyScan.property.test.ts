// The scanned reading of JSON vocabularies (jsonTokenScan.ts, vocabularyScan.ts) against the
// JSON.parse reading (loadVocabularyParsed): on random files, both give the same vocabulary or
// the same error, message, key and line included. The files are written by hand so that keys
// can repeat, indices can be anything JSON allows, and escapes and spacing vary.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { loadVocabulary, loadVocabularyParsed, type LoadVocabularyOptions } from '../../src/core/vocabularyFiles';
import { scanVocabularyFile } from '../../src/core/vocabularyScan';

type Outcome = { entries: string[]; base: number; unkIndex: number; padIndex: number | null; convention: string; kind: string; name: string } | { error: string; message: string; problem?: string; key?: string; line?: number };

function outcome(load: () => ReturnType<typeof loadVocabulary>): Outcome {
	try {
		const v = load();
		return { entries: [...v.entries], base: v.base, unkIndex: v.unkIndex, padIndex: v.padIndex, convention: v.convention, kind: v.kind, name: v.name };
	} catch (error) {
		const e = error as Error & { problem?: string; key?: string; line?: number };
		return { error: e.name, message: e.message, problem: e.problem, key: e.key, line: e.line };
	}
}

/** Tokens that stress the scanners: quotes, backslashes, escapes, controls, surrogates, specials. */
const tokenPieces = ['the', 'The', 'a', '', ' ', '<UNK>', '[UNK]', '<unk>', '<PAD>', '[PAD]', '##ing', '\u0120the', '"', '\\', '\\"', '/', '\t', '\n', '\u2028', '\u007f', '\ud800', '\udc00', '\u{1f600}', 'e\u0301', 'é', '221', '0', '__proto__', 'vocab', 'word_index', '\\u0041'];
const token = fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[a-z]{1,6}$/) }, { weight: 2, arbitrary: fc.constantFrom(...tokenPieces) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) });

/** How a token is spelled in JSON: as JSON.stringify writes it, or with more escapes (all legal). */
const spelling = fc.constantFrom('plain', 'ascii', 'slash', 'upper');
function spell(s: string, how: string): string {
	const json = JSON.stringify(s);
	switch (how) {
		case 'ascii':
			return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
		case 'slash':
			return json.replace(/\//g, '\\/');
		case 'upper':
			return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
		default:
			return json;
	}
}

/** Index text, `#` standing for the right index: usually that, sometimes what the scanners leave to JSON.parse. */
const indexText = fc.oneof(
	{ weight: 60, arbitrary: fc.constant('#') },
	{ weight: 2, arbitrary: fc.constantFrom('-1', '-0', '0', '1.5', '#.0', '#e0', '#E+0', '1e2', '0#', '4294967296', '12345678901', '2147483647', '"1"', 'null', 'true', '[1]', '{}') },
	{ weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }).map(String) },
);

/** JSON whitespace, and now and then a character that is not JSON whitespace. */
const anySpace = fc.oneof({ weight: 50, arbitrary: fc.constantFrom('', ' ', '\n', '\t', '\r\n', '  ') }, { weight: 1, arbitrary: fc.constantFrom('\u00a0', '\f', '\v') });
/** The spacing Python's json.dumps writes (the only one a Keras word_index has without escapes). */
const plainSpace = fc.oneof({ weight: 50, arbitrary: fc.constantFrom('', ' ') }, { weight: 1, arbitrary: fc.constantFrom('\n', '\t') });

/** A token → index object: mostly a permutation of base…base+n−1 with the unknown token in it. */
const mapText = (space: fc.Arbitrary<string>) =>
	fc
		.record({
			tokens: fc.uniqueArray(token, { minLength: 0, maxLength: 14 }),
			base: fc.constantFrom(0, 1, 2),
			unk: fc.constantFrom('<UNK>', '[UNK]', '<unk>', null),
			shuffle: fc.boolean(),
			repeat: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
		})
		.chain(({ tokens, base, unk, shuffle, repeat }) => {
			const keys = unk === null || tokens.includes(unk) ? [...tokens] : [...tokens, unk];
			if (repeat !== null && keys.length > 0) {
				keys.push(keys[repeat % keys.length]);
			}
			const order = keys.map((_, i) => i);
			return fc.tuple(
				fc.constant(keys),
				shuffle ? fc.shuffledSubarray(order, { minLength: order.length, maxLength: order.length }) : fc.constant(order),
				fc.array(fc.tuple(spelling, indexText, space, space, space), { minLength: keys.length, maxLength: keys.length }),
				fc.tuple(space, space),
				fc.constant(base),
			);
		})
		.map(([keys, order, looks, [open, close], base]) => {
			const parts = order.map((k, at) => {
				const [how, value, before, afterKey, afterColon] = looks[at];
				return `${before}${spell(keys[k], how)}${afterKey}:${afterColon}${value.replace('#', String(base + k))}`;
			});
			return `{${open}${parts.join(',')}${close}}`;
		});

const options = fc.record({
	addMissingUnk: fc.boolean(),
	convention: fc.constantFrom(undefined, 'course', 'keras-tokenizer', 'huggingface', 'torchtext'),
	format: fc.constantFrom('auto', undefined),
}) as fc.Arbitrary<LoadVocabularyOptions>;

function sameOutcome(text: string, opts: LoadVocabularyOptions): boolean {
	const fast = outcome(() => loadVocabulary(text, opts));
	const parsed = outcome(() => loadVocabularyParsed(text, opts));
	assert.deepEqual(fast, parsed, `differs on ${JSON.stringify(text)} with ${JSON.stringify(opts)}`);
	return scanVocabularyFile(text, opts.format ?? 'auto') !== undefined;
}

describe('scanned JSON vocabularies read as JSON.parse reads them (property)', () => {
	/** Share of runs the scanners accepted, so the comparisons are not all of the parsed path with itself. */
	const checkScanned = (scanned: number, runs: number) => assert.ok(scanned > runs / 4, `the scanners read ${scanned} of ${runs} files`);

	it('JSON maps', () => {
		let scanned = 0;
		const runs = 600;
		fc.assert(
			fc.property(mapText(anySpace), anySpace, options, fc.boolean(), (map, trailing, opts, forced) => {
				scanned += sameOutcome(map + trailing, forced ? { ...opts, format: 'json-map' } : opts) ? 1 : 0;
			}),
			{ numRuns: runs },
		);
		checkScanned(scanned, runs);
	});

	it('Hugging Face tokenizer.json model.vocab', () => {
		let scanned = 0;
		const runs = 400;
		fc.assert(
			fc.property(mapText(anySpace), fc.constantFrom('WordLevel', 'WordPiece', 'BPE', 'Unigram'), fc.option(fc.constantFrom('<UNK>', '[UNK]', 'x')), fc.constantFrom('', ' "normalizer": {"type": "Lowercase", "vocab": {"decoy": 1}},', ' "vocab": {"a": 0},'), fc.array(fc.record({ id: fc.nat({ max: 20 }), content: token }), { maxLength: 2 }), options, fc.boolean(), (map, type, unk, extra, added, opts, forced) => {
				const text = `{"version": "1.0", "added_tokens": ${JSON.stringify(added)},${extra} "model": {"type": ${JSON.stringify(type)}, "unk_token": ${JSON.stringify(unk)}, "vocab": ${map}}}`;
				scanned += sameOutcome(text, forced ? { ...opts, format: 'hf-tokenizer-json' } : opts) ? 1 : 0;
			}),
			{ numRuns: runs },
		);
		checkScanned(scanned, runs);
	});

	it('Keras Tokenizer.to_json() word_index (a JSON string inside the JSON)', () => {
		let scanned = 0;
		const runs = 400;
		fc.assert(
			fc.property(mapText(plainSpace), fc.option(fc.constantFrom('<UNK>', '<OOV>')), fc.option(fc.integer({ min: -1, max: 8 })), fc.boolean(), fc.boolean(), options, fc.boolean(), (map, oov, numWords, className, escapeAll, opts, forced) => {
				// Python's json.dumps writes non-ASCII as \uXXXX (ensure_ascii), in the inner and the outer JSON.
				const inner = escapeAll ? map.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : map;
				const wordIndex = spell(inner, escapeAll ? 'ascii' : 'plain');
				const config = `{"num_words": ${JSON.stringify(numWords)}, "oov_token": ${JSON.stringify(oov)}, "index_word": "{}", "word_index": ${wordIndex}}`;
				const text = className ? `{"class_name": "Tokenizer", "config": ${config}}` : `{"config": ${config}}`;
				scanned += sameOutcome(text, forced ? { ...opts, format: 'keras-tokenizer-json' } : opts) ? 1 : 0;
			}),
			{ numRuns: runs },
		);
		checkScanned(scanned, runs);
	});

	it('JSON token lists', () => {
		let scanned = 0;
		const runs = 400;
		fc.assert(
			fc.property(fc.array(fc.tuple(token, spelling, anySpace), { maxLength: 12 }), fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('1', 'null', '["a"]') }), anySpace, options, fc.boolean(), (items, odd, end, opts, forced) => {
				const parts = items.map(([t, how, s]) => `${s}${spell(t, how)}`);
				if (odd !== null) {
					parts.push(odd);
				}
				const text = `[${parts.join(',')}${end}]${end}`;
				scanned += sameOutcome(text, forced ? { ...opts, format: 'json-list' } : opts) ? 1 : 0;
			}),
			{ numRuns: runs },
		);
		checkScanned(scanned, runs);
	});

	it('leaves a file that could spell the stand-in to JSON.parse, and still reads it the same', () => {
		const vocab = '{"[UNK]": 0, "a": 1, "b": 2}';
		const text = `{"model": {"type": "WordLevel", "unk_token": "[UNK]", "vocab": ${vocab}}, "note": "\\u0000sequence-lens-tokens"}`;
		assert.equal(scanVocabularyFile(text, 'auto'), undefined);
		assert.deepEqual([...loadVocabulary(text).entries], ['[UNK]', 'a', 'b']);
		assert.ok(scanVocabularyFile(text.replace('\\u0000', ''), 'auto'), 'without the escape the scanners read it');
	});
});
