/**
 * A vocabulary: an ordered list of entries (specials included) and the index convention that
 * numbers them. Index of the entry at position p is `base + p`; its one-hot column is p, so the
 * matrix is always T × |V| whatever the convention.
 */

import type { ConventionId } from './conventions';
import { normalizeToken, type NormalizeOptions } from './normalize';
import { AsciiTable, notAscii } from './asciiTable';

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
	/** Positions of the entries that are not ASCII; the ASCII ones are in `asciiTable`. */
	private readonly positions: Map<string, number>;
	private readonly asciiTable: AsciiTable;

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
		// ASCII entries go to a hash table over char codes (no Map of a million strings to build),
		// the others to a Map; both keep the first position of a repeated token.
		const others: number[] = [];
		const table = new AsciiTable(init.entries, others);
		this.asciiTable = table;
		this.positions = new Map();
		let duplicate = table.duplicate;
		for (const p of others) {
			const entry = init.entries[p];
			const first = this.positions.get(entry);
			if (first !== undefined) {
				if (duplicate === undefined || p < duplicate[1]) {
					duplicate = [first, p];
				}
				break;
			}
			this.positions.set(entry, p);
		}
		if (duplicate) {
			const [first, p] = duplicate;
			throw new VocabularyError(`Duplicate token "${init.entries[p]}" at index ${init.base + p} (first at index ${init.base + first}).`);
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
		const p = this.position(normalized);
		return p < 0 ? this.unkIndex : p + this.base;
	}

	has(normalized: string): boolean {
		return this.position(normalized) >= 0;
	}

	/** Position of an entry spelled exactly `token`, or -1. */
	private position(token: string): number {
		const p = this.asciiTable.find(token, 0, token.length, false);
		return p === notAscii ? (this.positions.get(token) ?? -1) : p;
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
		const p = this.asciiTable.find(text, start, end, options?.lowercase ?? true);
		if (p === notAscii) {
			// Normalising can make a token ASCII (accent stripping, NFKC), so look in both.
			const q = this.position(normalizeToken(text.slice(start, end), options));
			return q < 0 ? this.findAfterAsciiMiss(text, start, end, options) : q;
		}
		return p < 0 ? this.findAfterAsciiMiss(text, start, end, options) : p;
	}

	/**
	 * The entry a token was found as when that is not its own normal form (a possessive found by
	 * its noun), else undefined.
	 */
	matchedEntry(normalized: string, index: number): string | undefined {
		const entry = this.tokenAt(index);
		return entry === undefined || entry === normalized || index === this.unkIndex ? undefined : entry;
	}

	/** The hash table of the ASCII entries, for scanners that hash a token while reading it. */
	asciiLookupTable(): AsciiTable {
		return this.asciiTable;
	}

	/**
	 * What `findSpan` does after an ASCII token missed: -1, or the position of its noun when it
	 * is a possessive and the vocabulary looks possessives up that way.
	 */
	findAfterAsciiMiss(text: string, start: number, end: number, options?: NormalizeOptions): number {
		return this.possessiveFallback && isPossessive(text, start, end) ? this.findSpan(text, start, end - 2, options) : -1;
	}

	/** Index of the token `text.slice(start, end)` normalised with `options`, or the unknown index. */
	lookupSpan(text: string, start: number, end: number, options?: NormalizeOptions): number {
		const p = this.findSpan(text, start, end, options);
		return p < 0 ? this.unkIndex : p + this.base;
	}
}

/** `…'s` or `…’s` (either case) after at least one character: a singular possessive. */
function isPossessive(text: string, start: number, end: number): boolean {
	if (end - start < 3) {
		return false;
	}
	const s = text.charCodeAt(end - 1);
	const apostrophe = text.charCodeAt(end - 2);
	return (s === 0x73 || s === 0x53) && (apostrophe === 0x27 || apostrophe === 0x2019);
}
