/**
 * Vocabulary files: loading the layouts other tools write (plain text, JSON token→index maps,
 * Keras `Tokenizer.to_json()`, Hugging Face `tokenizer.json`, JSON token lists) and writing them
 * back. Callers hand over the file's content; nothing here touches the file system.
 *
 * A file's own indices are the truth: a loaded vocabulary keeps them, and the convention only
 * supplies defaults (the base of a plain list, which special is the unknown token) and metadata.
 */

import { Vocabulary, VocabularyError, type VocabularyKind } from './vocabulary';
import { conventions, isConventionId, type ConventionId } from './conventions';
import { duplicateTopLevelKey, jsonErrorOffset, valueSpan } from './jsonRawText';
import type { ScannedPairs } from './jsonTokenScan';
import { isObject, jsonObjectFormat, scanVocabularyFile, type ScannedFile } from './vocabularyScan';

export type VocabularyFormat = 'text' | 'json-map' | 'keras-tokenizer-json' | 'hf-tokenizer-json' | 'json-list';

export const vocabularyFormats: readonly VocabularyFormat[] = ['text', 'json-map', 'keras-tokenizer-json', 'hf-tokenizer-json', 'json-list'];

export interface LoadVocabularyOptions {
	/** The file layout; detected from the content by default. */
	format?: 'auto' | VocabularyFormat;
	/**
	 * Convention recorded on the vocabulary and used for defaults. When omitted it follows the
	 * format: text → course, a 0-based JSON map or a tokenizer.json → huggingface, a 1-based map →
	 * course, Keras JSON → keras-tokenizer, a JSON list → torchtext.
	 */
	convention?: ConventionId;
	/** Index of the first entry of a plain list (text, JSON list); the convention's base otherwise. */
	base?: number;
	/** Display name (usually the file name). */
	name?: string;
	/** The unknown token; otherwise the file's own (Keras `oov_token`, HF `unk_token`) or a usual spelling. */
	unkToken?: string;
	/** Append the unknown token after the last entry when the file has none. */
	addMissingUnk?: boolean;
}

/** What went wrong with a vocabulary file, for callers that react to a specific problem. */
export type VocabularyProblem =
	| 'empty'
	| 'binary'
	| 'encoding'
	| 'syntax'
	| 'structure'
	| 'empty-token'
	| 'duplicate-token'
	| 'duplicate-index'
	| 'bad-index'
	| 'gap'
	| 'missing-unk'
	| 'unsupported';

/**
 * A vocabulary file problem. `line` (1-based) or `key` says where; `problem` says what, so the
 * extension can, for example, offer `addMissingUnk` when the problem is `missing-unk`.
 */
export class VocabularyFileError extends VocabularyError {
	readonly problem: VocabularyProblem;
	readonly line?: number;
	readonly key?: string;

	constructor(problem: VocabularyProblem, message: string, where: { line?: number; key?: string } = {}) {
		super(message);
		this.problem = problem;
		if (where.line !== undefined) {
			this.line = where.line;
		}
		if (where.key !== undefined) {
			this.key = where.key;
		}
	}
}

/** Spellings of the unknown token tried, in order, after the convention's own. */
const unkCandidates = ['<UNK>', '[UNK]', '<unk>', '<OOV>', '[OOV]', 'UNK', '<oov>'];
const padCandidates = ['<PAD>', '[PAD]', '<pad>', 'PAD'];

// ---------------------------------------------------------------------------------------------
// Decoding

/** Turns file bytes or a string into text: UTF-8 only, BOM dropped, binary content refused. */
export function decodeVocabularyContent(content: string | Uint8Array): string {
	let text: string;
	if (typeof content === 'string') {
		text = content;
	} else {
		if ((content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff)) {
			throw new VocabularyFileError('encoding', 'The file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8.');
		}
		const nul = content.indexOf(0);
		if (nul >= 0) {
			throw new VocabularyFileError('binary', `This is a binary file, not a vocabulary: it has a NUL byte at byte ${nul} (line ${lineOfByte(content, nul)}).`, {
				line: lineOfByte(content, nul),
			});
		}
		try {
			// fatal: malformed bytes throw instead of turning into U+FFFD; the BOM is dropped by default.
			text = new TextDecoder('utf-8', { fatal: true }).decode(content);
		} catch {
			const at = firstInvalidUtf8(content);
			const line = lineOfByte(content, at);
			throw new VocabularyFileError('encoding', `The file is not valid UTF-8: invalid byte 0x${content[at].toString(16).padStart(2, '0')} at byte ${at} (line ${line}). Save it as UTF-8.`, {
				line,
			});
		}
		return checkText(text);
	}
	if (text.charCodeAt(0) === 0xfeff) {
		text = text.slice(1);
	}
	return checkText(text);
}

