/**
 * selection text → tokens → vocabulary indices. The result keeps token boundaries and indices in
 * typed arrays (one-hot row t is the single column `indices[t] − base`), so nothing is O(T × |V|).
 */

import { shouldTrim, tokenSpans, type TokenizeOptions, type TokenSpans } from './tokenize';
import { scanAndLookup } from './scanLookup';
import { normalizeToken, type NormalizeOptions } from './normalize';
import { defaultVocabulary } from './defaultVocabulary';
import type { Vocabulary, VocabularyKind } from './vocabulary';
import type { ConventionId } from './conventions';

export interface AnalyzeOptions extends TokenizeOptions, NormalizeOptions {
	/** The vocabulary to look tokens up in; the default vocabulary (course convention) otherwise. */
	vocabulary?: Vocabulary;
}

export interface Analysis {
	/** The analysed text; offsets below index into it. */
	readonly text: string;
	/** T_x. */
	readonly length: number;
	readonly starts: Int32Array;
	readonly ends: Int32Array;
	/** Vocabulary index of each token under the vocabulary's convention. */
	readonly indices: Int32Array;
	/** 1 where the token mapped to the unknown index. */
	readonly unknown: Uint8Array;
	readonly unknownCount: number;
	readonly vocabulary: Vocabulary;
	readonly options: Readonly<AnalyzeOptions>;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
	return analyzeWith(text, options);
}

/**
 * `analyze` with token boundaries found elsewhere (a user pattern runs in a worker thread, so
 * the caller tokenizes there and looks up here).
 */
export function analyzeTokenSpans(text: string, spans: TokenSpans, options: AnalyzeOptions = {}): Analysis {
	return analyzeWith(text, options, spans);
}

function analyzeWith(text: string, options: AnalyzeOptions, given?: TokenSpans): Analysis {
	const vocabulary = options.vocabulary ?? defaultVocabulary();
	const base = vocabulary.base;
	const unkIndex = vocabulary.unkIndex;
	let count: number;
	let starts: Int32Array;
	let ends: Int32Array;
	let indices: Int32Array;
	if (!given && (options.tokenizer ?? 'words') === 'words') {
		// The default path: one pass that scans, hashes and looks up, building no strings.
		const scanned = scanAndLookup(text, options.keepApostrophes !== false, options.keepHyphens !== false, vocabulary, options);
		count = scanned.count;
		const trim = shouldTrim(count, scanned.starts.length);
		const fit = (a: Int32Array) => (trim ? a.slice(0, count) : a.subarray(0, count));
		starts = fit(scanned.starts);
		ends = fit(scanned.ends);
		// Positions become indices in place.
		indices = fit(scanned.positions);
	} else {
		const spans = given ?? tokenSpans(text, options);
		count = spans.count;
		starts = spans.starts;
		ends = spans.ends;
		indices = new Int32Array(count);
		for (let t = 0; t < count; t++) {
			indices[t] = vocabulary.findSpan(text, starts[t], ends[t], options);
		}
	}
	const unknown = new Uint8Array(count);
	let unknownCount = 0;
	for (let t = 0; t < count; t++) {
		const p = indices[t];
		// A token that spells the unknown entry itself is found, so it is not unknown.
		if (p < 0) {
			indices[t] = unkIndex;
			unknown[t] = 1;
			unknownCount++;
		} else {
			indices[t] = p + base;
		}
	}
	return {
		text,
		length: count,
		starts,
		ends,
		indices,
		unknown,
		unknownCount,
		vocabulary,
		options,
	};
}

/** One token of an analysis in plain JSON form. */
export interface TokenRecord {
	/** Time step, 1-based (x⟨t⟩). */
	t: number;
	text: string;
	/** The form looked up in the vocabulary. */
	normalized: string;
	/** The entry found when it is not `normalized` itself: a possessive found by its noun (`man's` → `man`). */
	entry?: string;
	start: number;
	end: number;
	index: number;
	/** One-hot column, index − base. */
	column: number;
	unknown: boolean;
	/** y⟨t⟩ when labels exist. */
	label?: number;
	/** Typed BIO tag when labels exist (B-PER, I-LOC, O…). */
	tag?: string;
}

/** The plain-JSON form of an analysis, as commands return it and exports write it. */
export interface AnalysisRecord {
	T_x: number;
	/** |V|. */
	V: number;
	convention: ConventionId;
	vocabulary: string;
	/** `'word'`, or `'subword'` for WordPiece / BPE / Unigram pieces (then `note` says what that means). */
	vocabularyKind: VocabularyKind;
	/** Present when the figures need a caveat: a subword vocabulary looked up with whole words. */
	note?: string;
	unkIndex: number;
	unkToken: string;
	padIndex: number | null;
	/** Index of the first vocabulary entry (one-hot column = index − base). */
	base: number;
	unknownCount: number;
	tokens: TokenRecord[];
}

export function analysisToRecord(analysis: Analysis, offset = 0, labels?: ArrayLike<number>, tags?: readonly string[]): AnalysisRecord {
	const v = analysis.vocabulary;
	const tokens: TokenRecord[] = new Array(analysis.length);
	for (let t = 0; t < analysis.length; t++) {
		const text = analysis.text.slice(analysis.starts[t], analysis.ends[t]);
		const normalized = normalizeToken(text, analysis.options);
		const record: TokenRecord = {
			t: t + 1,
			text,
			normalized,
			start: analysis.starts[t] + offset,
			end: analysis.ends[t] + offset,
			index: analysis.indices[t],
			column: analysis.indices[t] - v.base,
			unknown: analysis.unknown[t] === 1,
		};
		const entry = v.matchedEntry(normalized, analysis.indices[t]);
		if (entry !== undefined) {
			record.entry = entry;
		}
		if (labels) {
			record.label = labels[t];
		}
		if (tags) {
			record.tag = tags[t];
		}
		tokens[t] = record;
	}
	return { ...analysisSummary(analysis), tokens };
}

/** The plain-JSON form without the per-token list (`tokens` is empty): O(1) in T_x. */
export function analysisSummary(analysis: Analysis): AnalysisRecord {
	const v = analysis.vocabulary;
	return {
		T_x: analysis.length,
		V: v.size,
		convention: v.convention,
		vocabulary: v.name,
		vocabularyKind: v.kind,
		...(v.kind === 'subword' ? { note: subwordNote } : {}),
		unkIndex: v.unkIndex,
		unkToken: v.unkToken,
		padIndex: v.padIndex,
		base: v.base,
		unknownCount: analysis.unknownCount,
		tokens: [],
	};
}

/** What a subword vocabulary's figures mean here (subword tokenization itself is not done). */
export const subwordNote =
	'Subword vocabulary: its model splits words into pieces (WordPiece, BPE), but Sequence Lens looks whole words up, so a word the model would split counts as <UNK> here and the indices are not the model\'s input ids.';
