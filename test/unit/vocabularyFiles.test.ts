import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
	analyze,
	defaultVocabulary,
	detectVocabularyFormat,
	loadVocabulary,
	saveVocabulary,
	vocabularyFormats,
	vocabularyFromWords,
	Vocabulary,
	VocabularyError,
	VocabularyFileError,
	type LoadVocabularyOptions,
	type VocabularyProblem,
} from '../../src/core';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Asserts that loading fails with this problem, and returns the error for further checks. */
function loadError(content: string | Uint8Array, problem: VocabularyProblem, options?: LoadVocabularyOptions): VocabularyFileError {
	let caught: unknown;
	try {
		loadVocabulary(content, options);
	} catch (error) {
		caught = error;
	}
	assert.ok(caught instanceof VocabularyFileError, `expected a VocabularyFileError, got ${String(caught)}`);
	assert.ok(caught instanceof VocabularyError, 'a file error is a VocabularyError too');
	assert.equal(caught.problem, problem, caught.message);
	return caught;
}

describe('loadVocabulary: plain text', () => {
	it('numbers lines from 1 under the course convention and finds <UNK>', () => {
		const v = loadVocabulary('apple\nbanana\ncherry\n<UNK>\n', { name: 'fruit.txt' });
		assert.equal(v.base, 1);
		assert.equal(v.convention, 'course');
		assert.equal(v.size, 4);
		assert.equal(v.lookup('apple'), 1);
		assert.equal(v.lookup('cherry'), 3);
		assert.equal(v.unkIndex, 4);
		assert.equal(v.lookup('durian'), 4);
		assert.equal(v.name, 'fruit.txt');
		assert.equal(v.padIndex, null);
	});

	it('numbers a Hugging Face vocab.txt from 0 and finds its [UNK] and [PAD]', () => {
		// bert-base-uncased's vocab.txt: [PAD] on line 1 (id 0), [unused0…98], then [UNK] = 100,
		// [CLS] = 101, [SEP] = 102, [MASK] = 103 (the ids BertTokenizer reports for these specials).
		const lines = ['[PAD]', ...Array.from({ length: 99 }, (_, i) => `[unused${i}]`), '[UNK]', '[CLS]', '[SEP]', '[MASK]', 'the', 'of'];
		const v = loadVocabulary(lines.join('\n') + '\n', { convention: 'huggingface' });
		assert.equal(v.base, 0);
		assert.equal(v.unkIndex, 100);
		assert.equal(v.padIndex, 0);
		assert.equal(v.lookup('[SEP]'), 102);
		assert.equal(v.lookup('the'), 104);
		assert.equal(detectVocabularyFormat(lines.join('\n')), 'text', 'a first line "[PAD]" is not a JSON list');
	});

	it('honours an explicit base', () => {
		const v = loadVocabulary('a\nb\n<UNK>', { base: 5 });
		assert.equal(v.lookup('a'), 5);
		assert.equal(v.unkIndex, 7);
	});

	it('handles CRLF, CR, a UTF-8 BOM in bytes and a BOM in a string the same way', () => {
		const expected = ['héllo', 'world', '<UNK>'];
		for (const content of ['héllo\r\nworld\r\n<UNK>\r\n', 'héllo\rworld\r<UNK>', '\ufeffhéllo\nworld\n<UNK>', utf8('\ufeffhéllo\r\nworld\n<UNK>\n')]) {
			const v = loadVocabulary(content);
			assert.deepEqual([...v.entries], expected);
		}
	});

	it('marks a WordPiece list as subword', () => {
		const pieces = Array.from({ length: 20 }, (_, i) => `##p${i}`);
		const v = loadVocabulary(['[PAD]', '[UNK]', 'play', ...pieces].join('\n'), { convention: 'huggingface' });
		assert.equal(v.kind, 'subword');
		assert.equal(loadVocabulary('a\nb\n<UNK>').kind, 'word');
	});

	it('reports a duplicate token with both line numbers', () => {
		const error = loadError('apple\nbanana\ncherry\nbanana\n<UNK>\n', 'duplicate-token');
		assert.equal(error.line, 4);
		assert.match(error.message, /"banana" on line 4/);
		assert.match(error.message, /line 2/);
	});

	it('reports an empty line in the middle', () => {
		const error = loadError('apple\n\nbanana\n<UNK>', 'empty-token');
		assert.equal(error.line, 2);
		assert.match(error.message, /Line 2 is empty/);
	});

	it('refuses empty and whitespace-only files', () => {
		for (const content of ['', '\n\n', '   \r\n', utf8(''), utf8('\ufeff')]) {
			assert.match(loadError(content, 'empty').message, /empty/);
		}
	});

	it('refuses binary content, naming where the NUL is', () => {
		const bytes = new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0x00, 0x01, 0x02]);
		const error = loadError(bytes, 'binary');
		assert.equal(error.line, 3);
		assert.match(error.message, /binary/);
		assert.equal(loadError('a\nb\u0000c', 'binary').line, 2);
	});

	it('refuses bytes that are not UTF-8, naming the byte and line', () => {
		// "caf\xe9" is Latin-1 é: a lone continuation-less lead byte in UTF-8.
		const bytes = new Uint8Array([...utf8('apple\nbanana\n'), 0x63, 0x61, 0x66, 0xe9, 0x0a, ...utf8('<UNK>\n')]);
		const error = loadError(bytes, 'encoding');
		assert.equal(error.line, 3);
		assert.match(error.message, /not valid UTF-8: invalid byte 0xe9 at byte 16 \(line 3\)/);
		assert.match(loadError(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 'encoding').message, /UTF-16/);
	});

	it('reports a missing unknown token and offers addMissingUnk', () => {
		const error = loadError('apple\nbanana\n', 'missing-unk');
		assert.match(error.message, /no unknown token/);
		assert.match(error.message, /addMissingUnk: true/);
		const v = loadVocabulary('apple\nbanana\n', { addMissingUnk: true });
		assert.equal(v.size, 3);
		assert.equal(v.unkToken, '<UNK>');
		assert.equal(v.unkIndex, 3);
		assert.equal(v.lookup('apple'), 1, 'adding the unknown token moves no file index');
	});

	it('takes a named unknown token', () => {
		const v = loadVocabulary('apple\nOOV\nbanana', { unkToken: 'OOV' });
		assert.equal(v.unkIndex, 2);
		loadError('apple\nbanana', 'missing-unk', { unkToken: 'OOV' });
	});
});

