/**
 * Scanners for the large parts of JSON vocabulary files: a flat `{"token": index, …}` object
 * (a JSON map, a tokenizer.json's model.vocab, or Keras's word_index, which is such an object
 * written as a JSON string inside the outer JSON) and a `["token", …]` list.
 *
 * JSON.parse would build a million-property object and then be walked; these read the tokens
 * straight into arrays. They accept only a strict subset of JSON and return undefined at the
 * first thing outside it (a float or negative index, a nested value, an escape they do not
 * decode, a syntax error): the caller then takes the JSON.parse path, which is the reference
 * for every result and every error message.
 */

/** Token → index pairs in file order; duplicate keys stay (JSON.parse would merge them). */
export interface ScannedPairs {
	keys: string[];
	/**
	 * True when the indices run on by one from `first` (keys[k] has index first + k), so the keys
	 * are the entries in index order already; `values` is then left empty.
	 */
	sequential: boolean;
	first: number;
	/** The indices in file order, when not `sequential`. */
	values: number[];
	/** Offset just after the object (after the closing quote of an embedded one). */
	end: number;
}

const quote = 0x22;
const backslash = 0x5c;

function isSpace(c: number): boolean {
	return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Reads `{"token": index, …}` from `start` (whitespace before it allowed), where each index is a
 * JSON integer of at most 10 digits. With `embedded`, `start` is the opening quote of a JSON
 * string whose content is that object, as Keras stores word_index: the tokens' quotes are
 * written `\"`, and only plain spaces may separate the object's parts.
 */
export function scanTokenObject(text: string, start: number, embedded = false): ScannedPairs | undefined {
	const skip = embedded ? skipEmbeddedSpace : skipSpace;
	const readKey = embedded ? readEmbeddedKey : readString;
	let i = start;
	if (embedded) {
		if (text.charCodeAt(i) !== quote) {
			return undefined;
		}
		i = skipEmbeddedSpace(text, i + 1);
	} else {
		i = skipSpace(text, i);
	}
	if (text.charCodeAt(i) !== 0x7b) {
		return undefined;
	}
	const keys: string[] = [];
	// Indices are only stored once they stop running on by one (most files are in index order).
	let values: number[] | undefined;
	let first = 0;
	let last = -1;
	i = skip(text, i + 1);
	if (text.charCodeAt(i) !== 0x7d) {
		for (;;) {
			const read = readKey(text, i);
			if (read === undefined) {
				return undefined;
			}
			const key = read.value;
			const after = skip(text, read.end);
			if (text.charCodeAt(after) !== 0x3a) {
				return undefined;
			}
			i = skip(text, after + 1);
			const digits = i;
			let value = 0;
			for (let c = text.charCodeAt(i); c >= 0x30 && c <= 0x39; c = text.charCodeAt(++i)) {
				value = value * 10 + (c - 0x30);
			}
			const length = i - digits;
			const next = text.charCodeAt(i);
			// Floats, exponents, leading zeros and numbers too long to be exact go to JSON.parse.
			if (length === 0 || length > 10 || (length > 1 && text.charCodeAt(digits) === 0x30) || next === 0x2e || next === 0x65 || next === 0x45) {
				return undefined;
			}
			if (values) {
				values.push(value);
			} else if (keys.length === 0) {
				first = last = value;
			} else if (value === last + 1) {
				last = value;
			} else {
				values = [];
				for (let k = 0; k < keys.length; k++) {
					values.push(first + k);
				}
				values.push(value);
			}
			keys.push(key);
			i = skip(text, i);
			const c = text.charCodeAt(i);
			if (c === 0x7d) {
				break;
			}
			if (c !== 0x2c) {
				return undefined;
			}
			i = skip(text, i + 1);
		}
	}
	i++;
	if (embedded) {
		i = skipEmbeddedSpace(text, i);
		if (text.charCodeAt(i) !== quote) {
			return undefined;
		}
		i++;
	} else {
		i = skipSpace(text, i);
	}
	return { keys, sequential: values === undefined, first, values: values ?? [], end: i };
}

/** Reads a whole text that is a non-empty JSON array of strings. */
export function scanTokenList(text: string): string[] | undefined {
	let i = skipSpace(text, 0);
	if (text.charCodeAt(i) !== 0x5b) {
		return undefined;
	}
	const items: string[] = [];
	i = skipSpace(text, i + 1);
	for (;;) {
		const item = readString(text, i);
		if (item === undefined) {
			return undefined;
		}
		items.push(item.value);
		i = skipSpace(text, item.end);
		const next = text.charCodeAt(i);
		if (next === 0x5d) {
			break;
		}
		if (next !== 0x2c) {
			return undefined;
		}
		i = skipSpace(text, i + 1);
	}
	return skipSpace(text, i + 1) === text.length ? items : undefined;
}

/** A string read from the text: its value and the offset just after its closing quote. */
interface ReadString {
	value: string;
	end: number;
}

/**
 * The JSON string whose opening quote is at `i`, or undefined when there is none or it is not
 * valid. A string without escapes is sliced; one with escapes is decoded by JSON.parse.
 */
function readString(text: string, i: number): ReadString | undefined {
	if (text.charCodeAt(i) !== quote) {
		return undefined;
	}
	const from = i + 1;
	let j = from;
	let c = text.charCodeAt(j);
	while (c !== backslash && c !== quote && c >= 0x20) {
		c = text.charCodeAt(++j);
	}
	if (c === quote) {
		return { value: text.slice(from, j), end: j + 1 };
	}
	const end = escapedStringEnd(text, j);
	const value = end < 0 ? undefined : decodeString(text.slice(i, end + 1));
	return value === undefined ? undefined : { value, end: end + 1 };
}

/**
 * The key of an embedded object (see scanTokenObject) whose `\"` starts at `i`: it runs to the
 * next `\"` that the inner JSON does not escape. `end` is the offset just after that `\"`.
 */
function readEmbeddedKey(text: string, i: number): ReadString | undefined {
	if (text.charCodeAt(i) !== backslash || text.charCodeAt(i + 1) !== quote) {
		return undefined;
	}
	const from = i + 2;
	let j = from;
	let c = text.charCodeAt(j);
	while (c !== backslash && c !== quote && c >= 0x20) {
		c = text.charCodeAt(++j);
	}
	if (c === backslash && text.charCodeAt(j + 1) === quote) {
		return { value: text.slice(from, j), end: j + 2 };
	}
	const end = embeddedKeyEnd(text, j);
	const value = end < 0 ? undefined : decodeEmbeddedKey(text.slice(from, end));
	return value === undefined ? undefined : { value, end: end + 2 };
}

function skipSpace(text: string, i: number): number {
	while (isSpace(text.charCodeAt(i))) {
		i++;
	}
	return i;
}

/** Inside a JSON string only a plain space can stand for whitespace without an escape. */
function skipEmbeddedSpace(text: string, i: number): number {
	while (text.charCodeAt(i) === 0x20) {
		i++;
	}
	return i;
}

/** The closing quote of a string whose first backslash is at `j`, or -1 (a control character, the end). */
function escapedStringEnd(text: string, j: number): number {
	for (let c = text.charCodeAt(j); c !== quote; c = text.charCodeAt(j)) {
		if (!(c >= 0x20)) {
			return -1;
		}
		j += c === backslash ? 2 : 1;
	}
	return j;
}

/** A quoted JSON string decoded by JSON.parse itself, or undefined when it is not valid. */
function decodeString(quoted: string): string | undefined {
	try {
		return JSON.parse(quoted) as string;
	} catch {
		return undefined;
	}
}

/**
 * The offset of the `\"` that ends an embedded key, scanning from `j` (inside the key), or -1.
 * Only `\"` (a quote of the inner JSON) and `\\` (a backslash of the inner JSON) are accepted as
 * escapes of the outer string; an inner backslash escapes the inner character after it.
 */
function embeddedKeyEnd(text: string, j: number): number {
	let innerEscape = false;
	for (;;) {
		const c = text.charCodeAt(j);
		if (c === backslash) {
			const next = text.charCodeAt(j + 1);
			if (next === quote) {
				if (!innerEscape) {
					return j;
				}
			} else if (next !== backslash) {
				return -1;
			}
			innerEscape = next === backslash ? !innerEscape : false;
			j += 2;
		} else if (c >= 0x20 && c !== quote) {
			innerEscape = false;
			j++;
		} else {
			return -1;
		}
	}
}

/** An embedded key's text: the outer string's escapes undone, then the inner string's. */
function decodeEmbeddedKey(raw: string): string | undefined {
	return decodeString(`"${raw.replace(/\\(["\\])/g, '$1')}"`);
}
