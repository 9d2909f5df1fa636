import { defaultWordsByFrequency, defaultWordsSource } from './data/defaultWords';
import { vocabularyFromWords, type ConventionId } from './conventions';
import type { Vocabulary } from './vocabulary';

export const defaultVocabularyName = 'Default English 10k';
export { defaultWordsSource };

let words: readonly string[] | undefined;
const cache = new Map<string, Vocabulary>();

/** The built-in word list, most frequent first (9,999 words, no specials). */
export function defaultWords(): readonly string[] {
	words ??= Object.freeze(defaultWordsByFrequency.split('\n'));
	return words;
}

/**
 * The built-in vocabulary under a convention. Under the default (course) convention it has
 * |V| = 10,000: the 9,999 words sorted alphabetically with indices 1…9,999 and <UNK> = 10,000.
 * `unkToken` respells the unknown entry (its index stays).
 */
export function defaultVocabulary(convention: ConventionId = 'course', unkToken?: string): Vocabulary {
	// A NUL cannot appear in a token, so the key never collides.
	const key = unkToken ? `${convention}\0${unkToken}` : convention;
	let vocabulary = cache.get(key);
	if (!vocabulary) {
		// The source counted `man's` as `man` + `'s` (docs/vocabulary.md), so a possessive is
		// looked up by its noun.
		vocabulary = vocabularyFromWords(defaultWords(), convention, defaultVocabularyName, { possessiveFallback: true, unkToken });
		cache.set(key, vocabulary);
	}
	return vocabulary;
}
