import { defaultWordsByFrequency, defaultWordsSource } from './data/defaultWords';
import { vocabularyFromWords, type ConventionId } from './conventions';
import type { Vocabulary } from './vocabulary';

export const defaultVocabularyName = 'Default English 10k';
export { defaultWordsSource };

let words: readonly string[] | undefined;
const cache = new Map<ConventionId, Vocabulary>();

/** The built-in word list, most frequent first (9,999 words, no specials). */
export function defaultWords(): readonly string[] {
	words ??= Object.freeze(defaultWordsByFrequency.split('\n'));
	return words;
}

/**
 * The built-in vocabulary under a convention. Under the default (course) convention it has
 * |V| = 10,000: the 9,999 words sorted alphabetically with indices 1…9,999 and <UNK> = 10,000.
 */
export function defaultVocabulary(convention: ConventionId = 'course'): Vocabulary {
	let vocabulary = cache.get(convention);
	if (!vocabulary) {
		// The source counted `man's` as `man` + `'s` (docs/vocabulary.md), so a possessive is
		// looked up by its noun.
		vocabulary = vocabularyFromWords(defaultWords(), convention, defaultVocabularyName, { possessiveFallback: true });
		cache.set(convention, vocabulary);
	}
	return vocabulary;
}