function checkText(text: string): string {
	const nul = text.indexOf('\u0000');
	if (nul >= 0) {
		const line = lineOfOffset(text, nul);
		throw new VocabularyFileError('binary', `This is a binary file, not a vocabulary: it has a NUL character on line ${line}.`, { line });
	}
	if (text.trim() === '') {
		throw new VocabularyFileError('empty', 'The vocabulary file is empty.');
	}
	return text;
}

function lineOfByte(bytes: Uint8Array, at: number): number {
	let line = 1;
	for (let i = 0; i < at; i++) {
		if (bytes[i] === 0x0a) {
			line++;
		}
	}
	return line;
}

function lineOfOffset(text: string, at: number): number {
	let line = 1;
	for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
		line++;
	}
	return line;
}

/** Offset of the first byte that breaks UTF-8 (only called once decoding has failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i];
		let need: number;
		let min: number;
		if (b < 0x80) {
			i++;
			continue;
		} else if (b >= 0xc2 && b <= 0xdf) {
			need = 1;
			min = 0x80;
		} else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			min = 0x800;
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			min = 0x10000;
		} else {
			return i;
		}
		let cp = b & (0x3f >> need);
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined || (c & 0xc0) !== 0x80) {
				return i;
			}
			cp = (cp << 6) | (c & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
			return i;
		}
		i += need + 1;
	}
	return Math.max(0, bytes.length - 1);
}

// ---------------------------------------------------------------------------------------------
// Detection

/** The format a vocabulary file's content is in, judged from its first non-blank character and its JSON shape. */
export function detectVocabularyFormat(content: string | Uint8Array): VocabularyFormat {
	const text = decodeVocabularyContent(content);
	return (scanVocabularyFile(text, 'auto') ?? detectParsed(text)).format;
}

/** A file's format and its content as the loader reads it: parsed JSON, or scanned tokens (vocabularyScan.ts). */
type Detected = ScannedFile;

function detectParsed(text: string): Detected {
	const first = text.trimStart()[0];
	if (first === '{') {
		const json = parseJson(text);
		return { format: jsonObjectFormat(json), json };
	}
	if (first === '[') {
		// A text vocabulary may start with "[PAD]" or "[UNK]": only a whole-file JSON array is a list.
		try {
			const json: unknown = JSON.parse(text);
			if (Array.isArray(json)) {
				return { format: 'json-list', json };
			}
		} catch {
			// Not JSON: a plain list whose first token starts with "[".
		}
	}
	return { format: 'text' };
}

/**
 * A JSON value from the file, quoted for a message: cut short, since a value may be a whole
 * nested structure, too deep for JSON.stringify's recursion or too long to read.
 */
function quoteValue(value: unknown): string {
	if (Array.isArray(value)) {
		return value.length === 0 ? 'an empty array' : `an array of ${value.length}`;
	}
	if (isObject(value)) {
		return 'an object';
	}
	const quoted = JSON.stringify(value) ?? String(value);
	return quoted.length > 60 ? `${quoted.slice(0, 59)}…` : quoted;
}

function parseJson(text: string, what = 'The file'): unknown {
	try {
		return JSON.parse(text);
	} catch {
		// V8's messages quote the text instead of giving a position, so find the position ourselves.
		const at = jsonErrorOffset(text);
		const line = lineOfOffset(text, at);
		const found = at < text.length ? `unexpected ${JSON.stringify(text.slice(at, at + 12))}` : 'the text ends too early';
		throw new VocabularyFileError('syntax', `${what} is not valid JSON: ${found} on line ${line}.`, { line });
	}
}

// ---------------------------------------------------------------------------------------------
// Loading

interface Layout {
	entries: string[];
	base: number;
	/** The unknown token the file itself names (Keras oov_token, HF unk_token), if any. */
	fileUnk?: string | null;
	convention: ConventionId;
	kind: VocabularyKind;
	/** Position of the padding entry when the format fixes it (Keras's reserved 0). */
	padPosition?: number;
	/** Reports where an entry came from in errors (`line 12`, `key "the"`). */
	where: (position: number) => { line?: number; key?: string; label: string };
}

