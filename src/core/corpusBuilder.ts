/**
 * Builds a vocabulary from a corpus streamed as text chunks. The caller reads files (or anything
 * else) and hands over an async iterable of strings; this module only counts.
 *
 * Counts are exact, in one Map from normalised token to count. Memory is bounded by the number of
 * distinct tokens, not by the corpus size: about 100 bytes per distinct short word on V8 (docs/api.md
 * gives the measurement), so 2,000,000 distinct words take roughly 200 MB.
 */

import { tokenSpans, type TokenizeOptions } from './tokenize';
import { normalizeToken, type NormalizeOptions } from './normalize';
import { compareCodePoints, conventions, type ConventionId } from './conventions';
import { Vocabulary, VocabularyError } from './vocabulary';

export interface BuildProgress {
	/** Chunks consumed so far. */
	chunks: number;
	/** UTF-16 code units consumed so far. */
	characters: number;
	/** Tokens counted so far. */
	tokens: number;
	/** Distinct normalised tokens so far. */
	distinct: number;
}

export interface BuildVocabularyOptions extends TokenizeOptions, NormalizeOptions {
	/** Keep at most this many words (specials not counted). */
	topN?: number;
	/** Keep only words seen at least this often (default 1). */
	minFrequency?: number;
	/**
	 * Special entries placed first, in order; the convention's own specials by default. The
	 * unknown token is added (last for course, after these otherwise) when it is not among them.
	 */
	specials?: readonly string[];
	/** Order of the kept words; the convention's order by default (course: alphabetical). */
	order?: 'alphabetical' | 'frequency';
	/**
	 * How equal counts are ranked (for topN and frequency order): by first occurrence, as Keras's
	 * Tokenizer does, or alphabetically (code points), as torchtext's build_vocab_from_iterator
	 * does. Default: alphabetical for torchtext, first occurrence otherwise.
	 */
	ties?: 'first-occurrence' | 'alphabetical';
	/** Index layout; course by default. */
	convention?: ConventionId;
	/** Name given to the vocabulary. */
	name?: string;
	/** How many cut words the preview lists (default 50). */
	cutPreviewSize?: number;
	/** Called after each chunk. */
	onProgress?: (progress: BuildProgress) => void;
	/** Aborts the build between chunks; the promise then rejects with the signal's reason. */
	signal?: AbortSignal;
}

export interface WordCount {
	word: string;
	count: number;
}

export interface BuildSummary extends BuildProgress {
	/** Words kept in the vocabulary (specials not counted). */
	keptWords: number;
	/** Tokens of the corpus whose word was kept. */
	keptTokens: number;
	/** Distinct words left out (below minFrequency or beyond topN). */
	cutWords: number;
	/** Tokens of the corpus whose word was left out: they will map to the unknown token. */
	cutTokens: number;
	/** keptTokens / tokens (1 for an empty corpus). */
	coverage: number;
	/** The count of the least frequent kept word (0 when none is kept). */
	cutoffCount: number;
}

export interface BuildResult {
	vocabulary: Vocabulary;
	summary: BuildSummary;
	/** The most frequent words left out, most frequent first (at most cutPreviewSize). */
	cut: WordCount[];
	/** The kept words with their counts, most frequent first. */
	kept: WordCount[];
}

function abortReason(signal: AbortSignal): unknown {
	if (signal.reason !== undefined) {
		return signal.reason;
	}
	const error = new Error('The vocabulary build was cancelled.');
	error.name = 'AbortError';
	return error;
}

/**
 * Where the unfinished tail of a buffer begins: the text from there on is carried into the next
 * chunk, because a token touching a chunk boundary may continue in the next chunk ("lond" + "on",
 * "don'" + "t", a surrogate pair or a combining mark split in two). Word-like tokenizers cannot
 * span whitespace, so the last token's start is safe; the segmenter and user patterns may look
 * further, so they carry from the last line break.
 */
