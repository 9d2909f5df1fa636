/**
 * Analyses per document, tied to the document version they were computed for. An edit that
 * touches an analysed range drops the document's analysis at once; an edit elsewhere only shifts
 * the offsets of the examples after it, so they keep matching the text.
 */

import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import type { EntitySpan } from '../../core/ner/types';
import { Disposable } from '../util/dispose';

/** One analysed selection X^(i). */
export interface Example {
	/** Document offset of `analysis.text`; token offsets inside the analysis are relative to it. */
	offset: number;
	readonly analysis: Analysis;
	/** Named-entity labels, filled in after the indices by the LabelService (labels follow). */
	labels?: ExampleLabels;
}

/** Labels of one example, aligned to its tokens; span offsets index `analysis.text`. */
export interface ExampleLabels {
	readonly spans: readonly EntitySpan[];
	/** BIO tag per token. */
	readonly tags: readonly string[];
	/** y⟨t⟩: 1 for tokens inside a PER span. */
	readonly binary: Uint8Array;
}

export interface DocumentAnalysis {
	/** Unique per stored analysis; a replaced or re-rendered analysis gets a new id. */
	readonly id: number;
	readonly uri: vscode.Uri;
	version: number;
	/** In document order. */
	readonly examples: readonly Example[];
}

export type StoreChangeReason = 'set' | 'edited' | 'cleared' | 'closed' | 'shifted';

export interface StoreChange {
	readonly uri: vscode.Uri;
	readonly reason: StoreChangeReason;
}

export class AnalysisStore extends Disposable {
	private readonly entries = new Map<string, DocumentAnalysis>();
	private nextId = 1;
	/** The document analysed most recently, followed when no analysed editor is active. */
	private latestKey: string | undefined;
	private readonly changeEmitter = this._register(new vscode.EventEmitter<StoreChange>());
	readonly onDidChange = this.changeEmitter.event;
	// Separate from onDidChange so listeners that reset on a new analysis (time cursor) keep their state.
	private readonly labelsEmitter = this._register(new vscode.EventEmitter<DocumentAnalysis>());
	readonly onDidChangeLabels = this.labelsEmitter.event;

	constructor() {
		super();
		this._register(vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)));
		this._register(vscode.workspace.onDidCloseTextDocument((d) => this.delete(d.uri, 'closed')));
	}

	set(document: vscode.TextDocument, examples: Example[]): DocumentAnalysis {
		const sorted = [...examples].sort((a, b) => a.offset - b.offset);
		const entry: DocumentAnalysis = { id: this.nextId++, uri: document.uri, version: document.version, examples: sorted };
		const key = document.uri.toString();
		this.entries.set(key, entry);
		this.latestKey = key;
		this.changeEmitter.fire({ uri: document.uri, reason: 'set' });
		return entry;
	}

	/**
	 * Attaches labels to the examples of `entry` (undefined drops them). Ignored when `entry` was
	 * replaced or dropped meanwhile: its labels belong to text that is no longer analysed.
	 */
	setLabels(entry: DocumentAnalysis, labels: readonly (ExampleLabels | undefined)[]): boolean {
		if (this.entries.get(entry.uri.toString()) !== entry) {
			return false;
		}
		entry.examples.forEach((ex, k) => {
			ex.labels = labels[k];
		});
		this.labelsEmitter.fire(entry);
		return true;
	}

	/** The analysis of `document` when it still matches the document's version. */
	get(document: vscode.TextDocument): DocumentAnalysis | undefined {
		const entry = this.entries.get(document.uri.toString());
		return entry && entry.version === document.version ? entry : undefined;
	}

	getByUri(uri: vscode.Uri): DocumentAnalysis | undefined {
		return this.entries.get(uri.toString());
	}

	/** The most recently analysed document that still has an analysis. */
	latest(): DocumentAnalysis | undefined {
		return this.latestKey === undefined ? undefined : this.entries.get(this.latestKey);
	}

	all(): DocumentAnalysis[] {
		return [...this.entries.values()];
	}

	delete(uri: vscode.Uri, reason: StoreChangeReason = 'cleared'): boolean {
		const key = uri.toString();
		const existed = this.entries.delete(key);
		if (existed) {
			if (this.latestKey === key) {
				this.latestKey = undefined;
			}
			this.changeEmitter.fire({ uri, reason });
		}
		return existed;
	}

	clearAll(): number {
		const uris = this.all().map((e) => e.uri);
		for (const uri of uris) {
			this.delete(uri, 'cleared');
		}
		return uris.length;
	}

	private onEdit(event: vscode.TextDocumentChangeEvent): void {
		const entry = this.entries.get(event.document.uri.toString());
		if (!entry || event.contentChanges.length === 0) {
			return;
		}
		// Content changes refer to the text before the event and do not overlap, so each
		// example's shift is the sum of the length changes that end before it.
		const shifts = new Array<number>(entry.examples.length).fill(0);
		for (const change of event.contentChanges) {
			const from = change.rangeOffset;
			const to = change.rangeOffset + change.rangeLength;
			const delta = change.text.length - change.rangeLength;
			for (let k = 0; k < entry.examples.length; k++) {
				const ex = entry.examples[k];
				const exEnd = ex.offset + ex.analysis.text.length;
				// Touching an end counts: typing right after a token changes that token.
				if (from <= exEnd && to >= ex.offset) {
					this.delete(entry.uri, 'edited');
					return;
				}
				if (to < ex.offset) {
					shifts[k] += delta;
				}
			}
		}
		entry.examples.forEach((ex, k) => {
			ex.offset += shifts[k];
		});
		entry.version = event.document.version;
		this.changeEmitter.fire({ uri: entry.uri, reason: 'shifted' });
	}
}
