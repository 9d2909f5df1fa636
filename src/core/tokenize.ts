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

const wordChar = '\\p{L}\\p{M}\\p{N}';
// A symbol with the marks, variation selectors and zero-width joins that belong to it, so an
// emoji ZWJ sequence or a flag stays one punctuation token instead of being cut apart.
const symbolCluster = `[^\\s${wordChar}](?:[\\p{M}\\u200d\\ufe0e\\ufe0f]|\\u200d[^\\s])*`;

function wordPattern(options: TokenizeOptions): string {
	const joiners = [
		options.keepApostrophes === false ? '' : "'\\u2019",
		options.keepHyphens === false ? '' : '\\-\\u2010\\u2011',
	].join('');
	const base = `[${wordChar}]+`;
	return joiners ? `${base}(?:[${joiners}][${wordChar}]+)*` : base;
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
			if (!options.pattern) {
				throw new TokenizerError('The regex tokenizer needs a pattern.');
			}
			return compile(options.pattern);
		case 'segmenter':
			throw new Error('unreachable');
		default:
			throw new TokenizerError(`Unknown tokenizer "${String(options.tokenizer)}".`);
	}
}

class SpanBuilder {
	count = 0;
	starts = new Int32Array(64);
	ends = new Int32Array(64);
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
		return { count: this.count, starts: this.starts.subarray(0, this.count), ends: this.ends.subarray(0, this.count) };
	}
}

function segmenterSpans(text: string, options: TokenizeOptions): TokenSpans {
	if (typeof Intl === 'undefined' || typeof (Intl as { Segmenter?: unknown }).Segmenter !== 'function') {
		throw new TokenizerError('Intl.Segmenter is not available in this JavaScript runtime.');
	}
	const out = new SpanBuilder();
	const segmenter = new Intl.Segmenter(options.locale, { granularity: 'word' });
	for (const segment of segmenter.segment(text)) {
		if (segment.isWordLike) {
			out.push(segment.index, segment.index + segment.segment.length);
		}
	}
	return out.finish();
}

/** Token boundaries of `text`; the allocation-light form used by `analyze`. */
export function tokenSpans(text: string, options: TokenizeOptions = {}): TokenSpans {
	if ((options.tokenizer ?? 'words') === 'segmenter') {
		return segmenterSpans(text, options);
	}
	const re = regexFor(options);
	const out = new SpanBuilder();
	re.lastIndex = 0;
	let match: RegExpExecArray | null;
	while ((match = re.exec(text)) !== null) {
		const length = match[0].length;
		if (length === 0) {
			// A pattern that can match the empty string would loop forever; step past one code point.
			const code = text.charCodeAt(match.index);
			re.lastIndex = match.index + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
			continue;
		}
		out.push(match.index, match.index + length);
	}
	return out.finish();
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