describe('loadVocabulary: JSON maps', () => {
	it('reads a Keras word_index (1-based) keeping its indices', () => {
		const v = loadVocabulary('{"<OOV>": 1, "the": 2, "cat": 3}');
		assert.equal(v.base, 1);
		assert.equal(v.lookup('the'), 2);
		assert.equal(v.unkIndex, 1);
		assert.equal(detectVocabularyFormat('{"<OOV>": 1}'), 'json-map');
	});

	it('reads a Hugging Face vocab.json (0-based) as huggingface', () => {
		const v = loadVocabulary('{"[PAD]": 0, "[UNK]": 1, "hello": 2, "world": 3}');
		assert.equal(v.convention, 'huggingface');
		assert.equal(v.base, 0);
		assert.equal(v.unkIndex, 1);
		assert.equal(v.padIndex, 0);
		assert.equal(v.lookup('world'), 3);
	});

	it('puts keys at their indices whatever the key order', () => {
		const v = loadVocabulary('{"c": 2, "<unk>": 0, "a": 1}');
		assert.deepEqual([...v.entries], ['<unk>', 'a', 'c']);
	});

	it('reports duplicate, negative, non-integer indices and gaps by key', () => {
		let e = loadError('{"a": 0, "b": 1, "c": 1, "<unk>": 2}', 'duplicate-index');
		assert.equal(e.key, 'c');
		assert.match(e.message, /Index 1 is used twice: by "b" and by "c"/);
		e = loadError('{"a": 0, "b": -1}', 'bad-index');
		assert.equal(e.key, 'b');
		assert.match(e.message, /negative/);
		e = loadError('{"a": 0, "b": 1.5}', 'bad-index');
		assert.equal(e.key, 'b');
		e = loadError('{"a": 0, "b": "1"}', 'bad-index');
		assert.match(e.message, /"b" has index "1", which is not an integer/);
		e = loadError('{"<unk>": 0, "a": 1, "b": 3}', 'gap');
		assert.match(e.message, /No token has index 2/);
		assert.equal(e.key, 'b');
	});

	it('reports a duplicate key that JSON.parse would silently merge', () => {
		let e = loadError('{"a": 0, "<unk>": 1, "a": 2}', 'duplicate-token');
		assert.equal(e.key, 'a');
		e = loadError('{\n  "a": 0,\n  "b\\"": 1,\n  "<unk>": 2,\n  "b\\"": 3\n}', 'duplicate-token');
		assert.equal(e.key, 'b"');
	});

	it('reports invalid JSON with its line', () => {
		const e = loadError('{\n"a": 0,\n"b": ,\n}', 'syntax');
		assert.match(e.message, /not valid JSON/);
		assert.equal(e.line, 3);
	});
});

