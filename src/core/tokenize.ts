/**
 * Tokenizers. Every token carries `start`/`end` offsets in UTF-16 code units into the source,
 * so `source.slice(start, end) === text`; tokens are in order and never overlap.
 */

export type TokenizerKind = 'words' | 'words+punctuation' | 'whitespace' | 'regex' | 'segmenter';

export const tokenizerKinds: readonly TokenizerKind[] = [
	'words',
	'words+punctuation',
	'whitespace',
	'regex',
	'segmenter',
];

export interface TokenizeOptions {
	/** Which tokenizer; `words` by default. */
	tokenizer?: TokenizerKind;
	/** `words`: keep an apostrophe between two word characters inside the token (`don't`). Default true. */
	keepApostrophes?: boolean;
	/** `words`: keep a hyphen between two word characters inside the token (`well-known`). Default true. */
	keepHyphens?: boolean;
	/** `regex`: the pattern whose matches are the tokens (flags `gu` are always used). */
	pattern?: string;
	/** `segmenter`: the BCP 47 locale handed to `Intl.Segmenter`. */
	locale?: string;
}

export interface Token {
	text: string;
	/** Offset of the first UTF-16 code unit. */
	start: number;
	/** Offset one past the last UTF-16 code unit. */
	end: number;
}

/** Token boundaries without the token strings: what the hot paths use. */
export interface TokenSpans {
	readonly count: number;
	readonly starts: Int32Array;
	readonly ends: Int32Array;
}

export class TokenizerError extends Error {
	override readonly name = 'TokenizerError';
}

// A word starts with a letter or a number; combining marks continue it but never start one (a
// variation selector after an emoji is not a word).
const wordStart = '\\p{L}\\p{N}';
const wordChar = '\\p{L}\\p{M}\\p{N}';
// A symbol with what belongs to it: combining marks, variation selectors, emoji skin-tone
// modifiers, tag characters and zero-width joins to the next symbol, and regional-indicator
// pairs, so an emoji ZWJ sequence or a flag stays one punctuation token instead of being cut apart.
const symbolExtender = '[\\p{M}\\ufe0e\\ufe0f\\p{Emoji_Modifier}\\u{e0020}-\\u{e007f}]|\\u200d[^\\s]';
const symbolCluster = `(?:\\p{Regional_Indicator}{2}|[^\\s${wordStart}])(?:${symbolExtender})*`;

const apostrophes = "'\\u2019";
const hyphens = '\\-\\u2010\\u2011';

/**
 * The regular expression that defines the `words` tokenizer. The scanner below is an exact,
 * faster implementation of it; the regex stays the specification (and the property tests
 * compare the two).
 */
export function wordPattern(options: Pick<TokenizeOptions, 'keepApostrophes' | 'keepHyphens'> = {}): string {
	const joiners = (options.keepApostrophes === false ? '' : apostrophes) + (options.keepHyphens === false ? '' : hyphens);
	const base = `[${wordStart}][${wordChar}]*`;
	return joiners ? `${base}(?:[${joiners}]${base})*` : base;
}

function compile(pattern: string): RegExp {
	try {
		return new RegExp(pattern, 'gu');
	} catch (error) {
		throw new TokenizerError(`Invalid tokenizer pattern /${pattern}/: ${(error as Error).message}`);
	}
}

const compiled = new Map<string, RegExp>();
function cachedRegex(pattern: string): RegExp {
	let re = compiled.get(pattern);
	if (!re) {
		re = compile(pattern);
		compiled.set(pattern, re);
	}
	return re;
}

function regexFor(options: TokenizeOptions): RegExp {
	switch (options.tokenizer ?? 'words') {
		case 'words':
			return cachedRegex(wordPattern(options));
		case 'words+punctuation':
			return cachedRegex(`${wordPattern(options)}|${symbolCluster}`);
		case 'whitespace':
			return cachedRegex('\\S+');
		case 'regex':
			if (options.pattern === undefined || options.pattern === '') {
				throw new TokenizerError('The regex tokenizer needs a pattern; none was given.');
			}
			return compile(options.pattern);
		case 'segmenter':
			throw new Error('unreachable');
		default:
			throw new TokenizerError(`Unknown tokenizer "${String(options.tokenizer)}".`);
	}
}

// ---- The `words` scanner ----------------------------------------------------------------------
//
// Character classes of the scanner. ASCII is a table lookup; the rest of the BMP is classified
// once per 256-code-point block with the same \p{…} test the regex uses, the first time a block
// is seen; astral code points are tested in place with a sticky regex (no substring is built).
const classOther = 0;
export const classWord = 1;
export const classApostrophe = 2;
export const classHyphen = 3;
const classMark = 4;

