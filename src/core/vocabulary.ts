/**
 * A vocabulary: an ordered list of entries (specials included) and the index convention that
 * numbers them. Index of the entry at position p is `base + p`; its one-hot column is p, so the
 * matrix is always T × |V| whatever the convention.
 */

import type { ConventionId } from './conventions';
import { normalizeToken, type NormalizeOptions } from './normalize';

export type VocabularyKind = 'word' | 'subword';

export interface VocabularyInit {
	/** Human-readable name shown in the UI and in exports ("default English 10k", a file name). */
	name: string;
	/** Entries by position; entry p has index `base + p`. */
	entries: readonly string[];
	/** Index of the first entry (1 for the course convention, 0 for library layouts). */
	base: number;
	/** Index returned for tokens that are not in the vocabulary. */
	unkIndex: number;
	/** Index used for padding, or null when the convention reserves none. */
	padIndex: number | null;
	convention: ConventionId;
	kind?: VocabularyKind;
	/**
	 * Look a possessive that is not an entry itself (`man's`, `Holmes’s`) up by its noun (`man`),
	 * as the plural possessive `dogs'` already is (the tokenizer leaves its outer apostrophe out).
	 * For lists whose source split the clitic `'s` off before counting, as the built-in list's
	 * did. Default false: a loaded vocabulary is looked up exactly, as its library would.
	 */
	possessiveFallback?: boolean;
}

export class VocabularyError extends Error {
	override readonly name = 'VocabularyError';
}

export class Vocabulary {
	readonly name: string;
	readonly entries: readonly string[];
	readonly base: number;
	readonly unkIndex: number;
	readonly padIndex: number | null;
	readonly convention: ConventionId;
	readonly kind: VocabularyKind;
	readonly possessiveFallback: boolean;
	private readonly positions: Map<string, number>;
	private asciiTable: AsciiTable | undefined;

	constructor(init: VocabularyInit) {
		this.name = init.name;
		this.entries = init.entries;
		this.base = init.base;
		this.unkIndex = init.unkIndex;
		this.padIndex = init.padIndex;
		this.convention = init.convention;
		this.kind = init.kind ?? 'word';
		this.possessiveFallback = init.possessiveFallback ?? false;
		const size = init.entries.length;
		if (size === 0) {
			throw new VocabularyError('The vocabulary is empty.');
		}
		if (init.unkIndex < init.base || init.unkIndex >= init.base + size) {
			throw new VocabularyError(`The unknown-token index ${init.unkIndex} is outside ${init.base}…${init.base + size - 1}.`);
		}
		this.positions = new Map();
		for (let p = 0; p < size; p++) {
			const entry = init.entries[p];
			if (this.positions.has(entry)) {
				throw new VocabularyError(
					`Duplicate token "${entry}" at index ${init.base + p} (first at index ${init.base + (this.positions.get(entry) as number)}).`,
				);
			}
			this.positions.set(entry, p);
		}
	}

	/** |V|: every entry, specials included. */
	get size(): number {
		return this.entries.length;
	}

	get unkToken(): string {
		return this.entries[this.unkIndex - this.base];
	}

	/** Index of a normalised token, or the unknown index. */
	lookup(normalized: string): number {
		const p = this.positions.get(normalized);
		return p === undefined ? this.unkIndex : p + this.base;
	}

	has(normalized: string): boolean {
		return this.positions.has(normalized);
	}

	/** The entry with this index, or undefined outside the vocabulary. */
	tokenAt(index: number): string | undefined {
		return this.entries[index - this.base];
	}

	/** The one-hot column of an index (index − base). */
	column(index: number): number {
		return index - this.base;
	}

	/**
	 * Position (one-hot column) of the token `text.slice(start, end)` after `normalizeToken(…,
	 * options)`, or -1 when it is not in the vocabulary. Same answer as
	 * `positions.get(normalizeToken(text.slice(start, end), options))`, but an ASCII token is
	 * found through a hash table over its char codes (case-folded when lowercasing), building
	 * no string: NFC, NFKC and accent stripping leave ASCII unchanged, so only case matters.
	 */
	findSpan(text: string, start: number, end: number, options?: NormalizeOptions): number {
		const table = (this.asciiTable ??= new AsciiTable(this.entries));
		let p = table.find(text, start, end, options?.lowercase ?? true);
		if (p === notAscii) {
			p = this.positions.get(normalizeToken(text.slice(start, end), options)) ?? -1;
		}
		if (p < 0 && this.possessiveFallback && isPossessive(text, start, end)) {
			return this.findSpan(text, start, end - 2, options);
		}
		return p;
	}

	/**
	 * The entry a token was found as when that is not its own normal form (a possessive found by
	 * its noun), else undefined.
	 */
	matchedEntry(normalized: string, index: number): string | undefined {
		const entry = this.tokenAt(index);
		return entry === undefined || entry === normalized || index === this.unkIndex ? undefined : entry;
	}