describe('loadVocabulary: Keras Tokenizer.to_json()', () => {
	// What Tokenizer(oov_token='<OOV>').fit_on_texts(['The cat sat on the mat.', 'The dog ate my homework.'])
	// then .to_json() holds: Keras's fit_on_texts sorts word_counts by count (ties keep first
	// occurrence), forces the oov_token to index 1 and reserves 0 ("0 is a reserved index that won't
	// be assigned to any word", Tokenizer docstring). word_index and the other dicts are JSON strings.
	const wordIndex = { '<OOV>': 1, the: 2, cat: 3, sat: 4, on: 5, mat: 6, dog: 7, ate: 8, my: 9, homework: 10 };
	const kerasJson = JSON.stringify({
		class_name: 'Tokenizer',
		config: {
			num_words: null,
			filters: '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n',
			lower: true,
			split: ' ',
			char_level: false,
			oov_token: '<OOV>',
			document_count: 2,
			word_counts: JSON.stringify({ the: 3, cat: 1, sat: 1, on: 1, mat: 1, dog: 1, ate: 1, my: 1, homework: 1 }),
			word_docs: '{}',
			index_docs: '{}',
			index_word: JSON.stringify(Object.fromEntries(Object.entries(wordIndex).map(([w, i]) => [String(i), w]))),
			word_index: JSON.stringify(wordIndex),
		},
	});

	it('detects the format and keeps the indices, with 0 reserved for padding', () => {
		assert.equal(detectVocabularyFormat(kerasJson), 'keras-tokenizer-json');
		const v = loadVocabulary(kerasJson);
		assert.equal(v.convention, 'keras-tokenizer');
		assert.equal(v.base, 0);
		assert.equal(v.size, 11, '|V| counts the reserved 0');
		assert.equal(v.padIndex, 0);
		assert.equal(v.unkIndex, 1);
		assert.equal(v.unkToken, '<OOV>');
		for (const [word, index] of Object.entries(wordIndex)) {
			assert.equal(v.lookup(word), index, word);
		}
		// texts_to_sequences(['The bird sat']) → [[2, 1, 4]] under this word_index.
		assert.deepEqual([...analyze('The bird sat', { vocabulary: v }).indices], [2, 1, 4]);
	});

	it('treats indices at or above num_words as out of vocabulary, as texts_to_sequences does', () => {
		const json = JSON.parse(kerasJson) as { config: Record<string, unknown> };
		json.config.num_words = 5;
		const v = loadVocabulary(JSON.stringify(json));
		assert.equal(v.size, 5);
		assert.equal(v.lookup('on'), 1);
		assert.equal(v.lookup('sat'), 4);
	});

	it('reports a Tokenizer without an oov_token as missing its unknown token', () => {
		const json = JSON.parse(kerasJson) as { config: Record<string, unknown> };
		json.config.oov_token = null;
		json.config.word_index = JSON.stringify({ the: 1, cat: 2 });
		const e = loadError(JSON.stringify(json), 'missing-unk');
		assert.match(e.message, /declares none/);
		const v = loadVocabulary(JSON.stringify(json), { addMissingUnk: true });
		assert.equal(v.unkIndex, 3);
		assert.equal(v.lookup('the'), 1);
	});
});