export const bmpClass = new Uint8Array(0x10000);
const bmpBlockReady = new Uint8Array(0x100);
const startTest = new RegExp(`[${wordStart}]`, 'u');
const markTest = /\p{M}/u;
const astralStartTest = new RegExp(`[${wordStart}]`, 'uy');
const astralMarkTest = /\p{M}/uy;

function fillBlock(block: number): void {
	const first = block << 8;
	for (let c = first; c < first + 0x100; c++) {
		// Lone surrogates are never word characters; the scanner pairs them up itself.
		if (c >= 0xd800 && c <= 0xdfff) {
			continue;
		}
		const char = String.fromCharCode(c);
		if (startTest.test(char)) {
			bmpClass[c] = classWord;
		} else if (markTest.test(char)) {
			bmpClass[c] = classMark;
		}
	}
	bmpBlockReady[block] = 1;
}

function initClasses(): void {
	// The joiners live in blocks 0x00 and 0x20; classify those blocks first, then mark them.
	fillBlock(0);
	fillBlock(0x20);
	bmpClass[0x27] = classApostrophe;
	bmpClass[0x2019] = classApostrophe;
	bmpClass[0x2d] = classHyphen;
	bmpClass[0x2010] = classHyphen;
	bmpClass[0x2011] = classHyphen;
}
initClasses();

/**
 * Length in UTF-16 units of the code point at `i` when it is a letter or number (or, with
 * `marks`, a combining mark), else 0.
 */
export function wordCharLength(text: string, i: number, code: number, marks: boolean): number {
	if (code < 0x80) {
		return bmpClass[code] === classWord ? 1 : 0;
	}
	if (code >= 0xd800 && code <= 0xdbff) {
		const next = text.charCodeAt(i + 1);
		if (next >= 0xdc00 && next <= 0xdfff) {
			astralStartTest.lastIndex = i;
			if (astralStartTest.test(text)) {
				return 2;
			}
			astralMarkTest.lastIndex = i;
			return marks && astralMarkTest.test(text) ? 2 : 0;
		}
		return 0;
	}
	if (bmpBlockReady[code >> 8] === 0) {
		fillBlock(code >> 8);
	}
	const cls = bmpClass[code];
	return cls === classWord || (marks && cls === classMark) ? 1 : 0;
}

/**
 * Appends the tokens of the `words` tokenizer to `out`: the same boundaries as `wordPattern`
 * with flags `gu` (leftmost, greedy: a letter or number and the letters, marks and numbers
 * after it, then any number of joiner + such a run),
 * without a regex, substrings or objects per token.
 */
export function scanWords(text: string, keepApostrophes: boolean, keepHyphens: boolean, out: SpanSink): void {
	const n = text.length;
	let i = 0;
	while (i < n) {
		// Find the first word character.
		let code = text.charCodeAt(i);
		let width: number;
		if (code < 0x80) {
			if (bmpClass[code] !== classWord) {
				i++;
				continue;
			}
			width = 1;
		} else {
			width = wordCharLength(text, i, code, false);
			if (width === 0) {
				// Step over a whole surrogate pair so a match never starts inside one.
				i += code >= 0xd800 && code <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
				continue;
			}
		}
		const start = i;
		i += width;
		for (;;) {
			// The rest of the run.
			while (i < n) {
				code = text.charCodeAt(i);
				if (code < 0x80) {
					if (bmpClass[code] !== classWord) {
						break;
					}
					i++;
				} else {
					width = wordCharLength(text, i, code, true);
					if (width === 0) {
						break;
					}
					i += width;
				}
			}
			// A joiner continues the token only when a letter or number follows it.
			if (i + 1 >= n) {
				break;
			}
			const cls = code < 0x80 || (code >= 0x2010 && code <= 0x2019) ? bmpClass[code] : classOther;
			if (!((cls === classApostrophe && keepApostrophes) || (cls === classHyphen && keepHyphens))) {
				break;
			}
			const after = text.charCodeAt(i + 1);
			width = after < 0x80 ? (bmpClass[after] === classWord ? 1 : 0) : wordCharLength(text, i + 1, after, false);
			if (width === 0) {
				break;
			}
			// The run loop takes the letter or number after the joiner.
			i += 1;
		}
		out.push(start, i);
	}
}

/** Where a scanner writes token boundaries. */
export interface SpanSink {
	push(start: number, end: number): void;
}