	/** Index of the token `text.slice(start, end)` normalised with `options`, or the unknown index. */
	lookupSpan(text: string, start: number, end: number, options?: NormalizeOptions): number {
		const p = this.findSpan(text, start, end, options);
		return p < 0 ? this.unkIndex : p + this.base;
	}
}

const notAscii = -2;

/** `…'s` or `…’s` (either case) after at least one character: a singular possessive. */
function isPossessive(text: string, start: number, end: number): boolean {
	if (end - start < 3) {
		return false;
	}
	const s = text.charCodeAt(end - 1);
	const apostrophe = text.charCodeAt(end - 2);
	return (s === 0x73 || s === 0x53) && (apostrophe === 0x27 || apostrophe === 0x2019);
}

/**
 * Open-addressing hash table of the vocabulary's ASCII entries, keyed by their char codes with
 * A–Z folded to a–z, so both case-sensitive and lowercased lookups probe it without building a
 * string. Entries live in one byte pool; each slot keeps the entry's position and full hash.
 */
class AsciiTable {
	private readonly pool: Uint8Array;
	/**
	 * Four int32 per slot, together so one probe touches one cache line: the finished hash,
	 * the entry's position + 1 (0 marks an empty slot), its start in the pool, its length.
	 */
	private readonly slots: Int32Array;
	private readonly mask: number;

	constructor(entries: readonly string[]) {
		const ascii: number[] = [];
		let chars = 0;
		for (let p = 0; p < entries.length; p++) {
			const entry = entries[p];
			if (isAscii(entry)) {
				ascii.push(p);
				chars += entry.length;
			}
		}
		let capacity = 16;
		while (capacity < ascii.length * 2) {
			capacity *= 2;
		}
		this.mask = capacity - 1;
		this.slots = new Int32Array(capacity * 4);
		this.pool = new Uint8Array(chars);
		let at = 0;
		for (const p of ascii) {
			const entry = entries[p];
			let h = hashSeed;
			for (let k = 0; k < entry.length; k++) {
				const c = entry.charCodeAt(k);
				this.pool[at + k] = c;
				h = Math.imul(h ^ asciiFold[c], hashPrime);
			}
			h = finishHash(h);
			let slot = h & this.mask;
			while (this.slots[slot * 4 + 1] !== 0) {
				slot = (slot + 1) & this.mask;
			}
			this.slots[slot * 4] = h;
			this.slots[slot * 4 + 1] = p + 1;
			this.slots[slot * 4 + 2] = at;
			this.slots[slot * 4 + 3] = entry.length;
			at += entry.length;
		}
	}

	/** Position of the ASCII token, -1 when absent, `notAscii` when the token has other characters. */
	find(text: string, start: number, end: number, lowercase: boolean): number {
		let h = hashSeed;
		for (let i = start; i < end; i++) {
			const c = text.charCodeAt(i);
			if (c >= 0x80) {
				return notAscii;
			}
			h = Math.imul(h ^ asciiFold[c], hashPrime);
		}
		return this.findHashed(text, start, end, finishHash(h), lowercase);
	}

	/** Position of the ASCII token whose finished hash is `h`, or -1. */
	findHashed(text: string, start: number, end: number, h: number, lowercase: boolean): number {
		const length = end - start;
		const pool = this.pool;
		const slots = this.slots;
		const mask = this.mask;
		for (let slot = h & mask; ; slot = (slot + 1) & mask) {
			const base = slot * 4;
			const position = slots[base + 1];
			if (position === 0) {
				return -1;
			}
			if (slots[base] !== h || slots[base + 3] !== length) {
				continue;
			}
			const at = slots[base + 2] - start;
			let i = start;
			if (lowercase) {
				while (i < end && pool[at + i] === asciiFold[text.charCodeAt(i)]) {
					i++;
				}
			} else {
				while (i < end && pool[at + i] === text.charCodeAt(i)) {
					i++;
				}
			}
			if (i === end) {
				return position - 1;
			}
		}
	}
}

// FNV-1a over char codes with A–Z folded to a–z; the table compares the characters after a hash
// match, so the hash only has to spread well.
const hashSeed = 0x811c9dc5 | 0;
const hashPrime = 0x01000193;

/** ASCII code → the code with A–Z folded to a–z. */
const asciiFold = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) {
	asciiFold[c] = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/** Spreads the FNV-1a state so the low bits used as the slot are well mixed. */
function finishHash(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x45d9f3b);
	return h ^ (h >>> 16);
}

function isAscii(s: string): boolean {
	for (let i = 0; i < s.length; i++) {
		if (s.charCodeAt(i) >= 0x80) {
			return false;
		}
	}
	return true;
}
