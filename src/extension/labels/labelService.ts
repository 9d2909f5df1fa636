/**
 * Owns the NER worker thread and labels stored analyses after their indices are shown. The
 * worker starts on the first request (never at activation), is restarted after a crash or a time
 * limit, and is terminated on dispose. A failure leaves the indices in place and says why once.
 */

import * as vscode from 'vscode';
import { alignEntities } from '../../core/ner/align';
import { applyCorrections, type LabelCorrection } from '../../core/ner/corrections';
import type { EntitySpan } from '../../core/ner/types';
import { configSection } from '../config';
import type { AnalysisStore, DocumentAnalysis, Example, ExampleLabels, StoreChange } from '../editor/analysisStore';
import { Disposable } from '../util/dispose';
import type { CorrectionStore } from './correctionStore';
import { externalTaggerSetting, readExternalTagger } from './externalSetting';
import { ExternalTaggerError, runExternalTagger } from './externalTagger';
import type { FromWorker, ToWorker } from './workerProtocol';
import { WorkerHost } from '../util/workerHost';

export const labelsEnabledKey = 'labels.enabled';

/** Loading compromise (~1 s on a busy machine) plus tagging at a generous rate for slow machines. */
export function timeLimitFor(textLength: number): number {
	return 20000 + textLength * 0.05;
}

export class LabelError extends Error {
	constructor(
		message: string,
		readonly cancelled = false,
	) {
		super(message);
	}
}

/** Texts longer than this show their progress in the status bar while they are labelled. */
const progressThreshold = 20000;

interface Pending {
	onProgress?: (done: number, total: number) => void;
	resolve: (spans: EntitySpan[]) => void;
	reject: (error: LabelError) => void;
	timer: ReturnType<typeof setTimeout>;
}

/** Timings of the last run, for the bench and the report in docs/ner.md. */
export interface LabelTimings {
	/** From `new Worker` to the tagger loaded in it, once per worker. */
	workerStartMs?: number;
	/** Round trip of the last request, host side. */
	lastRequestMs?: number;
	/** Tagging time of the last request inside the worker. */
	lastTagMs?: number;
}

export function labelsEnabled(scope?: vscode.ConfigurationScope): boolean {
	const value = vscode.workspace.getConfiguration(configSection, scope).get<unknown>(labelsEnabledKey);
	return typeof value === 'boolean' ? value : true;
}

export class LabelService extends Disposable {
	private readonly worker: WorkerHost<ToWorker, FromWorker>;
	private workerStartedAt = 0;
	private nextId = 1;
	private readonly pending = new Map<number, Pending>();
	/** Requests in flight per document, cancelled when a newer analysis replaces it. */
	private readonly inFlight = new Map<string, number[]>();
	readonly timings: LabelTimings = {};
	private warned = false;
	/** The automatic labels of each example, before corrections; what a correction is compared with. */
	private readonly automatic = new WeakMap<Example, ExampleLabels>();
	/** The labelling run of each stored analysis (by id) while it is running. */
	private readonly running = new Map<number, Promise<boolean>>();
	/** The last automatic labels per document, kept when an external tagger fails on a new analysis. */
	private readonly previous = new Map<string, { offset: number; text: string; spans: readonly EntitySpan[] }[]>();
	/** External tagger runs per document, stopped like worker requests when the analysis goes. */
	private readonly externalRuns = new Map<string, AbortController>();
	private warnedUntrusted = false;

	constructor(
		workerPath: string,
		private readonly store: AnalysisStore,
		private readonly corrections: CorrectionStore,
		/** Labels that come with the document (an opened CoNLL file): used instead of a tagger. */
		private readonly goldSpans: (uri: vscode.Uri) => readonly EntitySpan[] | undefined = () => undefined,
	) {
		super();
		this.worker = new WorkerHost(workerPath, {
			onStart: () => {
				this.workerStartedAt = performance.now();
			},
			onMessage: (message) => this.onWorkerMessage(message),
			onCrash: (cause) =>
				this.stopWorker(
					new LabelError(
						'error' in cause ? vscode.l10n.t('the tagger failed: {0}', cause.error.message) : vscode.l10n.t('the tagger stopped (exit code {0})', cause.exitCode),
					),
				),
		});
		this._register(store.onDidChange((change) => this.onStoreChange(change)));
		this._register(
			corrections.onDidChange((uri) => {
				const entry = store.getByUri(uri);
				if (entry && labelsEnabled(entry.uri)) this.publish(entry);
			}),
		);
		this._register(
			vscode.workspace.onDidChangeConfiguration((event) => {
				if (
					event.affectsConfiguration(`${configSection}.${labelsEnabledKey}`) ||
					event.affectsConfiguration(`${configSection}.${externalTaggerSetting.command}`) ||
					event.affectsConfiguration(`${configSection}.${externalTaggerSetting.timeout}`)
				) {
					for (const entry of store.all()) {
						if (labelsEnabled(entry.uri)) {
							void this.labelEntry(entry);
						} else {
							this.cancelDocument(entry.uri.toString());
							store.setLabels(entry, []);
						}
					}
				}
			}),
		);
		// The external tagger is only run in trusted workspaces: trusting one relabels with it.
		this._register(
			vscode.workspace.onDidGrantWorkspaceTrust(() => {
				for (const entry of store.all()) {
					if (labelsEnabled(entry.uri) && readExternalTagger(entry.uri)) void this.labelEntry(entry);
				}
			}),
		);
		this._register({ dispose: () => this.stopWorker(new LabelError('Sequence Lens is shutting down.', true)) });
	}

