/**
 * The host's answers to the matrix webview's requests, computed from a stored analysis. No
 * `vscode` at run time, so the unit tests call them on real analyses. Every answer is bounded by
 * the request (a page of rows, a screenful of words) or by the distinct columns in use; none is
 * O(T × |V|).
 */

import { maxRowPage, maxWordsRequest, type RowPage, type RowsRequestMessage } from '../../shared/protocol';
import type { DocumentAnalysis } from '../editor/analysisStore';

/** Rows `request.start` … of one example, or undefined for a stale or out-of-range request. */
export function rowPage(entry: DocumentAnalysis, request: Pick<RowsRequestMessage, 'example' | 'start' | 'count'>): RowPage | undefined {
	if (request.example >= entry.examples.length) {
		return undefined;
	}
	const a = entry.examples[request.example].analysis;
	const start = Math.min(request.start, a.length);
	const end = Math.min(a.length, start + Math.min(request.count, maxRowPage));
	const texts: string[] = [];
	for (let t = start; t < end; t++) {
		texts.push(a.text.slice(a.starts[t], a.ends[t]));
	}
	const labels = entry.examples[request.example].labels;
	return {
		analysisId: entry.id,
		example: request.example,
		start,
		texts,
		indices: Array.from(a.indices.subarray(start, end)),
		unknown: Array.from(a.unknown.subarray(start, end)),
		...(labels ? { labels: Array.from(labels.binary.subarray(start, end)), tags: labels.tags.slice(start, end) } : {}),
	};
}

/** The vocabulary entries of one-hot `columns` ('' outside the vocabulary). */
export function columnWords(entry: DocumentAnalysis, columns: readonly number[]): string[] {
	const vocabulary = entry.examples[0]?.analysis.vocabulary;
	return columns.slice(0, maxWordsRequest).map((c) => vocabulary?.entries[c] ?? '');
}

/** The distinct one-hot columns holding a 1 in `example` (null: in every example), ascending. */
export function usedColumns(entry: DocumentAnalysis, example: number | null): number[] {
	const examples = example === null ? entry.examples : entry.examples.slice(example, example + 1);
	const vocabulary = entry.examples[0]?.analysis.vocabulary;
	if (!vocabulary) {
		return [];
	}
	// One flag per column: O(T + |V|) once per request, then only the used columns cross.
	const seen = new Uint8Array(vocabulary.size);
	for (const ex of examples) {
		const { indices } = ex.analysis;
		for (let t = 0; t < indices.length; t++) {
			const c = indices[t] - vocabulary.base;
			if (c >= 0 && c < seen.length) {
				seen[c] = 1;
			}
		}
	}
	const used: number[] = [];
	for (let c = 0; c < seen.length; c++) {
		if (seen[c]) {
			used.push(c);
		}
	}
	return used;
}

/**
 * The one-hot column of `query`: a whole number is an index under the analysis's convention;
 * anything else is looked up as a word, normalised as the analysis normalised its tokens.
 */
export function findColumn(entry: DocumentAnalysis, query: string): number | null {
	const analysis = entry.examples[0]?.analysis;
	const text = query.trim();
	if (!analysis || text === '') {
		return null;
	}
	const vocabulary = analysis.vocabulary;
	if (/^\d+$/.test(text)) {
		const column = Number(text) - vocabulary.base;
		return column >= 0 && column < vocabulary.size ? column : null;
	}
	// An entry spelled exactly (`<UNK>`, `[PAD]`) first; then the word as its tokens were normalised.
	if (vocabulary.has(text)) {
		return vocabulary.lookup(text) - vocabulary.base;
	}
	const found = vocabulary.findSpan(text, 0, text.length, analysis.options);
	return found < 0 ? null : found;
}

/** Document offsets (UTF-16) of token `row` of `example`, or undefined when out of range. */
export function tokenOffsets(entry: DocumentAnalysis, example: number, row: number): { start: number; end: number } | undefined {
	const ex = entry.examples[example];
	if (!ex || row >= ex.analysis.length) {
		return undefined;
	}
	return { start: ex.offset + ex.analysis.starts[row], end: ex.offset + ex.analysis.ends[row] };
}