describe('loadVocabulary: Hugging Face tokenizer.json', () => {
	const tokenizerJson = (model: Record<string, unknown>, addedTokens: unknown[] = []) =>
		JSON.stringify({ version: '1.0', truncation: null, padding: null, added_tokens: addedTokens, normalizer: null, pre_tokenizer: null, model });

	it('reads a WordLevel model as a word vocabulary', () => {
		const v = loadVocabulary(tokenizerJson({ type: 'WordLevel', vocab: { '[UNK]': 0, '[PAD]': 1, hello: 2 }, unk_token: '[UNK]' }));
		assert.equal(v.kind, 'word');
		assert.equal(v.convention, 'huggingface');
		assert.equal(v.unkIndex, 0);
		assert.equal(v.padIndex, 1);
		assert.equal(v.lookup('hello'), 2);
	});

	it('reads a WordPiece model as subword, with its unk_token', () => {
		const v = loadVocabulary(
			tokenizerJson({ type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: { '[PAD]': 0, '[UNK]': 1, play: 2, '##ing': 3 } }),
		);
		assert.equal(v.kind, 'subword');
		assert.equal(v.unkIndex, 1);
		assert.equal(v.lookup('##ing'), 3);
	});

	it('reads a byte-level BPE model; with no unk_token it asks for addMissingUnk', () => {
		const content = tokenizerJson({ type: 'BPE', dropout: null, unk_token: null, vocab: { '!': 0, the: 1, 'Ġthe': 2 }, merges: ['t h', 'th e'] }, [
			{ id: 3, content: '<|endoftext|>', special: true },
		]);
		const e = loadError(content, 'missing-unk');
		assert.match(e.message, /addMissingUnk/);
		const v = loadVocabulary(content, { addMissingUnk: true });
		assert.equal(v.kind, 'subword');
		assert.equal(v.lookup('<|endoftext|>'), 3, 'added tokens extend the vocabulary');
		assert.equal(v.unkIndex, 4);
		assert.equal(v.unkToken, '[UNK]');
	});

	it('reads a Unigram model, whose vocab is a list of [piece, score] pairs', () => {
		const v = loadVocabulary(tokenizerJson({ type: 'Unigram', unk_id: 1, vocab: [['<pad>', 0], ['<unk>', 0], ['▁the', -3.1]] }));
		assert.equal(v.unkIndex, 1);
		assert.equal(v.lookup('▁the'), 2);
	});

	it('refuses an added token that contradicts model.vocab', () => {
		const e = loadError(tokenizerJson({ type: 'WordLevel', vocab: { '[UNK]': 0, a: 1 }, unk_token: '[UNK]' }, [{ id: 5, content: '[UNK]' }]), 'duplicate-token');
		assert.equal(e.key, '[UNK]');
	});
});

describe('loadVocabulary: JSON lists (torch itos)', () => {
	it('numbers items from 0 under the torchtext convention', () => {
		const v = loadVocabulary('["<unk>", "<pad>", "the", "a"]');
		assert.equal(v.convention, 'torchtext');
		assert.equal(v.base, 0);
		assert.equal(v.unkIndex, 0);
		assert.equal(v.padIndex, 1);
		assert.equal(v.lookup('a'), 3);
	});

	it('names a non-string item and a duplicate item', () => {
		assert.equal(loadError('["<unk>", 3]', 'structure').key, '1');
		const e = loadError('["<unk>", "a", "b", "a"]', 'duplicate-token');
		assert.equal(e.key, '3');
		assert.match(e.message, /item 3 \(index 3\).*item 1 \(index 1\)/);
	});

	it('follows an explicit format over detection', () => {
		const v = loadVocabulary('["x"]\n<UNK>', { format: 'text' });
		assert.deepEqual([...v.entries], ['["x"]', '<UNK>']);
		loadError('apple\n<UNK>', 'syntax', { format: 'json-map' });
	});
});

