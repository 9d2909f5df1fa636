/**
 * What the webview holds of the shown analysis: the row pages it pulled, the words of the columns
 * it labelled and the used-column lists of the compact view. Everything arrives on request
 * through the typed protocol; nothing here is O(|V|) or O(T × |V|).
 */

import { maxWordsRequest, type MatrixSummary, type RowPage } from '../shared/protocol';
import type { Host } from './host';
import { pagesFor, rowPageSize } from './matrix/viewport';

export class MatrixData {
	private summary: MatrixSummary | null = null;
	private nextRequestId = 1;
	/** Pages by `${example}:${page}`. */
	private readonly pages = new Map<string, RowPage>();
	private readonly pendingPages = new Set<string>();
	private readonly words = new Map<number, string>();
	private readonly pendingWords = new Set<number>();
	/** Used columns by example, or 'all'. */
	private readonly compact = new Map<string, number[]>();
	private readonly pendingCompact = new Set<string>();

	constructor(private readonly host: Host) {}

	/** A new analysis: drops everything held for the previous one. */
	reset(summary: MatrixSummary | null): void {
		this.summary = summary;
		this.pages.clear();
		this.pendingPages.clear();
		this.words.clear();
		this.pendingWords.clear();
		this.compact.clear();
		this.pendingCompact.clear();
	}

	/**
	 * The same analysis again. Pages keep their indices, but when the labels changed their y⟨t⟩
	 * is stale: they are dropped and pulled again (only the visible ones are).
	 */
	update(summary: MatrixSummary): void {
		const stale = this.summary?.labelsVersion !== summary.labelsVersion;
		this.summary = summary;
		if (stale) {
			this.pages.clear();
			this.pendingPages.clear();
		}
	}

	/** y⟨t⟩, or undefined while unlabelled or loading. */
	label(example: number, t: number): number | undefined {
		const page = this.page(example, t);
		return page?.labels?.[t - page.start];
	}

	tag(example: number, t: number): string | undefined {
		const page = this.page(example, t);
		return page?.tags?.[t - page.start];
	}

	private page(example: number, t: number): RowPage | undefined {
		return this.pages.get(`${example}:${Math.floor(t / rowPageSize)}`);
	}

	index(example: number, t: number): number | undefined {
		const page = this.page(example, t);
		return page ? page.indices[t - page.start] : undefined;
	}

	unknown(example: number, t: number): boolean {
		const page = this.page(example, t);
		return page ? page.unknown[t - page.start] === 1 : false;
	}

	text(example: number, t: number): string | undefined {
		const page = this.page(example, t);
		return page ? page.texts[t - page.start] : undefined;
	}

	/** Pulls the pages covering rows [first, end) of `example` that are neither held nor asked for. */
	requestRows(example: number, first: number, end: number): void {
		if (!this.summary) {
			return;
		}
		for (const page of pagesFor({ first, end })) {
			const key = `${example}:${page}`;
			if (this.pages.has(key) || this.pendingPages.has(key)) {
				continue;
			}
			this.pendingPages.add(key);
			this.host.post({
				type: 'matrix/rowsRequest',
				requestId: this.nextRequestId++,
				analysisId: this.summary.analysisId,
				example,
				start: page * rowPageSize,
				count: rowPageSize,
			});
		}
	}

	/** Stores a page; false when it belongs to another analysis. */
	addPage(page: RowPage): boolean {
		if (!this.summary || page.analysisId !== this.summary.analysisId) {
			return false;
		}
		const key = `${page.example}:${Math.floor(page.start / rowPageSize)}`;
		this.pendingPages.delete(key);
		this.pages.set(key, page);
		return true;
	}

	word(column: number): string | undefined {
		return this.words.get(column);
	}

	/** Asks for the words of `columns` not yet held (the columns on screen). */
	requestWords(columns: readonly number[]): void {
		if (!this.summary) {
			return;
		}
		const missing = columns.filter((c) => !this.words.has(c) && !this.pendingWords.has(c));
		for (let k = 0; k < missing.length; k += maxWordsRequest) {
			const chunk = missing.slice(k, k + maxWordsRequest);
			chunk.forEach((c) => this.pendingWords.add(c));
			this.host.post({ type: 'matrix/wordsRequest', analysisId: this.summary.analysisId, columns: chunk });
		}
	}

	addWords(analysisId: number, columns: readonly number[], words: readonly string[]): boolean {
		if (!this.summary || analysisId !== this.summary.analysisId) {
			return false;
		}
		columns.forEach((c, k) => {
			this.pendingWords.delete(c);
			this.words.set(c, words[k] ?? '');
		});
		return true;
	}

	/** The used columns of `example` (null: of all examples), asking the host when not yet held. */
	usedColumns(example: number | null): number[] | undefined {
		const key = example === null ? 'all' : String(example);
		const held = this.compact.get(key);
		if (held || !this.summary) {
			return held;
		}
		if (!this.pendingCompact.has(key)) {
			this.pendingCompact.add(key);
			this.host.post({ type: 'matrix/compactRequest', requestId: this.nextRequestId++, analysisId: this.summary.analysisId, example });
		}
		return undefined;
	}

	addUsedColumns(analysisId: number, example: number | null, columns: number[]): boolean {
		if (!this.summary || analysisId !== this.summary.analysisId) {
			return false;
		}
		const key = example === null ? 'all' : String(example);
		this.pendingCompact.delete(key);
		this.compact.set(key, columns);
		return true;
	}

	/** Asks the host for the column of a word; the answer comes as `matrix/findResponse`. */
	find(query: string): number | undefined {
		if (!this.summary) {
			return undefined;
		}
		const requestId = this.nextRequestId++;
		this.host.post({ type: 'matrix/findColumn', requestId, analysisId: this.summary.analysisId, query });
		return requestId;
	}
}