/**
 * Loads a vocabulary from the content of a file. Throws a {@link VocabularyFileError} naming the
 * line or key and the problem; the caller keeps its previous vocabulary in that case.
 */
export function loadVocabulary(content: string | Uint8Array, options: LoadVocabularyOptions = {}): Vocabulary {
	return load(content, options, true);
}

/**
 * `loadVocabulary` with every JSON format read by JSON.parse, never by the scanners: the
 * reference that the scanned reading is tested against. Slower on large JSON files.
 */
export function loadVocabularyParsed(content: string | Uint8Array, options: LoadVocabularyOptions = {}): Vocabulary {
	return load(content, options, false);
}

function load(content: string | Uint8Array, options: LoadVocabularyOptions, scan: boolean): Vocabulary {
	if (options.convention !== undefined && !isConventionId(options.convention)) {
		throw new VocabularyFileError('unsupported', `Unknown convention "${String(options.convention)}".`);
	}
	const text = decodeVocabularyContent(content);
	const format = options.format ?? 'auto';
	if (format !== 'auto' && !vocabularyFormats.includes(format)) {
		throw new VocabularyFileError('unsupported', `Unknown vocabulary format "${String(format)}".`);
	}
	const scanned = scan ? scanVocabularyFile(text, format) : undefined;
	if (scanned) {
		try {
			return finish(readLayout(scanned, text, options), options);
		} catch (error) {
			if (!(error instanceof VocabularyError)) {
				throw error;
			}
			// Whatever is wrong with the file, the parsed reading below names it in its own words.
		}
	}
	const detected: Detected = format === 'auto' ? detectParsed(text) : format === 'text' ? { format } : { format, json: parseJson(text) };
	return finish(readLayout(detected, text, options), options);
}

function readLayout(detected: Detected, text: string, options: LoadVocabularyOptions): Layout {
	const { pairs } = detected;
	switch (detected.format) {
		case 'text':
			return textLayout(text, options);
		case 'json-list':
			return listLayout(detected.list ?? detected.json, options);
		case 'json-map':
			return pairs
				? pairsLayout(pairs.keys, pairs.values, options, 'The JSON map', undefined, runFrom(pairs))
				: withDuplicateKeyCheck(text, detected.json, 'the JSON map', () => mapLayout(detected.json, options, 'The JSON map'));
		case 'keras-tokenizer-json':
			return kerasLayout(detected.json, options, pairs);
		case 'hf-tokenizer-json':
			return huggingFaceLayout(detected.json, options, text, pairs);
	}
}

function conventionBase(options: LoadVocabularyOptions, fallback: ConventionId): number {
	if (options.base !== undefined) {
		if (!Number.isSafeInteger(options.base) || options.base < 0) {
			throw new VocabularyFileError('bad-index', `The base must be a non-negative integer, not ${options.base}.`);
		}
		return options.base;
	}
	return conventions[options.convention ?? fallback].base;
}

function textLayout(text: string, options: LoadVocabularyOptions): Layout {
	// Splitting on a plain '\n' is several times faster than the regex; most files have no '\r'.
	const lines = text.includes('\r') ? text.split(/\r\n|\n|\r/) : text.split('\n');
	// A final line break (or several) ends the file; it does not add empty tokens.
	let count = lines.length;
	while (count > 0 && lines[count - 1] === '') {
		count--;
	}
	lines.length = count;
	for (let i = 0; i < count; i++) {
		if (lines[i] === '' && i > 0) {
			throw new VocabularyFileError('empty-token', `Line ${i + 1} is empty: a text vocabulary has one token per line (only line 1 may be empty, for Keras's '' padding entry).`, {
				line: i + 1,
			});
		}
	}
	const convention = options.convention ?? 'course';
	const base = conventionBase(options, convention);
	return {
		entries: lines,
		base,
		convention,
		kind: subwordShare(lines) ? 'subword' : 'word',
		where: (p) => ({ line: p + 1, label: `on line ${p + 1} (index ${base + p})` }),
	};
}

