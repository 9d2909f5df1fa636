/**
 * Reading raw JSON text where JSON.parse says too little: where a syntax error is, which key of
 * an object appears twice (JSON.parse keeps the last silently), and where a nested value lies.
 */

/** Offset where a JSON text stops being valid (only called once JSON.parse has failed). */
export function jsonErrorOffset(text: string): number {
	let i = 0;
	const ws = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i])) {
			i++;
		}
	};
	const fail = (): never => {
		throw i;
	};
	const literal = (word: string) => {
		if (text.startsWith(word, i)) {
			i += word.length;
		} else {
			fail();
		}
	};
	const string = () => {
		i++;
		while (i < text.length && text[i] !== '"') {
			if (text.charCodeAt(i) < 0x20) {
				fail();
			}
			if (text[i] === '\\') {
				i++;
				if (text[i] === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) {
						fail();
					}
					i += 4;
				} else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) {
					fail();
				}
			}
			i++;
		}
		if (i >= text.length) {
			fail();
		}
		i++;
	};
	const value = (): void => {
		ws();
		const c = text[i];
		if (c === '{' || c === '[') {
			const close = c === '{' ? '}' : ']';
			i++;
			ws();
			if (text[i] === close) {
				i++;
				return;
			}
			for (;;) {
				if (c === '{') {
					ws();
					if (text[i] !== '"') {
						fail();
					}
					string();
					ws();
					if (text[i] !== ':') {
						fail();
					}
					i++;
				}
				value();
				ws();
				if (text[i] === ',') {
					i++;
				} else if (text[i] === close) {
					i++;
					return;
				} else {
					fail();
				}
			}
		} else if (c === '"') {
			string();
		} else if (c === 't') {
			literal('true');
		} else if (c === 'f') {
			literal('false');
		} else if (c === 'n') {
			literal('null');
		} else {
			const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
			if (!m) {
				fail();
			}
			i += (m as RegExpExecArray)[0].length;
		}
	};
	try {
		value();
		ws();
		return i;
	} catch (at) {
		return Math.min(at as number, text.length);
	}
}

/**
 * JSON.parse keeps only the last of two equal keys, so a duplicate token in a JSON map would
 * vanish silently; this scan of the raw text finds the first key of the top-level object that
 * appears twice. It only walks strings and brackets, so it costs a fraction of the parse.
 */
export function duplicateTopLevelKey(text: string, parsedKeyCount: number): string | undefined {
	let depth = 0;
	let keys = 0;
	const n = text.length;
	const starts: number[] = [];
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x22) {
			let j = text.indexOf('"', i + 1);
			while (j > 0 && isEscaped(text, j)) {
				j = text.indexOf('"', j + 1);
			}
			if (j < 0) {
				return undefined;
			}
			if (depth === 1) {
				let k = j + 1;
				while (k < n && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x0a || text.charCodeAt(k) === 0x0d || text.charCodeAt(k) === 0x09)) {
					k++;
				}
				if (text.charCodeAt(k) === 0x3a) {
					keys++;
					starts.push(i, j);
				}
			}
			i = j;
		} else if (c === 0x7b || c === 0x5b) {
			depth++;
		} else if (c === 0x7d || c === 0x5d) {
			depth--;
		}
	}
	if (keys === parsedKeyCount) {
		return undefined;
	}
	const seen = new Set<string>();
	for (let p = 0; p < starts.length; p += 2) {
		const key = JSON.parse(text.slice(starts[p], starts[p + 1] + 1)) as string;
		if (seen.has(key)) {
			return key;
		}
		seen.add(key);
	}
	return undefined;
}

function isEscaped(text: string, quote: number): boolean {
	let backslashes = 0;
	for (let k = quote - 1; text.charCodeAt(k) === 0x5c; k--) {
		backslashes++;
	}
	return backslashes % 2 === 1;
}

/**
 * The offsets [start, end) of the value at `path` (object keys, outermost first) in a text that
 * JSON.parse accepted, or undefined when a step is not an object or lacks the key. Where a key
 * appears twice, the last one counts, as in JSON.parse.
 */
export function valueSpan(text: string, path: readonly string[]): [number, number] | undefined {
	let start = skipSpace(text, 0);
	for (const wanted of path) {
		if (text.charCodeAt(start) !== 0x7b) {
			return undefined;
		}
		let found = -1;
		let i = skipSpace(text, start + 1);
		while (text.charCodeAt(i) === 0x22) {
			const keyEnd = stringEnd(text, i);
			const key = JSON.parse(text.slice(i, keyEnd)) as string;
			// After the key: optional space, the colon, optional space, the value.
			i = skipSpace(text, skipSpace(text, keyEnd) + 1);
			if (key === wanted) {
				found = i;
			}
			i = skipSpace(text, valueEnd(text, i));
			if (text.charCodeAt(i) === 0x2c) {
				i = skipSpace(text, i + 1);
			}
		}
		if (found < 0) {
			return undefined;
		}
		start = found;
	}
	return [start, valueEnd(text, start)];
}

function skipSpace(text: string, i: number): number {
	for (let c = text.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++i)) {
		// whitespace
	}
	return i;
}

/** The offset after the string that opens at `i`. */
function stringEnd(text: string, i: number): number {
	let j = text.indexOf('"', i + 1);
	while (isEscaped(text, j)) {
		j = text.indexOf('"', j + 1);
	}
	return j + 1;
}

/** The offset after the valid JSON value that starts at `i`. */
function valueEnd(text: string, i: number): number {
	const c = text.charCodeAt(i);
	if (c === 0x22) {
		return stringEnd(text, i);
	}
	if (c === 0x7b || c === 0x5b) {
		let depth = 0;
		for (let j = i; j < text.length; j++) {
			const d = text.charCodeAt(j);
			if (d === 0x22) {
				j = stringEnd(text, j) - 1;
			} else if (d === 0x7b || d === 0x5b) {
				depth++;
			} else if ((d === 0x7d || d === 0x5d) && --depth === 0) {
				return j + 1;
			}
		}
		return text.length;
	}
	// A number, true, false or null runs to the next delimiter.
	let j = i;
	for (let d = text.charCodeAt(j); j < text.length && d !== 0x2c && d !== 0x7d && d !== 0x5d && d !== 0x20 && d !== 0x0a && d !== 0x0d && d !== 0x09; d = text.charCodeAt(++j)) {
		// part of the literal
	}
	return j;
}