function tailStart(buffer: string, starts: Int32Array, ends: Int32Array, count: number, options: TokenizeOptions): number {
	const kind = options.tokenizer ?? 'words';
	if (kind === 'segmenter' || kind === 'regex') {
		const lineBreak = Math.max(buffer.lastIndexOf('\n'), buffer.lastIndexOf('\r'));
		if (lineBreak >= 0) {
			return lineBreak + 1;
		}
	}
	if (count > 0) {
		// Tokens that touch (no gap between them) may merge once more text arrives, as "a" + "’"
		// + "s" does under words+punctuation: carry the whole touching run.
		let t = count - 1;
		while (t > 0 && ends[t - 1] === starts[t]) {
			t--;
		}
		return starts[t];
	}
	// No token at all: only a character cut in half can matter, so keep the last two code units.
	return Math.max(0, buffer.length - 2);
}

/**
 * A copy of `s` that does not keep the chunk it was cut from alive. V8 represents a slice of 13 or
 * more characters as a view into its parent string, so a Map key taken straight from a chunk would
 * pin the whole chunk in memory for as long as the count lives; flattening a fresh concatenation
 * gives a string of its own.
 */
function detach(s: string): string {
	return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Counts normalised tokens over a stream of chunks, exactly as if the chunks were one string. */
export async function countTokens(chunks: AsyncIterable<string> | Iterable<string>, options: BuildVocabularyOptions = {}): Promise<{ counts: Map<string, number>; progress: BuildProgress }> {
	const counts = new Map<string, number>();
	const progress: BuildProgress = { chunks: 0, characters: 0, tokens: 0, distinct: 0 };
	const { signal } = options;
	let carry = '';
	const add = (text: string, starts: Int32Array, ends: Int32Array, from: number, to: number): void => {
		for (let t = from; t < to; t++) {
			const key = normalizeToken(text.slice(starts[t], ends[t]), options);
			const count = counts.get(key);
			if (count === undefined) {
				counts.set(detach(key), 1);
			} else {
				counts.set(key, count + 1);
			}
		}
		progress.tokens += to - from;
	};
	if (signal?.aborted) {
		throw abortReason(signal);
	}
	for await (const chunk of chunks) {
		if (signal?.aborted) {
			throw abortReason(signal);
		}
		if (typeof chunk !== 'string') {
			throw new TypeError(`Corpus chunks must be strings, got ${typeof chunk}.`);
		}
		progress.chunks++;
		progress.characters += chunk.length;
		const buffer = carry + chunk;
		const spans = tokenSpans(buffer, options);
		const tail = tailStart(buffer, spans.starts, spans.ends, spans.count, options);
		let complete = spans.count;
		while (complete > 0 && spans.ends[complete - 1] > tail) {
			complete--;
		}
		// A token that starts before the tail and runs into it is re-read whole with the next chunk.
		const keepFrom = complete < spans.count ? Math.min(tail, spans.starts[complete]) : tail;
		add(buffer, spans.starts, spans.ends, 0, complete);
		carry = buffer.slice(keepFrom);
		progress.distinct = counts.size;
		options.onProgress?.({ ...progress });
	}
	if (carry) {
		const spans = tokenSpans(carry, options);
		add(carry, spans.starts, spans.ends, 0, spans.count);
		progress.distinct = counts.size;
	}
	return { counts, progress };
}

/**
 * Counts the corpus and builds a vocabulary from it under a convention: specials first (or the
 * unknown token last for course), then the kept words in the chosen order. Frequency order breaks
 * ties by first occurrence, as Keras's `Tokenizer` does.
 */
export async function buildVocabulary(chunks: AsyncIterable<string> | Iterable<string>, options: BuildVocabularyOptions = {}): Promise<BuildResult> {
	const conventionId = options.convention ?? 'course';
	const convention = conventions[conventionId];
	if (!convention) {
		throw new VocabularyError(`Unknown convention "${String(conventionId)}".`);
	}
	const minFrequency = options.minFrequency ?? 1;
	const topN = options.topN ?? Infinity;
	if (!(topN >= 0) || !(minFrequency >= 0)) {
		throw new VocabularyError('topN and minFrequency must be non-negative numbers.');
	}
	const { counts, progress } = await countTokens(chunks, options);
	const specials = [...(options.specials ?? convention.leadingSpecials)];
	if (new Set(specials).size !== specials.length) {
		throw new VocabularyError(`The specials list has a duplicate: ${JSON.stringify(specials)}.`);
	}
	const unkToken = specials.includes(convention.unkToken) ? convention.unkToken : (specials.find((s) => /^[<[]?(unk|oov)[>\]]?$/i.test(s)) ?? convention.unkToken);
	const reserved = new Set([...specials, unkToken]);

	// Ranked as parallel arrays and an index permutation rather than one object per word: with
	// millions of distinct words the objects would cost more than the counts themselves. The index
	// tiebreak keeps the Map's insertion order (first occurrence) among equal counts.
	const rankedWords: string[] = [];
	const rankedCounts: number[] = [];
	let maxCount = 0;
	counts.forEach((count, word) => {
		if (!reserved.has(word)) {
			rankedWords.push(word);
			rankedCounts.push(count);
			maxCount = Math.max(maxCount, count);
		}
	});
	const distinctWords = rankedWords.length;
	const ties = options.ties ?? (conventionId === 'torchtext' ? 'alphabetical' : 'first-occurrence');
	const rank = new Int32Array(distinctWords);
	if (ties === 'first-occurrence' && (maxCount + 1) * distinctWords < 2 ** 53) {
		// (count descending, first occurrence) packed into one exact double: a plain numeric sort of
		// a Float64Array, with no comparator calls and no boxed copies.
		const keys = new Float64Array(distinctWords);
		for (let i = 0; i < distinctWords; i++) {
			keys[i] = (maxCount - rankedCounts[i]) * distinctWords + i;
		}
		keys.sort();
		for (let r = 0; r < distinctWords; r++) {
			rank[r] = keys[r] % distinctWords;
		}
	} else {
		for (let i = 0; i < distinctWords; i++) {
			rank[i] = i;
		}
		rank.sort(
			ties === 'alphabetical'
				? (a, b) => rankedCounts[b] - rankedCounts[a] || compareCodePoints(rankedWords[a], rankedWords[b])
				: (a, b) => rankedCounts[b] - rankedCounts[a] || a - b,
		);
	}
	const wordCount = (r: number): WordCount => ({ word: rankedWords[rank[r]], count: rankedCounts[rank[r]] });
	let keepCount = 0;
	while (keepCount < distinctWords && keepCount < topN && rankedCounts[rank[keepCount]] >= minFrequency) {
		keepCount++;
	}
	const kept: WordCount[] = new Array(keepCount);
	for (let r = 0; r < keepCount; r++) {
		kept[r] = wordCount(r);
	}
	const words = kept.map((w) => w.word);
	const order = options.order ?? convention.order;
	if (order === 'alphabetical') {
		words.sort(compareCodePoints);
	}
	let entries: string[];
	if (specials.includes(unkToken)) {
		entries = [...specials, ...words];
	} else if (convention.unkLast) {
		entries = [...specials, ...words, unkToken];
	} else {
		entries = [...specials, unkToken, ...words];
	}
	const base = convention.base;
	const padPosition = convention.padToken === null ? -1 : entries.indexOf(convention.padToken);
	const vocabulary = new Vocabulary({
		name: options.name ?? 'Corpus vocabulary',
		entries,
		base,
		unkIndex: base + entries.indexOf(unkToken),
		padIndex: padPosition < 0 ? null : base + padPosition,
		convention: conventionId,
	});
	let keptTokens = 0;
	for (const w of kept) {
		keptTokens += w.count;
	}
	// Specials that occur in the text (a literal "<UNK>") are neither kept words nor cut.
	let specialTokens = 0;
	for (const s of reserved) {
		specialTokens += counts.get(s) ?? 0;
	}
	const cutTokens = progress.tokens - keptTokens - specialTokens;
	const preview = options.cutPreviewSize ?? 50;
	return {
		vocabulary,
		summary: {
			...progress,
			keptWords: keepCount,
			keptTokens,
			cutWords: distinctWords - keepCount,
			cutTokens,
			coverage: progress.tokens === 0 ? 1 : keptTokens / progress.tokens,
			cutoffCount: keepCount > 0 ? kept[keepCount - 1].count : 0,
		},
		cut: Array.from({ length: Math.min(preview, distinctWords - keepCount) }, (_, k) => wordCount(keepCount + k)),
		kept,
	};
}