/**
 * Token capacity to allocate for a text of `length` units. English has about one token per
 * five or six characters, so a third of the length rarely needs to grow (growing copies, and
 * fresh pages cost more than the scan); pages never written are never committed.
 */
export function initialCapacity(length: number): number {
	return Math.floor(length / 3) + 16;
}

/**
 * Whether to copy `count` tokens out of buffers of `capacity` rather than keep views on them.
 * A copy costs fresh pages and time, while the unwritten tail of a buffer is never committed,
 * so only a buffer mostly unused (text of long tokens, such as code or base64) is trimmed.
 */
export function shouldTrim(count: number, capacity: number): boolean {
	return capacity > 4096 && count * 4 < capacity;
}

/** Growable pair of offset arrays; `finish` hands out views without copying. */
export class SpanBuilder implements SpanSink {
	count = 0;
	starts: Int32Array;
	ends: Int32Array;
	constructor(capacity = 64) {
		this.starts = new Int32Array(Math.max(capacity, 16));
		this.ends = new Int32Array(Math.max(capacity, 16));
	}
	push(start: number, end: number): void {
		if (this.count === this.starts.length) {
			const grow = (a: Int32Array) => {
				const b = new Int32Array(a.length * 2);
				b.set(a);
				return b;
			};
			this.starts = grow(this.starts);
			this.ends = grow(this.ends);
		}
		this.starts[this.count] = start;
		this.ends[this.count] = end;
		this.count++;
	}
	finish(): TokenSpans {
		const count = this.count;
		const trim = shouldTrim(count, this.starts.length);
		return {
			count,
			starts: trim ? this.starts.slice(0, count) : this.starts.subarray(0, count),
			ends: trim ? this.ends.slice(0, count) : this.ends.subarray(0, count),
		};
	}
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterSpans(text: string, options: TokenizeOptions): TokenSpans {
	if (typeof Intl === 'undefined' || typeof (Intl as { Segmenter?: unknown }).Segmenter !== 'function') {
		throw new TokenizerError('Intl.Segmenter is not available in this JavaScript runtime.');
	}
	const key = options.locale ?? '';
	let segmenter = segmenters.get(key);
	if (!segmenter) {
		try {
			segmenter = new Intl.Segmenter(options.locale, { granularity: 'word' });
		} catch (error) {
			throw new TokenizerError(`Invalid segmenter locale "${key}": ${(error as Error).message}`);
		}
		segmenters.set(key, segmenter);
	}
	const out = new SpanBuilder();
	for (const segment of segmenter.segment(text)) {
		if (segment.isWordLike) {
			out.push(segment.index, segment.index + segment.segment.length);
		}
	}
	return out.finish();
}

/**
 * Token boundaries from the tokenizer's regular expression. This is the definition of every
 * tokenizer but `segmenter`; `tokenSpans` uses it for all of them except `words`, whose scanner
 * gives the same boundaries faster.
 */
export function regexSpans(text: string, options: TokenizeOptions = {}): TokenSpans {
	const re = regexFor(options);
	const out = new SpanBuilder();
	re.lastIndex = 0;
	let match: RegExpExecArray | null;
	while ((match = re.exec(text)) !== null) {
		const length = match[0].length;
		if (length === 0) {
			// A pattern that can match the empty string would loop forever; step past one code point.
			const code = text.charCodeAt(match.index);
			const next = text.charCodeAt(match.index + 1);
			re.lastIndex = match.index + ((code & 0xfc00) === 0xd800 && (next & 0xfc00) === 0xdc00 ? 2 : 1);
			continue;
		}
		out.push(match.index, match.index + length);
	}
	return out.finish();
}

/** Token boundaries of `text`; the allocation-light form used by `analyze`. */
export function tokenSpans(text: string, options: TokenizeOptions = {}): TokenSpans {
	const kind = options.tokenizer ?? 'words';
	if (kind === 'segmenter') {
		return segmenterSpans(text, options);
	}
	if (kind === 'words') {
		const out = new SpanBuilder(initialCapacity(text.length));
		scanWords(text, options.keepApostrophes !== false, options.keepHyphens !== false, out);
		return out.finish();
	}
	return regexSpans(text, options);
}

/** Splits `text` into tokens with their offsets. */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
	const spans = tokenSpans(text, options);
	const tokens: Token[] = new Array(spans.count);
	for (let i = 0; i < spans.count; i++) {
		const start = spans.starts[i];
		const end = spans.ends[i];
		tokens[i] = { text: text.slice(start, end), start, end };
	}
	return tokens;
}