describe('saveVocabulary → loadVocabulary round trips', () => {
	const same = (a: Vocabulary, b: Vocabulary) => {
		assert.deepEqual([...b.entries], [...a.entries]);
		assert.equal(b.base, a.base);
		assert.equal(b.unkIndex, a.unkIndex);
		assert.equal(b.padIndex, a.padIndex);
	};
	const reload = (v: Vocabulary, format: (typeof vocabularyFormats)[number]) =>
		loadVocabulary(saveVocabulary(v, format), { convention: v.convention, base: v.base, unkToken: v.unkToken });

	it('round-trips the default vocabulary under every convention in every format that can hold it', () => {
		for (const convention of ['course', 'keras-tokenizer', 'keras-textvectorization', 'torchtext', 'huggingface'] as const) {
			const v = defaultVocabulary(convention);
			for (const format of vocabularyFormats) {
				if (format === 'keras-tokenizer-json' && v.base === 0 && v.padIndex !== 0) {
					assert.throws(() => saveVocabulary(v, format), /reserves index 0/);
					continue;
				}
				const back = reload(v, format);
				if (format === 'keras-tokenizer-json' && v.base === 1) {
					// Keras reserves 0 for padding: a 1-based vocabulary comes back with that entry in front, every index unchanged.
					assert.equal(back.base, 0);
					assert.equal(back.padIndex, 0);
					assert.deepEqual([...back.entries.slice(1)], [...v.entries]);
					assert.equal(back.unkIndex, v.unkIndex);
				} else {
					same(v, back);
				}
				assert.equal(detectVocabularyFormat(saveVocabulary(v, format)), format, `${convention} ${format}`);
			}
		}
	});

	it('writes a Keras JSON whose word_index is a JSON string without index 0', () => {
		const v = vocabularyFromWords(['the', 'cat'], 'keras-tokenizer', 'tiny');
		const json = JSON.parse(saveVocabulary(v, 'keras-tokenizer-json')) as { class_name: string; config: { word_index: string; oov_token: string } };
		assert.equal(json.class_name, 'Tokenizer');
		assert.equal(typeof json.config.word_index, 'string');
		assert.deepEqual(JSON.parse(json.config.word_index), { '<OOV>': 1, the: 2, cat: 3 });
		assert.equal(json.config.oov_token, '<OOV>');
	});

	it('writes a WordLevel tokenizer.json with the specials as added tokens', () => {
		const v = vocabularyFromWords(['the', 'cat'], 'huggingface', 'tiny');
		const json = JSON.parse(saveVocabulary(v, 'hf-tokenizer-json')) as { model: { type: string; vocab: Record<string, number>; unk_token: string }; added_tokens: { id: number; content: string }[] };
		assert.equal(json.model.type, 'WordLevel');
		assert.deepEqual(json.model.vocab, { '[PAD]': 0, '[UNK]': 1, the: 2, cat: 3 });
		assert.equal(json.model.unk_token, '[UNK]');
		assert.deepEqual(
			json.added_tokens.map((t) => [t.id, t.content]),
			[
				[0, '[PAD]'],
				[1, '[UNK]'],
			],
		);
	});

	it('keeps integer-like tokens in index order in a JSON map', () => {
		const v = loadVocabulary('zebra\n221\n0\n<UNK>');
		assert.equal(saveVocabulary(v, 'json-map'), '{\n\t"zebra": 1,\n\t"221": 2,\n\t"0": 3,\n\t"<UNK>": 4\n}\n');
	});

	it('refuses to write tokens a text file cannot hold', () => {
		const v = new Vocabulary({ name: 'x', entries: ['<UNK>', 'a\nb'], base: 0, unkIndex: 0, padIndex: null, convention: 'torchtext' });
		assert.throws(() => saveVocabulary(v, 'text'), /line break/);
	});

	it('round-trips random vocabularies (property)', () => {
		const token = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 });
		fc.assert(
			fc.property(fc.uniqueArray(token, { minLength: 1, maxLength: 40 }), fc.constantFrom(...vocabularyFormats), fc.integer({ min: 0, max: 3 }), (tokens, format, base) => {
				const words = tokens.filter((t) => t !== '<UNK>' && t !== '<PAD>');
				const entries = [...words, '<UNK>'];
				const textable = entries.every((e) => !/[\r\n]/.test(e) && !e.includes('\u0000')) && entries[0].charCodeAt(0) !== 0xfeff && !/^\s*$/.test(entries.join(''));
				if (format === 'text' && !textable) {
					return;
				}
				if (format === 'keras-tokenizer-json') {
					base = 1;
				}
				const v = new Vocabulary({ name: 'p', entries, base, unkIndex: base + entries.length - 1, padIndex: null, convention: 'course' });
				const back = loadVocabulary(saveVocabulary(v, format), { format, base, unkToken: '<UNK>', convention: 'course' });
				for (let p = 0; p < entries.length; p++) {
					assert.equal(back.lookup(entries[p]), base + p);
				}
				assert.equal(back.unkIndex, v.unkIndex);
				assert.equal(back.size, entries.length + (format === 'keras-tokenizer-json' ? 1 : 0));
			}),
			{ numRuns: 300 },
		);
	});

	it('accepts every way of spelling the same text file as bytes (property: BOM, CRLF, final newline)', () => {
		const word = fc.stringMatching(/^[a-zà-ÿ]{1,8}$/);
		fc.assert(
			fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 30 }), fc.boolean(), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (words, bom, eol, finalEol) => {
				const entries = [...words, '<UNK>'];
				const text = (bom ? '\ufeff' : '') + entries.join(eol) + (finalEol ? eol : '');
				assert.deepEqual([...loadVocabulary(utf8(text)).entries], entries);
				assert.deepEqual([...loadVocabulary(text).entries], entries);
			}),
		);
	});
});

