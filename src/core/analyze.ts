/**
 * selection text → tokens → vocabulary indices. The result keeps token boundaries and indices in
 * typed arrays (one-hot row t is the single column `indices[t] − base`), so nothing is O(T × |V|).
 */

import { initialCapacity, scanWords, shouldTrim, tokenSpans, type SpanSink, type TokenizeOptions } from './tokenize';
import { normalizeToken, type NormalizeOptions } from './normalize';
import { defaultVocabulary } from './defaultVocabulary';
import type { Vocabulary } from './vocabulary';
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
	const vocabulary = options.vocabulary ?? defaultVocabulary();
	let starts: Int32Array;
	let ends: Int32Array;
	let indices: Int32Array;
	let unknown: Uint8Array;
	let count: number;
	let unknownCount = 0;
	if ((options.tokenizer ?? 'words') === 'words') {
		// The fast path: the scanner hands each token with its case-folded hash straight to the
		// vocabulary's ASCII table, so no string is built for an ASCII token.
		const sink = new LookupSink(text, vocabulary, options);
		scanWords(text, options.keepApostrophes !== false, options.keepHyphens !== false, sink);
		count = sink.count;
		({ starts, ends, indices, unknown } = sink.finish());
		unknownCount = sink.unknownCount;
	} else {
		const spans = tokenSpans(text, options);
		count = spans.count;
		starts = spans.starts;
		ends = spans.ends;
		indices = new Int32Array(count);
		unknown = new Uint8Array(count);
		for (let t = 0; t < count; t++) {
			const p = vocabulary.findSpan(text, starts[t], ends[t], options);
			// A token that spells the unknown entry itself is found, so it is not unknown.
			if (p < 0) {
				indices[t] = vocabulary.unkIndex;
				unknown[t] = 1;
				unknownCount++;
			} else {
				indices[t] = p + vocabulary.base;
			}
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

/** Receives tokens from the scanner and looks each one up as it arrives. */
class LookupSink implements SpanSink {
	count = 0;
	unknownCount = 0;
	private starts: Int32Array;
	private ends: Int32Array;
	private indices: Int32Array;
	private unknown: Uint8Array;
	private readonly base: number;
	private readonly unkIndex: number;

	constructor(
		private readonly text: string,
		private readonly vocabulary: Vocabulary,
		private readonly options: NormalizeOptions,
	) {
		const capacity = initialCapacity(text.length);
		this.starts = new Int32Array(capacity);
		this.ends = new Int32Array(capacity);
		this.indices = new Int32Array(capacity);
		this.unknown = new Uint8Array(capacity);
		this.base = vocabulary.base;
		this.unkIndex = vocabulary.unkIndex;
	}

	push(start: number, end: number, hash: number, ascii: boolean): void {
		const t = this.count;
		if (t === this.starts.length) {
			this.grow();
		}
		this.starts[t] = start;
		this.ends[t] = end;
		const p = this.vocabulary.findScanned(this.text, start, end, hash, ascii, this.options);
		if (p < 0) {
			this.indices[t] = this.unkIndex;
			this.unknown[t] = 1;
			this.unknownCount++;
		} else {
			this.indices[t] = p + this.base;
		}
		this.count = t + 1;
	}

	private grow(): void {
		const size = this.starts.length * 2;
		const starts = new Int32Array(size);
		const ends = new Int32Array(size);
		const indices = new Int32Array(size);
		const unknown = new Uint8Array(size);
		starts.set(this.starts);
		ends.set(this.ends);
		indices.set(this.indices);
		unknown.set(this.unknown);
		this.starts = starts;
		this.ends = ends;
		this.indices = indices;
		this.unknown = unknown;
	}

	finish(): { starts: Int32Array; ends: Int32Array; indices: Int32Array; unknown: Uint8Array } {
		const n = this.count;
		const trim = shouldTrim(n, this.starts.length);
		const cut = <T extends Int32Array | Uint8Array>(a: T): T => (trim ? (a.slice(0, n) as T) : (a.subarray(0, n) as T));
		return { starts: cut(this.starts), ends: cut(this.ends), indices: cut(this.indices), unknown: cut(this.unknown) };
	}
}

/** One token of an analysis in plain JSON form. */
export interface TokenRecord {
	/** Time step, 1-based (x⟨t⟩). */
	t: number;
	text: string;
	/** The form looked up in the vocabulary. */
	normalized: string;
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
		const record: TokenRecord = {
			t: t + 1,
			text,
			normalized: normalizeToken(text, analysis.options),
			start: analysis.starts[t] + offset,
			end: analysis.ends[t] + offset,
			index: analysis.indices[t],
			column: analysis.indices[t] - v.base,
			unknown: analysis.unknown[t] === 1,
		};
		if (labels) {
			record.label = labels[t];
		}
		if (tags) {
			record.tag = tags[t];
		}
		tokens[t] = record;
	}
	return {
		T_x: analysis.length,
		V: v.size,
		convention: v.convention,
		vocabulary: v.name,
		unkIndex: v.unkIndex,
		unkToken: v.unkToken,
		padIndex: v.padIndex,
		base: v.base,
		unknownCount: analysis.unknownCount,
		tokens,
	};
}