	private onStoreChange(change: StoreChange): void {
		const key = change.uri.toString();
		if (change.reason === 'shifted') {
			return;
		}
		this.cancelDocument(key);
		if (change.reason === 'closed') {
			this.previous.delete(key);
		}
		if (change.reason === 'set') {
			const entry = this.store.getByUri(change.uri);
			if (entry && labelsEnabled(entry.uri)) {
				void this.labelEntry(entry);
			}
		}
	}

	/** Resolves when the labelling run of `entry` (if one is running) has finished. */
	async whenLabelled(entry: DocumentAnalysis): Promise<void> {
		await this.running.get(entry.id);
	}

	/** The automatic (tagger) labels of an example, before corrections; undefined before they arrive. */
	automaticLabels(example: Example): ExampleLabels | undefined {
		return this.automatic.get(example);
	}

	/**
	 * Stores the labels of `entry`: the automatic ones with the document's corrections applied.
	 * An example with neither has no labels.
	 */
	publish(entry: DocumentAnalysis): boolean {
		const list = this.corrections.list(entry.uri);
		return this.store.setLabels(
			entry,
			entry.examples.map((ex) => composeLabels(ex, this.automatic.get(ex), list)),
		);
	}

	/** Labels every example of `entry` and stores the result; false when it was cancelled or failed. */
	labelEntry(entry: DocumentAnalysis): Promise<boolean> {
		const run = this.runLabelling(entry).finally(() => {
			if (this.running.get(entry.id) === run) this.running.delete(entry.id);
		});
		this.running.set(entry.id, run);
		return run;
	}