function listLayout(json: unknown, options: LoadVocabularyOptions): Layout {
	if (!Array.isArray(json)) {
		throw new VocabularyFileError('structure', 'A JSON token list must be an array of strings.');
	}
	for (let i = 0; i < json.length; i++) {
		if (typeof json[i] !== 'string') {
			throw new VocabularyFileError('structure', `Item ${i} of the JSON list is ${quoteValue(json[i])}, not a token string.`, { key: String(i) });
		}
	}
	if (json.length === 0) {
		throw new VocabularyFileError('empty', 'The JSON token list is empty.');
	}
	const entries = json as string[];
	const convention = options.convention ?? 'torchtext';
	const base = conventionBase(options, convention);
	return {
		entries,
		base,
		convention,
		kind: subwordShare(entries) ? 'subword' : 'word',
		where: (p) => ({ key: String(p), label: `at item ${p} (index ${base + p})` }),
	};
}

/**
 * A token→index object into entries by position. Indices must be non-negative integers, each used
 * once, with no gaps; the smallest is the base. Keras's reserved 0 is filled in by the caller.
 */
function mapLayout(json: unknown, options: LoadVocabularyOptions, what: string, reserveZero?: string): Layout {
	if (!isObject(json)) {
		throw new VocabularyFileError('structure', `${what} must be an object of token → index.`);
	}
	const keys = Object.keys(json);
	return pairsLayout(
		keys,
		keys.map((k) => json[k]),
		options,
		what,
		reserveZero,
	);
}

/** Where the indices of scanned pairs start when they run on by one, else undefined. */
function runFrom(pairs: ScannedPairs): number | undefined {
	return pairs.sequential ? pairs.first : undefined;
}

/**
 * Token → index pairs into entries by position; takes over `keys`. With `runFrom`, keys[k] has
 * index runFrom + k and `values` is not read: the keys are the entries already.
 */
function pairsLayout(keys: string[], values: readonly unknown[], options: LoadVocabularyOptions, what: string, reserveZero?: string, runFrom?: number): Layout {
	if (runFrom !== undefined) {
		if (keys.length > 0 && runFrom >= 0 && runFrom + keys.length - 1 <= 0x7ffffffe) {
			const reserved = reserveZero !== undefined && runFrom === 1;
			if (!reserved || !keys.includes(reserveZero)) {
				if (reserved) {
					keys.unshift(reserveZero);
				}
				return positionsLayout(keys, reserved ? 0 : runFrom, options);
			}
		}
		values = keys.map((_, k) => runFrom + k);
	}
	// One pass, placing each key at its index: 1,000,000-key files are the common large case.
	const byIndex: string[] = [];
	let count = 0;
	let min = Infinity;
	let max = -1;
	for (let k = 0; k < keys.length; k++) {
		const key = keys[k];
		const value = values[k];
		if (typeof value !== 'number' || !Number.isInteger(value)) {
			throw new VocabularyFileError('bad-index', `Key ${JSON.stringify(key)} has index ${quoteValue(value)}, which is not an integer.`, { key });
		}
		if (value < 0) {
			throw new VocabularyFileError('bad-index', `Key ${JSON.stringify(key)} has the negative index ${value}.`, { key });
		}
		if (value > 0x7ffffffe) {
			throw new VocabularyFileError('bad-index', `Key ${JSON.stringify(key)} has the index ${value}, beyond what a vocabulary can hold.`, { key });
		}
		const previous = byIndex[value];
		if (previous !== undefined) {
			throw new VocabularyFileError('duplicate-index', `Index ${value} is used twice: by ${JSON.stringify(previous)} and by ${JSON.stringify(key)}.`, { key });
		}
		byIndex[value] = key;
		count++;
		if (value < min) {
			min = value;
		}
		if (value > max) {
			max = value;
		}
	}
	if (count === 0) {
		throw new VocabularyFileError('empty', `${what} has no entries.`);
	}
	// Keras numbers words from 1 and keeps 0 for padding, outside word_index; |V| counts it.
	const reserved = reserveZero !== undefined && min === 1;
	const base = reserved ? 0 : min;
	if (reserved) {
		const at = keys.indexOf(reserveZero);
		if (at >= 0) {
			throw new VocabularyFileError('duplicate-token', `Index 0 is reserved for padding, but the token ${JSON.stringify(reserveZero)} has index ${values[at] as number}.`, {
				key: reserveZero,
			});
		}
		byIndex[0] = reserveZero;
	}
	if (max - min + 1 !== count) {
		for (let index = min; index <= max; index++) {
			if (byIndex[index] === undefined) {
				let next = index + 1;
				while (byIndex[next] === undefined) {
					next++;
				}
				throw new VocabularyFileError(
					'gap',
					`No token has index ${index}: indices must run from ${min} to ${max} without gaps, and the next token, ${JSON.stringify(byIndex[next])}, has index ${next}.`,
					{ key: byIndex[next] },
				);
			}
		}
	}
	return positionsLayout(base === 0 ? byIndex : byIndex.slice(base), base, options);
}

