/**
 * Runs the core on document text with the current settings and fills the store. Re-runs every
 * stored analysis when a setting that changes indices or tokens changes.
 */

import type * as vscode from 'vscode';
import { analyze, analysisSummary, analysisToRecord, type AnalyzeOptions } from '../core/analyze';
import { analyzeSteps } from '../core/analyzeSteps';
import { defaultVocabulary } from '../core/defaultVocabulary';
import type { DocumentAnalysisResult, ExampleRecord } from '../shared/api';
import { activeVocabulary } from './commands/vocabularyState';
import type { SequenceLensConfig } from './config';
import type { AnalysisStore, DocumentAnalysis, Example } from './editor/analysisStore';

/** A stretch of a document to analyse, in document offsets. */
export interface TextSpan {
	start: number;
	end: number;
}

export function analyzeOptions(config: SequenceLensConfig): AnalyzeOptions {
	return {
		tokenizer: config.tokenizer,
		lowercase: config.lowercase,
		// A loaded vocabulary keeps its own convention; the setting picks the built-in list only.
		vocabulary: activeVocabulary()?.vocabulary ?? defaultVocabulary(config.convention),
	};
}

export class Analyzer {
	constructor(
		private readonly store: AnalysisStore,
		private readonly getConfig: (scope?: vscode.ConfigurationScope) => SequenceLensConfig,
	) {}

	/** Analyses each span of `document` as one example and stores them together. */
	analyzeSpans(document: vscode.TextDocument, spans: readonly TextSpan[]): DocumentAnalysis {
		const options = analyzeOptions(this.getConfig(document));
		const text = document.getText();
		const examples: Example[] = spans.map((s) => ({ offset: s.start, analysis: analyze(text.slice(s.start, s.end), options) }));
		return this.store.set(document, examples);
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
		const options = analyzeOptions(this.getConfig(document));
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

	/** Re-runs every stored analysis whose document is still open and unchanged. */
	reanalyzeAll(documents: readonly vscode.TextDocument[]): void {
		for (const entry of this.store.all()) {
			const document = documents.find((d) => d.uri.toString() === entry.uri.toString());
			if (!document || document.version !== entry.version) {
				continue;
			}
			this.analyzeSpans(
				document,
				entry.examples.map((ex) => ({ start: ex.offset, end: ex.offset + ex.analysis.text.length })),
			);
		}
	}
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