describe('loadVocabulary: large tokenizer.json files', () => {
	// Above 1,000 entries model.vocab is scanned without JSON.parse; these check that path.
	const words = Array.from({ length: 1500 }, (_, i) => `w${i}`);
	const tokenizerJson = (vocab: string, added: unknown[]) =>
		`{\n  "version": "1.0",\n  "added_tokens": ${JSON.stringify(added)},\n  "normalizer": {"type": "Lowercase", "vocab": {"decoy": 1}},\n  "model": {\n    "type": "WordPiece",\n    "unk_token": "[UNK]",\n    "vocab": ${vocab},\n    "max_input_chars_per_word": 100\n  }\n}\n`;
	const vocabText = (entries: string[]) => '{' + entries.map((w, i) => `${JSON.stringify(w)}: ${i}`).join(', ') + '}';

	it('reads model.vocab and merges added tokens', () => {
		const entries = ['[PAD]', '[UNK]', ...words];
		const v = loadVocabulary(
			tokenizerJson(vocabText(entries), [
				{ id: 1, content: '[UNK]', special: true },
				{ id: 1502, content: '[MASK]', special: true },
			]),
		);
		assert.equal(v.size, 1503);
		assert.equal(v.unkIndex, 1);
		assert.equal(v.lookup('w1499'), 1501);
		assert.equal(v.lookup('[MASK]'), 1502);
		assert.equal(v.lookup('decoy'), 1, 'the normalizer\'s "vocab" is not the model\'s');
		assert.equal(v.kind, 'subword');
	});

	it('reports a duplicate token and a contradicting added token', () => {
		const entries = ['[PAD]', '[UNK]', ...words, 'w7'];
		const e = loadError(tokenizerJson(vocabText(entries), []), 'duplicate-token');
		assert.equal(e.key, 'w7');
		assert.match(e.message, /Duplicate token "w7" in model.vocab: the key appears more than once/);
		const added = loadError(tokenizerJson(vocabText(['[PAD]', '[UNK]', ...words]), [{ id: 3000, content: 'w5' }]), 'duplicate-token');
		assert.match(added.message, /Added token "w5" has id 3000 but model.vocab gives it 7/);
	});

	it('loads the same as the ordinary parse (escaped keys included)', () => {
		const entries = ['[PAD]', '[UNK]', 'quo"te', 'back\\slash', 'tab\there', 'é', '😀', ...words];
		const v = loadVocabulary(tokenizerJson(vocabText(entries), []));
		assert.deepEqual([...v.entries], entries);
	});
});
