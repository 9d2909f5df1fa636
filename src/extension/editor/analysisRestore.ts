/**
 * After a window reload: runs the remembered analyses again, each as soon as its document is
 * open, and says which could not come back (document gone or changed, another vocabulary).
 */

import * as vscode from 'vscode';
import { analyzeOptions, type Analyzer } from '../analyzer';
import { settingVocabularyLoaded } from '../commands/vocabularyState';
import type { SequenceLensConfig } from '../config';
import { Disposable } from '../util/dispose';
import { displayName } from '../util/uriName';
import { hashTexts, sameVocabulary, vocabularyIdentity, type AnalysisMemory, type RememberedAnalysis } from './analysisMemory';
import type { AnalysisStore } from './analysisStore';

/** Why a remembered analysis was not run again, or undefined when it was. */
type Outcome = string | undefined;

function hasTab(uri: string): boolean {
	return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri));
}

export class AnalysisRestore extends Disposable {
	private readonly waiting = new Map<string, RememberedAnalysis>();
	/** Stops a restore still running when the extension is deactivated. */
	private readonly cancellation = this._register(new vscode.CancellationTokenSource());

	constructor(
		private readonly memory: AnalysisMemory,
		private readonly store: AnalysisStore,
		private readonly analyzer: Analyzer,
		private readonly getConfig: (scope?: vscode.ConfigurationScope) => SequenceLensConfig,
	) {
		super();
	}

	override dispose(): void {
		this.cancellation.cancel();
		super.dispose();
	}

	/** Restores what can be restored now and waits for the other documents to open. */
	async start(): Promise<void> {
		const remembered = this.memory.read();
		if (remembered.length === 0) {
			return;
		}
		for (const r of remembered) {
			this.waiting.set(r.uri, r);
		}
		this.memory.keepWaiting(remembered);
		// A vocabulary named by the settings is read at activation; the analyses used it.
		await settingVocabularyLoaded();
		if (this.isDisposed) {
			return;
		}
		this._register(
			vscode.workspace.onDidOpenTextDocument((document) => {
				void this.restoreOpened([document]);
			}),
		);
		await this.restoreOpened(vscode.workspace.textDocuments);
		await this.reportGone();
	}

	private async restoreOpened(documents: readonly vscode.TextDocument[]): Promise<void> {
		const problems: string[] = [];
		for (const document of documents) {
			const key = document.uri.toString();
			const remembered = this.waiting.get(key);
			if (!remembered) {
				continue;
			}
			this.waiting.delete(key);
			const problem = await this.restore(document, remembered);
			if (problem) {
				this.memory.forget(key);
				problems.push(problem);
			}
		}
		this.say(problems);
	}

	private async restore(document: vscode.TextDocument, remembered: RememberedAnalysis): Promise<Outcome> {
		const name = displayName(document.uri);
		if (this.store.get(document)) {
			// Analysed again by the user before the restore came round to it.
			return undefined;
		}
		const text = document.getText();
		const spans = remembered.spans;
		if (spans.some((s) => s.end > text.length) || hashTexts(spans.map((s) => text.slice(s.start, s.end))) !== remembered.textHash) {
			return vscode.l10n.t('{0} changed since it was analysed', name);
		}
		const vocabulary = analyzeOptions(this.getConfig(document), document.uri).vocabulary;
		if (!vocabulary || !sameVocabulary(vocabularyIdentity(vocabulary), remembered.vocabulary)) {
			return vscode.l10n.t('{0} was analysed with the vocabulary “{1}” ({2} entries), and another one is active now', name, remembered.vocabulary.name, remembered.vocabulary.size);
		}
		try {
			// In steps, so a large document does not hold the extension host at start-up.
			const result = await this.analyzer.analyzeSpansInSteps(document, spans, () => undefined, this.cancellation.token);
			if (result === 'changed') {
				return vscode.l10n.t('{0} changed while it was analysed', name);
			}
			return undefined;
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			return vscode.l10n.t('{0}: {1}', name, reason);
		}
	}

	/** Documents that no longer exist will never open: say so now instead of waiting for them. */
	private async reportGone(): Promise<void> {
		const problems: string[] = [];
		for (const [key, remembered] of [...this.waiting]) {
			const uri = vscode.Uri.parse(remembered.uri);
			// An untitled document lives only in its editor (hot exit brings it back): gone when no tab holds it.
			let gone = uri.scheme === 'untitled' && !hasTab(key);
			if (!gone && uri.scheme !== 'untitled') {
				try {
					await vscode.workspace.fs.stat(uri);
				} catch {
					gone = true;
				}
			}
			if (gone && this.waiting.delete(key)) {
				this.memory.forget(key);
				problems.push(vscode.l10n.t('{0} no longer exists', displayName(uri)));
			}
		}
		this.say(problems);
	}

	private say(problems: readonly string[]): void {
		if (problems.length > 0 && !this.isDisposed) {
			void vscode.window.showWarningMessage(
				vscode.l10n.t('Sequence Lens: could not restore the analysis after the reload: {0}. Tokenize it again to see it.', problems.join('; ')),
			);
		}
	}
}
