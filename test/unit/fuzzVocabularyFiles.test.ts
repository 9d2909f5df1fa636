// Fuzzing the vocabulary file readers: whatever bytes or text a user points Load Vocabulary at,
// loadVocabulary either returns a usable vocabulary or throws a VocabularyFileError (the one error
// the extension turns into a message while keeping the previous vocabulary). Any other throw
// (TypeError, RangeError, a stack overflow) would reach the user as a failed command.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { conventionIds } from '../../src/core/conventions';
import { Vocabulary } from '../../src/core/vocabulary';
import { loadVocabulary, vocabularyFormats, VocabularyFileError, type LoadVocabularyOptions } from '../../src/core/vocabularyFiles';

/** Runs the loader and checks the outcome is one of the two allowed ones. */
function loadOrRefuse(content: string | Uint8Array, options: LoadVocabularyOptions): void {
	let vocabulary: Vocabulary;
	try {
		vocabulary = loadVocabulary(content, options);
	} catch (error) {
		if (error instanceof VocabularyFileError) {
			assert.ok(error.message.length > 0, 'an error says what is wrong');
			if (error.line !== undefined) {
				assert.ok(Number.isSafeInteger(error.line) && error.line >= 1, `line ${error.line} is a 1-based line number`);
			}
			return;
		}
		throw error;
	}
	assert.ok(vocabulary instanceof Vocabulary);
	assert.ok(vocabulary.size >= 1);
	assert.ok(vocabulary.unkIndex >= vocabulary.base && vocabulary.unkIndex < vocabulary.base + vocabulary.size, 'the unknown index is an entry');
	assert.equal(new Set(vocabulary.entries).size, vocabulary.size, 'no entry twice');
}

// Tokens that collide with what the readers look for: specials, JSON punctuation, escapes, BOMs,
// line breaks of every kind, lone surrogates.
const tokenPieces = [
	'the', 'The', 'a', '', ' ', '<UNK>', '[UNK]', '<unk>', '<OOV>', '<PAD>', '[PAD]', '<pad>', '##ing', '\u2581the', '"', '\\', '\\u0041', '{', '}', '[', ']', ':', ',',
	'\ufeff', '\r', '\n', '\r\n', '\u2028', '\u0000', '\ud800', '\u{1f600}', 'e\u0301', 'é', '221b', '0', '-1', '1e3', '__proto__', 'constructor', 'toString',
];
const token = fc.oneof(fc.constantFrom(...tokenPieces), fc.string({ unit: 'binary', maxLength: 6 }));
const index = fc.oneof(
	fc.nat({ max: 40 }),
	fc.constantFrom(-1, 1.5, 2 ** 31, 2 ** 53, Number.MAX_VALUE),
	fc.constantFrom('1', null, true, [1], { id: 1 }),
);

const bom = fc.constantFrom('', '\ufeff');
const newline = fc.constantFrom('\n', '\r\n', '\r');

const textFile = fc.tuple(bom, fc.array(token, { maxLength: 30 }), newline, fc.boolean()).map(([b, lines, nl, trailing]) => b + lines.join(nl) + (trailing ? nl : ''));
/** Token lists with repeats drawn from a small set, so duplicates are frequent. */
const duplicateLaden = fc.array(fc.constantFrom('the', 'of', 'The', 'the ', '<UNK>', ''), { minLength: 2, maxLength: 12 });