function positionsLayout(entries: string[], base: number, options: LoadVocabularyOptions): Layout {
	const convention = options.convention ?? (base === 0 ? 'huggingface' : 'course');
	return {
		entries,
		base,
		convention,
		kind: subwordShare(entries) ? 'subword' : 'word',
		where: (p) => ({ key: entries[p], label: `at index ${base + p}` }),
	};
}

/**
 * Runs `read` and then checks the raw text of the object read (`text`, or the part `span` of it)
 * for a key JSON.parse merged away: `parsed` is the parsed object. When `read` fails on a gap or a
 * shared index, a merged duplicate is usually the real cause, so that is reported instead.
 */
function withDuplicateKeyCheck(text: string, parsed: unknown, what: string, read: () => Layout, span?: () => [number, number] | undefined): Layout {
	const duplicate = (): VocabularyFileError | undefined => {
		if (!isObject(parsed)) {
			return undefined;
		}
		const at = span ? span() : [0, text.length];
		const key = at && duplicateTopLevelKey(text.slice(at[0], at[1]), Object.keys(parsed).length);
		return key === undefined ? undefined : new VocabularyFileError('duplicate-token', `Duplicate token ${JSON.stringify(key)} in ${what}: the key appears more than once.`, { key });
	};
	let layout: Layout;
	try {
		layout = read();
	} catch (error) {
		if (error instanceof VocabularyFileError && (error.problem === 'gap' || error.problem === 'duplicate-index')) {
			throw duplicate() ?? error;
		}
		throw error;
	}
	const found = duplicate();
	if (found) {
		throw found;
	}
	return layout;
}

/** Reads a JSON value that Keras stores as a JSON string inside its config. */
function embeddedJson(value: unknown, field: string): unknown {
	if (typeof value === 'string') {
		return parseJson(value, `config.${field}`);
	}
	return value;
}

/** A Keras Tokenizer's JSON; `pairs` is config.word_index when the scanners read it (then `json` holds a stand-in there). */
function kerasLayout(json: unknown, options: LoadVocabularyOptions, pairs?: ScannedPairs): Layout {
	const config = isObject(json) && isObject(json.config) ? json.config : undefined;
	if (!config || !('word_index' in config)) {
		throw new VocabularyFileError('structure', 'This is not the JSON of a Keras Tokenizer: config.word_index is missing.', { key: 'config.word_index' });
	}
	const oov = config.oov_token;
	// Keras reserves index 0 (padding) and numbers words from 1; |V| counts that reserved entry,
	// spelled as the chosen convention's padding token ('' for TextVectorization, <PAD> otherwise).
	const padToken = (options.convention && conventions[options.convention].padToken) ?? (conventions['keras-tokenizer'].padToken as string);
	const kerasOptions = { ...options, convention: options.convention ?? 'keras-tokenizer' };
	let layout: Layout;
	if (pairs) {
		layout = pairsLayout(pairs.keys, pairs.values, kerasOptions, 'config.word_index', padToken, runFrom(pairs));
	} else {
		const wordIndex = embeddedJson(config.word_index, 'word_index');
		const read = () => mapLayout(wordIndex, kerasOptions, 'config.word_index', padToken);
		layout = typeof config.word_index === 'string' ? withDuplicateKeyCheck(config.word_index, wordIndex, 'config.word_index', read) : read();
	}
	// texts_to_sequences only uses indices below num_words; the rest behave as out of vocabulary.
	const numWords = config.num_words;
	if (typeof numWords === 'number' && Number.isInteger(numWords) && numWords > 0 && layout.base === 0 && numWords < layout.entries.length) {
		// A repeated key cut off here would go unseen; the parsed reading reports it, so hand over to it.
		if (pairs && new Set(layout.entries).size !== layout.entries.length) {
			throw new VocabularyFileError('duplicate-token', 'config.word_index has a repeated key.');
		}
		layout.entries.length = numWords;
	}
	layout.fileUnk = typeof oov === 'string' ? oov : null;
	if (layout.base === 0 && layout.entries[0] === padToken) {
		layout.padPosition = 0;
	}
	return layout;
}

