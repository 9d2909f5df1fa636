/**
 * A vocabulary: an ordered list of entries (specials included) and the index convention that
 * numbers them. Index of the entry at position p is `base + p`; its one-hot column is p, so the
 * matrix is always T × |V| whatever the convention.
 */

import type { ConventionId } from './conventions';

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
	private readonly positions: Map<string, number>;

	constructor(init: VocabularyInit) {
		this.name = init.name;
		this.entries = init.entries;
		this.base = init.base;
		this.unkIndex = init.unkIndex;
		this.padIndex = init.padIndex;
		this.convention = init.convention;
		this.kind = init.kind ?? 'word';
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
}