const jsonMap = fc.array(fc.tuple(token, index), { maxLength: 25 }).map((pairs) => {
	// Written by hand so that keys may repeat (JSON.stringify of an object cannot).
	return `{${pairs.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
});
const jsonList = fc.array(fc.oneof(token, index), { maxLength: 25 }).map((items) => JSON.stringify(items));
const kerasJson = fc.tuple(jsonMap, fc.option(token), fc.boolean(), fc.boolean()).map(([wordIndex, oov, embedded, className]) => {
	const config: Record<string, unknown> = { num_words: null, oov_token: oov, word_index: embedded ? wordIndex : JSON.parse(safeJson(wordIndex)) };
	return JSON.stringify(className ? { class_name: 'Tokenizer', config } : { config });
});
const hfJson = fc
	.tuple(
		fc.constantFrom('WordLevel', 'WordPiece', 'BPE', 'Unigram', 'Mystery', undefined),
		jsonMap,
		fc.array(fc.tuple(token, fc.double()), { maxLength: 10 }),
		fc.array(fc.record({ id: index, content: token, special: fc.boolean() }), { maxLength: 5 }),
		fc.option(token),
	)
	.map(([type, map, pairs, added, unk]) => {
		const vocab = type === 'Unigram' ? pairs : JSON.parse(safeJson(map));
		return JSON.stringify({ version: '1.0', added_tokens: added, model: { type, vocab, unk_token: unk } });
	});

/** The parsed object, or an empty one when the hand-written map does not parse. */
function safeJson(text: string): string {
	try {
		JSON.parse(text);
		return text;
	} catch {
		return '{}';
	}
}

/** Breaks a well-formed file the ways files really break: cut short, a byte changed, doubled. */
const mutated = (file: fc.Arbitrary<string>) =>
	fc.tuple(file, fc.nat(), fc.constantFrom('cut', 'insert', 'double', 'none'), fc.string({ unit: 'binary', maxLength: 3 })).map(([text, at, how, extra]) => {
		const p = text.length === 0 ? 0 : at % text.length;
		switch (how) {
			case 'cut':
				return text.slice(0, p);
			case 'insert':
				return text.slice(0, p) + extra + text.slice(p);
			case 'double':
				return text + text;
			default:
				return text;
		}
	});

const anyFile = fc.oneof(
	textFile,
	duplicateLaden.map((lines) => lines.join('\n')),
	mutated(jsonMap),
	mutated(jsonList),
	mutated(kerasJson),
	mutated(hfJson),
	fc.string({ unit: 'binary', maxLength: 80 }),
);

const options: fc.Arbitrary<LoadVocabularyOptions> = fc.record(
	{
		format: fc.constantFrom('auto' as const, ...vocabularyFormats),
		convention: fc.constantFrom(...conventionIds),
		base: fc.oneof(fc.nat({ max: 5 }), fc.constantFrom(-1, 0.5)),
		unkToken: token,
		addMissingUnk: fc.boolean(),
	},
	{ requiredKeys: [] },
);

const encode = (text: string) => new TextEncoder().encode(text);

describe('vocabulary files (fuzzed: only VocabularyFileError, never anything else)', () => {
	it('arbitrary bytes, with and without a UTF-8 or UTF-16 byte-order mark', () => {
		const prefix = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]);
		fc.assert(
			fc.property(prefix, fc.uint8Array({ maxLength: 200 }), options, (head, body, opts) => {
				loadOrRefuse(Uint8Array.from([...head, ...body]), opts);
			}),
			{ numRuns: 1500 },
		);
	});

	it('arbitrary strings (lone surrogates, NUL, control characters) as text and as bytes', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 120 }), options, (text, opts) => {
				loadOrRefuse(text, opts);
				loadOrRefuse(encode(text), opts);
			}),
			{ numRuns: 1000 },
		);
	});

	it('near-valid files of every format: BOM, CRLF, duplicates, wrong index types, truncation', () => {
		fc.assert(
			fc.property(anyFile, options, (text, opts) => {
				loadOrRefuse(text, opts);
				loadOrRefuse(encode(text), opts);
			}),
			{ numRuns: 1500 },
		);
	});

	it('a duplicate-laden text list is refused with the line, or loaded without duplicates', () => {
		fc.assert(
			fc.property(duplicateLaden, newline, (lines, nl) => {
				const text = lines.join(nl);
				try {
					loadVocabulary(text, { format: 'text' });
				} catch (error) {
					assert.ok(error instanceof VocabularyFileError, String(error));
					if (error.problem === 'duplicate-token' || error.problem === 'empty-token') {
						assert.ok(error.line !== undefined && error.line >= 2 && error.line <= lines.length, `line ${error.line} of ${lines.length}`);
					}
				}
			}),
			{ numRuns: 500 },
		);
	});

	it('pathological shapes: deep nesting, unterminated strings, a huge index, a long line', () => {
		const depth = 200_000;
		const cases = [
			'['.repeat(depth),
			'{"a":'.repeat(depth),
			`${'['.repeat(depth)}${']'.repeat(depth)}`,
			`{"model": {"vocab": ${'['.repeat(depth)}}}`,
			'{"the": 1, "of": 2',
			'{"the": 99999999999999999999999}',
			`{"the": ${'9'.repeat(400)}}`,
			`"${'a'.repeat(100_000)}`,
			'a'.repeat(1_000_000),
			'\ufeff\r\n\r\n',
			'[]',
			'{}',
			'null',
			'{"class_name": "Tokenizer", "config": {"word_index": "{not json"}}',
			'{"model": {"type": "WordPiece", "vocab": []}}',
		];
		for (const text of cases) {
			for (const format of ['auto' as const, ...vocabularyFormats]) {
				loadOrRefuse(text, { format });
			}
		}
	});
});