	private async runLabelling(entry: DocumentAnalysis): Promise<boolean> {
		const key = entry.uri.toString();
		const total = entry.examples.reduce((n, ex) => n + ex.analysis.text.length, 0);
		const gold = this.goldSpans(entry.uri);
		const external = gold ? undefined : this.externalTagger(entry.uri);
		const run = async (report?: (done: number) => void) => {
			const labels: ExampleLabels[] = [];
			let before = 0;
			for (const ex of entry.examples) {
				const a = ex.analysis;
				const base = before;
				let spans: EntitySpan[] = [];
				if (gold) {
					const end = ex.offset + a.text.length;
					spans = gold
						.filter((s) => s.start >= ex.offset && s.end <= end)
						.map((s) => ({ ...s, start: s.start - ex.offset, end: s.end - ex.offset }));
				} else if (a.length > 0) {
					spans = external
						? await this.labelExternally(a.text, key, external)
						: await this.label(a.text, key, report && ((done) => report(base + done)));
				}
				before += a.text.length;
				const { tags, binary } = alignEntities(spans, a.starts, a.ends);
				labels.push({ spans, tags, binary });
			}
			await this.corrections.ensureLoaded(entry.uri);
			entry.examples.forEach((ex, k) => this.automatic.set(ex, labels[k]));
			this.previous.set(
				key,
				entry.examples.map((ex, k) => ({ offset: ex.offset, text: ex.analysis.text, spans: labels[k].spans })),
			);
			return this.publish(entry);
		};
		try {
			if (total < progressThreshold) {
				return await run();
			}
			return await vscode.window.withProgress(
				{ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Sequence Lens: labelling named entities'), cancellable: true },
				(progress, token) => {
					token.onCancellationRequested(() => this.cancelDocument(key));
					let shown = 0;
					return run((done) => {
						const percent = Math.floor((100 * done) / total);
						if (percent > shown) {
							progress.report({ increment: percent - shown, message: `${percent} %` });
							shown = percent;
						}
					});
				},
			);
		} catch (error) {
			if ((error instanceof LabelError || error instanceof ExternalTaggerError) && error.cancelled) {
				return false;
			}
			if (error instanceof ExternalTaggerError) {
				void vscode.window.showErrorMessage(
					vscode.l10n.t('Sequence Lens: the external tagger failed: {0}. The previous labels stay.', error.message),
				);
				await this.keepPrevious(entry);
				return false;
			}
			const message = error instanceof Error ? error.message : String(error);
			// Once per session: a broken tagger should not raise a notification on every selection.
			if (!this.warned) {
				this.warned = true;
				void vscode.window.showWarningMessage(
					vscode.l10n.t('Sequence Lens: named-entity labels are not available ({0}). Indices are shown without labels.', message),
				);
			}
			return false;
		}
	}

	/** The external tagger to use for `uri`: set, and the workspace trusted. */
	private externalTagger(uri: vscode.Uri) {
		const setting = readExternalTagger(uri);
		if (setting && !vscode.workspace.isTrusted) {
			if (!this.warnedUntrusted) {
				this.warnedUntrusted = true;
				void vscode.window.showInformationMessage(
					vscode.l10n.t('Sequence Lens: the external tagger (sequenceLens.labels.externalCommand) runs only in a trusted workspace; the built-in tagger labels here.'),
				);
			}
			return undefined;
		}
		return setting;
	}

	private async labelExternally(text: string, key: string, setting: { command: string[]; timeoutMs: number }): Promise<EntitySpan[]> {
		const controller = new AbortController();
		this.externalRuns.get(key)?.abort();
		this.externalRuns.set(key, controller);
		const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
		try {
			return await runExternalTagger(text, { ...setting, cwd: folder?.uri.fsPath, signal: controller.signal });
		} finally {
			if (this.externalRuns.get(key) === controller) this.externalRuns.delete(key);
		}
	}

	/**
	 * After a failed run, an example keeps the automatic labels it had, or those of the same
	 * text at the same place in the document's previous analysis (re-aligned to its tokens).
	 */
	private async keepPrevious(entry: DocumentAnalysis): Promise<void> {
		const previous = this.previous.get(entry.uri.toString()) ?? [];
		for (const ex of entry.examples) {
			if (this.automatic.has(ex)) continue;
			const match = previous.find((p) => p.offset === ex.offset && p.text === ex.analysis.text);
			if (match) {
				const { tags, binary } = alignEntities(match.spans, ex.analysis.starts, ex.analysis.ends);
				this.automatic.set(ex, { spans: match.spans, tags, binary });
			}
		}
		await this.corrections.ensureLoaded(entry.uri);
		this.publish(entry);
	}

	/** Entity spans of `text` from the worker; offsets index `text`. */
	label(text: string, documentKey?: string, onProgress?: (done: number, total: number) => void): Promise<EntitySpan[]> {
		const id = this.nextId++;
		const limit = timeLimitFor(text.length);
		return new Promise<EntitySpan[]>((resolve, reject) => {
			// Sent first: a worker that cannot start fails this call and leaves nothing pending.
			this.worker.post({ type: 'label', id, text });
			const sent = performance.now();
			const timer = setTimeout(() => {
				// A worker past its limit may be stuck in one long synchronous step: only a restart frees it.
				this.stopWorker(new LabelError(vscode.l10n.t('the tagger took longer than {0} s', Math.round(limit / 1000))));
			}, limit);
			this.pending.set(id, {
				onProgress,
				resolve: (spans) => {
					this.timings.lastRequestMs = performance.now() - sent;
					resolve(spans);
				},
				reject,
				timer,
			});
			if (documentKey) {
				this.inFlight.set(documentKey, [...(this.inFlight.get(documentKey) ?? []), id]);
			}
		}).finally(() => {
			if (documentKey) {
				const left = (this.inFlight.get(documentKey) ?? []).filter((x) => x !== id);
				if (left.length) this.inFlight.set(documentKey, left);
				else this.inFlight.delete(documentKey);
			}
		});
	}

	private cancelDocument(key: string): void {
		this.externalRuns.get(key)?.abort();
		this.externalRuns.delete(key);
		for (const id of this.inFlight.get(key) ?? []) {
			this.worker.postIfRunning({ type: 'cancel', id });
			this.settle(id, undefined, new LabelError('cancelled', true));
		}
		this.inFlight.delete(key);
	}

	private settle(id: number, spans: EntitySpan[] | undefined, error?: LabelError): void {
		const p = this.pending.get(id);
		if (!p) return;
		this.pending.delete(id);
		clearTimeout(p.timer);
		if (error) p.reject(error);
		else p.resolve(spans ?? []);
	}

	private onWorkerMessage(message: FromWorker): void {
		switch (message.type) {
			case 'ready':
				this.timings.workerStartMs = performance.now() - this.workerStartedAt;
				break;
			case 'result':
				this.timings.lastTagMs = message.tagMs;
				this.settle(message.id, message.spans);
				break;
			case 'error':
				this.settle(message.id, undefined, new LabelError(message.message, message.cancelled));
				break;
			case 'progress':
				this.pending.get(message.id)?.onProgress?.(message.done, message.total);
				break;
		}
	}

	private stopWorker(reason: LabelError): void {
		this.worker.terminate();
		for (const id of [...this.pending.keys()]) {
			this.settle(id, undefined, reason);
		}
		this.inFlight.clear();
	}
}

/** One example's labels: the automatic ones under the corrections that fall in its text. */
function composeLabels(example: Example, automatic: ExampleLabels | undefined, corrections: readonly LabelCorrection[]): ExampleLabels | undefined {
	const a = example.analysis;
	const from = example.offset;
	const to = example.offset + a.text.length;
	if (!corrections.some((c) => !c.detached && c.end > from && c.start < to)) {
		return automatic;
	}
	const { tags, binary, spans } = applyCorrections(a.text, from, a.starts, a.ends, automatic?.tags ?? [], automatic?.spans ?? [], corrections);
	return { tags, binary, spans };
}