/** A tokenizer.json; `pairs` is model.vocab when the scanners read it (then `json` holds a stand-in there). */
function huggingFaceLayout(json: unknown, options: LoadVocabularyOptions, text: string, pairs?: ScannedPairs): Layout {
	const model = isObject(json) && isObject(json.model) ? json.model : undefined;
	if (!model) {
		throw new VocabularyFileError('structure', 'This is not a Hugging Face tokenizer.json: "model" is missing.', { key: 'model' });
	}
	const type = typeof model.type === 'string' ? model.type : undefined;
	let vocab: unknown = model.vocab;
	let fileUnk: string | null = typeof model.unk_token === 'string' ? model.unk_token : null;
	if (type === 'Unigram') {
		// Unigram keeps [token, score] pairs in id order and names the unknown by id.
		if (!Array.isArray(model.vocab)) {
			throw new VocabularyFileError('structure', 'model.vocab of a Unigram tokenizer must be a list of [token, score] pairs.', { key: 'model.vocab' });
		}
		const map: Record<string, number> = Object.create(null) as Record<string, number>;
		model.vocab.forEach((pair: unknown, i: number) => {
			if (!Array.isArray(pair) || typeof pair[0] !== 'string') {
				throw new VocabularyFileError('structure', `model.vocab item ${i} is not a [token, score] pair.`, { key: `model.vocab[${i}]` });
			}
			if (Object.prototype.hasOwnProperty.call(map, pair[0])) {
				throw new VocabularyFileError('duplicate-token', `Duplicate token ${JSON.stringify(pair[0])} at ids ${map[pair[0]]} and ${i}.`, { key: pair[0] });
			}
			map[pair[0]] = i;
		});
		vocab = map;
		fileUnk = typeof model.unk_id === 'number' ? (model.vocab[model.unk_id] as [string])[0] : null;
	} else if (type !== undefined && type !== 'WordLevel' && type !== 'WordPiece' && type !== 'BPE') {
		throw new VocabularyFileError('unsupported', `Unsupported tokenizer model type "${type}" (WordLevel, WordPiece, BPE and Unigram are supported).`, { key: 'model.type' });
	}
	let keys: string[];
	let values: unknown[];
	let from: number | undefined;
	if (pairs) {
		({ keys, values } = pairs);
		from = runFrom(pairs);
	} else {
		if (!isObject(vocab)) {
			throw new VocabularyFileError('structure', 'model.vocab must be an object of token → id.', { key: 'model.vocab' });
		}
		const object = vocab;
		keys = Object.keys(object);
		values = keys.map((k) => object[k]);
	}
	// Added tokens live outside model.vocab in some files; their ids extend the vocabulary.
	const added = (json as Record<string, unknown>).added_tokens;
	if (Array.isArray(added) && added.length > 0) {
		if (from !== undefined) {
			const start = from;
			values = keys.map((_, k) => start + k);
		}
		const wanted = new Map<number, string>();
		for (const token of added) {
			if (isObject(token) && typeof token.content === 'string' && typeof token.id === 'number') {
				wanted.set(token.id, token.content);
			}
		}
		// One pass over the ids finds the added tokens model.vocab already holds.
		for (let k = 0; k < keys.length && wanted.size > 0; k++) {
			const content = wanted.get(values[k] as number);
			if (content === keys[k]) {
				wanted.delete(values[k] as number);
			}
		}
		for (const [id, content] of wanted) {
			const at = keys.indexOf(content);
			if (at >= 0) {
				throw new VocabularyFileError('duplicate-token', `Added token ${JSON.stringify(content)} has id ${id} but model.vocab gives it ${quoteValue(values[at])}.`, { key: content });
			}
			if (from !== undefined && id !== from + keys.length) {
				from = undefined;
			}
			keys.push(content);
			values.push(id);
		}
	}
	const read = () => pairsLayout(keys, values, { ...options, convention: options.convention ?? 'huggingface' }, 'model.vocab', undefined, from);
	// A Unigram list has been checked for repeats already; a parsed object may have lost some.
	const layout = pairs || type === 'Unigram' ? read() : withDuplicateKeyCheck(text, vocab, 'model.vocab', read, () => valueSpan(text, ['model', 'vocab']));
	layout.fileUnk = fileUnk;
	// Only WordLevel looks whole words up; the others split words into pieces first.
	layout.kind = type === 'WordLevel' ? 'word' : 'subword';
	return layout;
}

