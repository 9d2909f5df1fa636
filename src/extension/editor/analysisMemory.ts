/**
 * Remembers, in the workspace's state, what is needed to run each stored analysis again after a
 * window reload: the document, the analysed ranges, a hash of their text and which vocabulary
 * numbered them. Never the tokens or indices (those are O(T) and are recomputed).
 */

import { createHash } from 'node:crypto';
import type * as vscode from 'vscode';
import type { Vocabulary } from '../../core/vocabulary';
import type { TextSpan } from '../analyzer';
import { Disposable } from '../util/dispose';
import type { AnalysisStore, DocumentAnalysis } from './analysisStore';

export const memoryKey = 'sequenceLens.analyses';
/** The most documents remembered; the oldest is forgotten first. */
const memoryLimit = 20;
/** Edits outside the analysed ranges shift them; write those after a pause, not per keystroke. */
const writeDelayMs = 500;

/** Which vocabulary numbered an analysis: its figures and a hash of its entries. */
export interface VocabularyIdentity {
	name: string;
	size: number;
	convention: string;
	base: number;
	unkIndex: number;
	entriesHash: string;
}

export interface RememberedAnalysis {
	uri: string;
	/** The examples' ranges, as document offsets. */
	spans: TextSpan[];
	/** SHA-256 of the ranges' text: a document changed while closed is not analysed at stale offsets. */
	textHash: string;
	vocabulary: VocabularyIdentity;
}

const identities = new WeakMap<Vocabulary, VocabularyIdentity>();

/** Hashing the entries costs O(|V|) once per vocabulary object, not once per analysis. */
export function vocabularyIdentity(vocabulary: Vocabulary): VocabularyIdentity {
	let identity = identities.get(vocabulary);
	if (!identity) {
		const hash = createHash('sha256');
		for (const entry of vocabulary.entries) {
			hash.update(entry);
			hash.update('\n');
		}
		identity = {
			name: vocabulary.name,
			size: vocabulary.size,
			convention: vocabulary.convention,
			base: vocabulary.base,
			unkIndex: vocabulary.unkIndex,
			entriesHash: hash.digest('hex'),
		};
		identities.set(vocabulary, identity);
	}
	return identity;
}

export function sameVocabulary(a: VocabularyIdentity, b: VocabularyIdentity): boolean {
	return a.entriesHash === b.entriesHash && a.size === b.size && a.convention === b.convention && a.base === b.base && a.unkIndex === b.unkIndex;
}

export function hashTexts(texts: readonly string[]): string {
	const hash = createHash('sha256');
	for (const text of texts) {
		hash.update(String(text.length));
		hash.update(':');
		hash.update(text);
	}
	return hash.digest('hex');
}

function remember(entry: DocumentAnalysis): RememberedAnalysis | undefined {
	const vocabulary = entry.examples[0]?.analysis.vocabulary;
	if (!vocabulary) {
		return undefined;
	}
	return {
		uri: entry.uri.toString(),
		spans: entry.examples.map((ex) => ({ start: ex.offset, end: ex.offset + ex.analysis.text.length })),
		textHash: hashTexts(entry.examples.map((ex) => ex.analysis.text)),
		vocabulary: vocabularyIdentity(vocabulary),
	};
}

function isSpan(value: unknown): value is TextSpan {
	const s = value as Partial<TextSpan> | null;
	return typeof s === 'object' && s !== null && Number.isInteger(s.start) && Number.isInteger(s.end) && (s.start as number) >= 0 && (s.end as number) >= (s.start as number);
}

function isIdentity(value: unknown): value is VocabularyIdentity {
	const v = value as Partial<VocabularyIdentity> | null;
	return (
		typeof v === 'object' &&
		v !== null &&
		typeof v.name === 'string' &&
		typeof v.convention === 'string' &&
		typeof v.entriesHash === 'string' &&
		Number.isInteger(v.size) &&
		Number.isInteger(v.base) &&
		Number.isInteger(v.unkIndex)
	);
}

/** The remembered analyses in `raw` (workspace state written by any version); malformed ones are skipped. */
export function parseMemory(raw: unknown): RememberedAnalysis[] {
	if (!Array.isArray(raw)) {
		return [];
	}
	return raw.filter((r): r is RememberedAnalysis => {
		const v = r as Partial<RememberedAnalysis> | null;
		return (
			typeof v === 'object' &&
			v !== null &&
			typeof v.uri === 'string' &&
			typeof v.textHash === 'string' &&
			Array.isArray(v.spans) &&
			v.spans.length > 0 &&
			v.spans.every(isSpan) &&
			isIdentity(v.vocabulary)
		);
	});
}

/** Keeps the workspace state in step with the store: a new analysis is remembered, a dropped one forgotten. */
export class AnalysisMemory extends Disposable {
	private readonly pending = new Set<string>();
	private timer: ReturnType<typeof setTimeout> | undefined;
	/** Entries read at activation that wait for their document; kept so a write does not drop them. */
	private waiting = new Map<string, RememberedAnalysis>();

	constructor(
		private readonly state: vscode.Memento,
		private readonly store: AnalysisStore,
	) {
		super();
		this._register(
			store.onDidChange((change) => {
				const key = change.uri.toString();
				this.waiting.delete(key);
				this.pending.add(key);
				// A new or dropped analysis is written at once (a reload may follow); a shift after a pause.
				if (change.reason === 'shifted') {
					this.schedule();
				} else {
					void this.flush();
				}
			}),
		);
		this._register({ dispose: () => clearTimeout(this.timer) });
	}

	/** What the previous window remembered. */
	read(): RememberedAnalysis[] {
		return parseMemory(this.state.get<unknown>(memoryKey));
	}

	/** Entries not yet restored: written back with the live ones until restored or given up. */
	keepWaiting(entries: readonly RememberedAnalysis[]): void {
		this.waiting = new Map(entries.map((e) => [e.uri, e]));
	}

	forget(uri: string): void {
		this.waiting.delete(uri);
		this.pending.add(uri);
		void this.flush();
	}

	private schedule(): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.flush(), writeDelayMs);
	}

	private async flush(): Promise<void> {
		clearTimeout(this.timer);
		this.timer = undefined;
		if (this.pending.size === 0 || this.isDisposed) {
			return;
		}
		this.pending.clear();
		const live = this.store
			.all()
			.map(remember)
			.filter((r): r is RememberedAnalysis => r !== undefined);
		const liveUris = new Set(live.map((r) => r.uri));
		const kept = [...this.waiting.values()].filter((r) => !liveUris.has(r.uri));
		await this.state.update(memoryKey, [...kept, ...live].slice(-memoryLimit));
	}
}
