/**
 * Adding a word to a vocabulary (Add to vocabulary on an `<UNK>` token). The new entry goes
 * where the list's order puts it: at its code-point position when the words are sorted (the
 * course convention), else after the last word (a frequency list has no count for it). Specials
 * keep their places; every entry after the new one moves up by one index.
 */

import { compareCodePoints, conventions } from './conventions';
import { Vocabulary, VocabularyError } from './vocabulary';

export interface InsertedWord {
	vocabulary: Vocabulary;
	/** The new word's index. */
	index: number;
	/** How many entries moved up by one index (specials included, such as a trailing `<UNK>`). */
	shifted: number;
	/** Whether the word went to its alphabetical place (true) or after the last word (false). */
	sorted: boolean;
}

/** Where the words are: after the leading specials, before a trailing unknown token. */
function wordRange(vocabulary: Vocabulary): { from: number; to: number } {
	const { entries, unkIndex, base } = vocabulary;
	const unkPosition = unkIndex - base;
	const leading = new Set(conventions[vocabulary.convention]?.leadingSpecials ?? []);
	leading.add(vocabulary.unkToken);
	if (vocabulary.padIndex !== null) {
		leading.add(entries[vocabulary.padIndex - base]);
	}
	let from = 0;
	while (from < entries.length && leading.has(entries[from])) {
		from++;
	}
	const to = unkPosition === entries.length - 1 && unkPosition >= from ? unkPosition : entries.length;
	return { from, to };
}

function isSorted(entries: readonly string[], from: number, to: number): boolean {
	for (let p = from + 1; p < to; p++) {
		if (compareCodePoints(entries[p - 1], entries[p]) > 0) {
			return false;
		}
	}
	return true;
}

/** A copy of `vocabulary` with `word` (already normalised) added; throws when it is already there. */
export function insertWord(vocabulary: Vocabulary, word: string, name = vocabulary.name): InsertedWord {
	if (vocabulary.has(word)) {
		throw new VocabularyError(`"${word}" is already in the vocabulary, at index ${vocabulary.lookup(word)}.`);
	}
	if (word === '' || /[\r\n]/.test(word)) {
		throw new VocabularyError('A vocabulary word cannot be empty or contain a line break.');
	}
	const { entries, base } = vocabulary;
	const { from, to } = wordRange(vocabulary);
	const sorted = to - from > 1 && isSorted(entries, from, to);
	let position = to;
	if (sorted) {
		// Binary search for the first word after `word`.
		let lo = from;
		let hi = to;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (compareCodePoints(entries[mid], word) < 0) {
				lo = mid + 1;
			} else {
				hi = mid;
			}
		}
		position = lo;
	}
	const next = [...entries.slice(0, position), word, ...entries.slice(position)];
	const moved = (index: number | null) => (index !== null && index - base >= position ? index + 1 : index);
	const result = new Vocabulary({
		name,
		entries: next,
		base,
		unkIndex: moved(vocabulary.unkIndex) as number,
		padIndex: moved(vocabulary.padIndex),
		convention: vocabulary.convention,
		kind: vocabulary.kind,
	});
	return { vocabulary: result, index: base + position, shifted: entries.length - position, sorted };
}