/** WordPiece continuations (`##ing`) and byte-level BPE word starts (`Ġthe`) mark a subword list. */
function subwordShare(entries: readonly string[]): boolean {
	let marked = 0;
	for (let i = 0; i < entries.length; i++) {
		const e = entries[i];
		if ((e.length > 2 && e.charCodeAt(0) === 0x23 && e.charCodeAt(1) === 0x23) || (e.length > 1 && e.charCodeAt(0) === 0x120)) {
			marked++;
		}
	}
	return marked >= 10 && marked * 100 >= entries.length;
}

function finish(layout: Layout, options: LoadVocabularyOptions): Vocabulary {
	const { entries, base } = layout;
	const convention = conventions[options.convention ?? layout.convention];
	const find = (token: string): number => entries.indexOf(token);
	let unkPosition = -1;
	let unkToken: string | undefined;
	if (options.unkToken !== undefined) {
		unkToken = options.unkToken;
		unkPosition = find(unkToken);
	} else if (layout.fileUnk !== undefined && layout.fileUnk !== null) {
		unkToken = layout.fileUnk;
		unkPosition = find(unkToken);
	} else if (layout.fileUnk === undefined) {
		// The file names no unknown token: try the convention's, then the usual spellings.
		for (const candidate of [convention.unkToken, ...unkCandidates]) {
			unkPosition = find(candidate);
			if (unkPosition >= 0) {
				unkToken = candidate;
				break;
			}
		}
	}
	unkToken ??= convention.unkToken;
	if (unkPosition < 0) {
		if (!options.addMissingUnk) {
			const looked =
				options.unkToken === undefined && layout.fileUnk === null
					? 'the file declares none (its unk_token / oov_token is null)'
					: `looked for ${JSON.stringify(unkToken)}${layout.fileUnk === undefined && options.unkToken === undefined ? ' and the usual spellings' : ''}`;
			throw new VocabularyFileError(
				'missing-unk',
				`The vocabulary has no unknown token (${looked}). Load it with addMissingUnk: true to add ${JSON.stringify(unkToken)} after the last entry (index ${base + entries.length}), or name the unknown token with unkToken.`,
			);
		}
		entries.push(unkToken);
		unkPosition = entries.length - 1;
	}
	let padPosition = layout.padPosition ?? -1;
	if (padPosition < 0 && convention.padToken !== null) {
		for (const candidate of [convention.padToken, ...padCandidates]) {
			padPosition = find(candidate);
			if (padPosition >= 0) {
				break;
			}
		}
	}
	const name = options.name ?? `${entries.length.toLocaleString('en-US')}-entry vocabulary`;
	try {
		return new Vocabulary({
			name,
			entries,
			base,
			unkIndex: base + unkPosition,
			padIndex: padPosition < 0 ? null : base + padPosition,
			convention: convention.id,
			kind: layout.kind,
		});
	} catch (error) {
		throw locateDuplicate(layout) ?? error;
	}
}

