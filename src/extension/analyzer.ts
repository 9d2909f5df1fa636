/**
 * Runs the core on document text with the current settings and fills the store. Re-runs every
 * stored analysis when a setting that changes indices or tokens changes.
 */

import * as vscode from 'vscode';
import { analyze, analysisSummary, analysisToRecord, analyzeTokenSpans, type AnalyzeOptions } from '../core/analyze';
import { analyzeSteps } from '../core/analyzeSteps';
import { tokenSpans } from '../core/tokenize';
import { defaultVocabulary } from '../core/defaultVocabulary';
import type { DocumentAnalysisResult, ExampleRecord } from '../shared/api';
import { activeVocabulary } from './commands/vocabularyState';
import type { SequenceLensConfig } from './config';
import type { AnalysisStore, DocumentAnalysis, Example } from './editor/analysisStore';
import type { RegexGuard } from './regex/regexGuard';
import { DocumentChangedError } from './regex/documentChanged';

/** A stretch of a document to analyse, in document offsets. */
export interface TextSpan {
	start: number;
	end: number;
}

/** The analysis options of `config`, with the vocabulary of the folder holding `scope`. */
export function analyzeOptions(config: SequenceLensConfig, scope?: vscode.Uri): AnalyzeOptions {
	return {
		tokenizer: config.tokenizer,
		pattern: config.tokenizerPattern,
		keepApostrophes: config.keepApostrophes,
		keepHyphens: config.keepHyphens,
		lowercase: config.lowercase,
		unicodeForm: config.normalization,
		stripAccents: config.stripAccents,
		// A loaded vocabulary keeps its own convention and unknown token; the settings pick the built-in list only.
		vocabulary: activeVocabulary(scope)?.vocabulary ?? defaultVocabulary(config.convention, config.unknownToken || undefined),
	};
}

export class Analyzer {
	constructor(
		private readonly store: AnalysisStore,
		private readonly getConfig: (scope?: vscode.ConfigurationScope) => SequenceLensConfig,
		private readonly regexGuard?: RegexGuard,
	) {}

	/**
	 * Analyses each span of `document` as one example and stores them together. Synchronous
	 * except for the `regex` tokenizer, whose user pattern runs in a worker with a time limit;
	 * on any error the store keeps the previous analysis.
	 */
	async analyzeSpans(document: vscode.TextDocument, spans: readonly TextSpan[]): Promise<DocumentAnalysis> {
		const options = analyzeOptions(this.getConfig(document), document.uri);
		const text = document.getText();
		const guard = this.regexGuard;
		if (options.tokenizer !== 'regex' || !guard) {
			const examples: Example[] = spans.map((s) => ({ offset: s.start, analysis: analyze(text.slice(s.start, s.end), options) }));
			return this.store.set(document, examples);
		}
		const version = document.version;
		const pieces = spans.map((s) => text.slice(s.start, s.end));
		const found = await Promise.all(pieces.map((piece) => guard.spans(options.pattern ?? '', piece)));
		if (document.isClosed || document.version !== version) {
			throw new DocumentChangedError();
		}
		const examples: Example[] = spans.map((s, k) => ({ offset: s.start, analysis: analyzeTokenSpans(pieces[k], found[k], options) }));
		return this.store.set(document, examples);
	}

	/**
	 * How many tokens `spans` hold under the document's settings, without looking anything up.
	 * A user pattern is counted in its guarded worker, like every other run of it.
	 */
	async countTokens(document: vscode.TextDocument, spans: readonly TextSpan[]): Promise<number> {
		const options = analyzeOptions(this.getConfig(document), document.uri);
		const text = document.getText();
		const guard = this.regexGuard;
		const pieces = spans.map((s) => text.slice(s.start, s.end));
		const counts =
			options.tokenizer === 'regex' && guard
				? (await Promise.all(pieces.map((piece) => guard.spans(options.pattern ?? '', piece)))).map((found) => found.count)
				: pieces.map((piece) => tokenSpans(piece, options).count);
		return counts.reduce((n, c) => n + c, 0);
	}

