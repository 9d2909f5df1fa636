/**
 * The default path of `analyze`: the `words` scanner and the vocabulary lookup in one pass. While
 * it reads an ASCII token it also hashes it (FNV-1a over case-folded codes, asciiTable.ts), so
 * the lookup only compares characters, and no string or object is made per token. Same
 * boundaries as `scanWords` and same answers as `Vocabulary.findSpan` (property tests in
 * analyze.test.ts compare it with tokenize + normalise + look up).
 */

import { bmpClass, classApostrophe, classHyphen, classWord, initialCapacity, wordCharLength } from './tokenize';
import { asciiFold, finishHash, hashPrime, hashSeed } from './asciiTable';
import type { NormalizeOptions } from './normalize';
import type { Vocabulary } from './vocabulary';

export interface ScannedLookup {
	count: number;
	starts: Int32Array;
	ends: Int32Array;
	/** Vocabulary position of each token (one-hot column), -1 when unknown. */
	positions: Int32Array;
}

export function scanAndLookup(
	text: string,
	keepApostrophes: boolean,
	keepHyphens: boolean,
	vocabulary: Vocabulary,
	options: NormalizeOptions,
): ScannedLookup {
	const n = text.length;
	let capacity = initialCapacity(n);
	let starts = new Int32Array(capacity);
	let ends = new Int32Array(capacity);
	let positions = new Int32Array(capacity);
	let count = 0;
	const table = vocabulary.asciiLookupTable();
	const lowercase = options.lowercase ?? true;
	let i = 0;
	while (i < n) {
		// Find the first word character.
		let code = text.charCodeAt(i);
		let width: number;
		// The hash state, and whether every character so far is ASCII (-1 once one is not).
		let h = hashSeed;
		let ascii = true;
		if (code < 0x80) {
			if (bmpClass[code] !== classWord) {
				i++;
				continue;
			}
			h = Math.imul(h ^ asciiFold[code], hashPrime);
			width = 1;
		} else {
			width = wordCharLength(text, i, code, false);
			if (width === 0) {
				// Step over a whole surrogate pair so a match never starts inside one.
				i += code >= 0xd800 && code <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
				continue;
			}
			ascii = false;
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
					h = Math.imul(h ^ asciiFold[code], hashPrime);
					i++;
				} else {
					width = wordCharLength(text, i, code, true);
					if (width === 0) {
						break;
					}
					ascii = false;
					i += width;
				}
			}
			// A joiner continues the token only when a letter or number follows it.
			if (i + 1 >= n) {
				break;
			}
			const cls = code < 0x80 || (code >= 0x2010 && code <= 0x2019) ? bmpClass[code] : 0;
			if (!((cls === classApostrophe && keepApostrophes) || (cls === classHyphen && keepHyphens))) {
				break;
			}
			const after = text.charCodeAt(i + 1);
			width = after < 0x80 ? (bmpClass[after] === classWord ? 1 : 0) : wordCharLength(text, i + 1, after, false);
			if (width === 0) {
				break;
			}
			// The joiner; the run loop takes the letter or number after it.
			if (code < 0x80) {
				h = Math.imul(h ^ code, hashPrime);
			} else {
				ascii = false;
			}
			i += 1;
		}
		if (count === capacity) {
			capacity *= 2;
			starts = grow(starts, capacity);
			ends = grow(ends, capacity);
			positions = grow(positions, capacity);
		}
		starts[count] = start;
		ends[count] = i;
		let p = -1;
		if (ascii) {
			p = table.findHashed(text, start, i, finishHash(h), lowercase);
			if (p < 0) {
				p = vocabulary.findAfterAsciiMiss(text, start, i, options);
			}
		} else {
			p = vocabulary.findSpan(text, start, i, options);
		}
		positions[count] = p;
		count++;
	}
	return { count, starts, ends, positions };
}

function grow(a: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
	const b = new Int32Array(capacity);
	b.set(a);
	return b;
}