/** Names where a duplicate token sits in the file (only on the error path: it builds its own map). */
function locateDuplicate(layout: Layout): VocabularyFileError | undefined {
	const seen = new Map<string, number>();
	for (let p = 0; p < layout.entries.length; p++) {
		const entry = layout.entries[p];
		const first = seen.get(entry);
		if (first !== undefined) {
			const here = layout.where(p);
			return new VocabularyFileError(
				'duplicate-token',
				`Duplicate token ${JSON.stringify(entry)} ${here.label}; it is already ${layout.where(first).label}.`,
				here,
			);
		}
		seen.set(entry, p);
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------------
// Saving

/** Keras's default `filters`, written so `tokenizer_from_json` gets a complete config. */
const kerasDefaultFilters = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n';

/**
 * Writes a vocabulary in a file format. Indices are written as they are (a course vocabulary
 * stays 1-based); plain lists (text, JSON list) carry positions only, so load them back with the
 * same `base`/`convention`.
 */
export function saveVocabulary(vocabulary: Vocabulary, format: VocabularyFormat): string {
	const { entries, base } = vocabulary;
	switch (format) {
		case 'text': {
			for (let p = 0; p < entries.length; p++) {
				if (/[\r\n]/.test(entries[p])) {
					throw new VocabularyFileError('unsupported', `Token ${JSON.stringify(entries[p])} (index ${base + p}) contains a line break; use a JSON format.`);
				}
				if (entries[p] === '' && p > 0) {
					throw new VocabularyFileError('unsupported', `The empty token at index ${base + p} can only be written on line 1 of a text file; use a JSON format.`);
				}
			}
			return entries.join('\n') + '\n';
		}
		case 'json-list':
			return '[\n' + entries.map((e) => '\t' + JSON.stringify(e)).join(',\n') + '\n]\n';
		case 'json-map':
			return jsonMap(entries, base, '\t') + '\n';
		case 'keras-tokenizer-json':
			return kerasJson(vocabulary);
		case 'hf-tokenizer-json':
			return huggingFaceJson(vocabulary);
		default:
			throw new VocabularyFileError('unsupported', `Unknown vocabulary format "${String(format)}".`);
	}
}

/** Written by hand: JSON.stringify would move integer-like keys ("0", "221") to the front. */
function jsonMap(entries: readonly string[], base: number, indent: string, skip = -1): string {
	const parts: string[] = [];
	for (let p = 0; p < entries.length; p++) {
		if (p !== skip) {
			parts.push(`${indent}${JSON.stringify(entries[p])}: ${base + p}`);
		}
	}
	return indent ? `{\n${parts.join(',\n')}\n}` : `{${parts.join(', ')}}`;
}

function kerasJson(vocabulary: Vocabulary): string {
	const { entries, base, padIndex, unkToken } = vocabulary;
	// Keras numbers words from 1 and keeps 0 out of word_index; a 0-based vocabulary must have its padding there.
	let skip = -1;
	if (base === 0) {
		if (padIndex !== 0) {
			throw new VocabularyFileError('unsupported', `Keras reserves index 0 for padding, but index 0 of this vocabulary is ${JSON.stringify(entries[0])}, not a padding entry.`);
		}
		skip = 0;
	} else if (base !== 1) {
		throw new VocabularyFileError('unsupported', `Keras numbers words from 1; this vocabulary starts at ${base}.`);
	}
	const wordIndex = jsonMap(entries, base, '', skip);
	const indexWord = '{' + entries.flatMap((e, p) => (p === skip ? [] : [`${JSON.stringify(String(base + p))}: ${JSON.stringify(e)}`])).join(', ') + '}';
	const config = {
		num_words: null,
		filters: kerasDefaultFilters,
		lower: true,
		split: ' ',
		char_level: false,
		oov_token: unkToken,
		document_count: 0,
		word_counts: '{}',
		word_docs: '{}',
		index_docs: '{}',
		index_word: indexWord,
		word_index: wordIndex,
	};
	return JSON.stringify({ class_name: 'Tokenizer', config }) + '\n';
}

function huggingFaceJson(vocabulary: Vocabulary): string {
	const { entries, base, padIndex, unkIndex, unkToken } = vocabulary;
	const specials = [...new Set([padIndex, unkIndex].filter((i): i is number => i !== null))].sort((a, b) => a - b);
	const addedTokens = specials.map((id) => ({
		id,
		content: entries[id - base],
		single_word: false,
		lstrip: false,
		rstrip: false,
		normalized: false,
		special: true,
	}));
	const head = {
		version: '1.0',
		truncation: null,
		padding: null,
		added_tokens: addedTokens,
		normalizer: { type: 'Lowercase' },
		pre_tokenizer: { type: 'Whitespace' },
		post_processor: null,
		decoder: null,
	};
	const headText = JSON.stringify(head, null, '\t');
	const model = `{\n\t\t"type": "WordLevel",\n\t\t"vocab": ${jsonMap(entries, base, '\t\t\t').replace(/\n}$/, '\n\t\t}')},\n\t\t"unk_token": ${JSON.stringify(unkToken)}\n\t}`;
	return `${headText.slice(0, -2)},\n\t"model": ${model}\n}\n`;
}