	/**
	 * Like analyzeSpans, in pieces with a turn of the event loop between them, so a long analysis
	 * shows progress and can stop. Nothing is stored when it was cancelled, or when the document
	 * was closed or edited meanwhile (the result would belong to text that is gone).
	 */
	async analyzeSpansInSteps(
		document: vscode.TextDocument,
		spans: readonly TextSpan[],
		onProgress: (done: number, total: number) => void,
		token: vscode.CancellationToken,
	): Promise<DocumentAnalysis | 'cancelled' | 'closed' | 'changed'> {
		const options = analyzeOptions(this.getConfig(document), document.uri);
		if (options.tokenizer === 'regex' && this.regexGuard) {
			// A user pattern runs in its worker thread, which already keeps the host free.
			return this.analyzeSpans(document, spans);
		}
		const version = document.version;
		const text = document.getText();
		const total = spans.reduce((n, s) => n + s.end - s.start, 0);
		const examples: Example[] = [];
		let done = 0;
		for (const span of spans) {
			const steps = analyzeSteps(text.slice(span.start, span.end), options);
			for (let step = steps.next(); ; step = steps.next()) {
				if (step.done) {
					examples.push({ offset: span.start, analysis: step.value });
					break;
				}
				onProgress(done + step.value, total);
				await new Promise<void>((resolve) => setImmediate(resolve));
				if (token.isCancellationRequested) {
					return 'cancelled';
				}
				if (document.isClosed) {
					return 'closed';
				}
				if (document.version !== version) {
					return 'changed';
				}
			}
			done += span.end - span.start;
		}
		return this.store.set(document, examples);
	}

	/**
	 * Re-runs every stored analysis whose document is still open and unchanged. Resolves when all
	 * are done; one that fails (a bad pattern) keeps its previous analysis and is reported once.
	 */
	async reanalyzeAll(documents: readonly vscode.TextDocument[], onError?: (error: unknown) => void): Promise<void> {
		const runs: Promise<unknown>[] = [];
		for (const entry of this.store.all()) {
			const document = documents.find((d) => d.uri.toString() === entry.uri.toString());
			if (!document || document.version !== entry.version) {
				continue;
			}
			runs.push(this.analyzeSpans(document, entry.examples.map((ex) => ({ start: ex.offset, end: ex.offset + ex.analysis.text.length }))));
		}
		const failures = (await Promise.allSettled(runs)).filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		if (failures.length > 0) {
			onError?.(failures[0].reason);
		}
	}
}

/** Shows why a re-analysis failed (the previous analysis stays); used after setting changes. */
export function reportAnalysisError(error: unknown): void {
	const message = error instanceof Error ? error.message : String(error);
	void vscode.window.showErrorMessage(vscode.l10n.t('Sequence Lens: {0}', message));
}

/**
 * Most tokens a palette command returns in full. A command's result travels back to the
 * workbench as JSON even when nobody reads it, and a 1 MB document has about 230,000 tokens
 * (26 MB of JSON), so above this the tokens are left out and `getAnalysis` returns them.
 */
export const returnedTokenLimit = 10_000;

/** The JSON form of a stored analysis, as the commands return it. */
export function toResult(entry: DocumentAnalysis, tokenLimit = Infinity): DocumentAnalysisResult {
	const total = entry.examples.reduce((n, ex) => n + ex.analysis.length, 0);
	const omitTokens = total > tokenLimit;
	const examples: ExampleRecord[] = entry.examples.map((ex, k) => {
		const record = omitTokens
			? analysisSummary(ex.analysis)
			: analysisToRecord(ex.analysis, ex.offset, ex.labels?.binary, ex.labels?.tags);
		return { i: k + 1, start: ex.offset, end: ex.offset + ex.analysis.text.length, ...record };
	});
	const result: DocumentAnalysisResult = { uri: entry.uri.toString(), version: entry.version, m: examples.length, examples };
	if (omitTokens) {
		result.tokensOmitted = true;
	}
	return result;
}
