/**
 * Long analyses: above `sequenceLens.maxTokensBeforeAsking` tokens the user is asked first (a
 * cheap count without lookups decides), and long texts are analysed in steps under a progress
 * notification with Cancel. Also explains an editor that VS Code withholds (files over 50 MB).
 */

import * as vscode from 'vscode';
import type { Analyzer, TextSpan } from '../analyzer';
import { configSection } from '../config';
import type { DocumentAnalysis } from '../editor/analysisStore';
import { baseName } from '../util/uriName';

export const maxTokensSettingKey = 'maxTokensBeforeAsking';
export const defaultMaxTokensBeforeAsking = 100_000;

/** Above this many characters an analysis runs in steps with a progress notification. */
export const steppedAnalysisCharacters = 256 * 1024;

/** Answers for scripts and tests; the commands ask when they are missing. */
export interface AnalyzeArguments {
	/** Answers "analyse more than maxTokensBeforeAsking tokens?". */
	continueAboveLimit?: boolean;
	/** Stops a stepped analysis, as the notification's Cancel button does. */
	cancellation?: vscode.CancellationToken;
}

/** Command arguments as AnalyzeArguments; a menu's resource Uri is not one. */
export function analyzeArguments(argument: unknown): AnalyzeArguments {
	return typeof argument === 'object' && argument !== null && !(argument instanceof vscode.Uri) ? (argument as AnalyzeArguments) : {};
}

export function maxTokensBeforeAsking(scope: vscode.ConfigurationScope): number {
	const value = vscode.workspace.getConfiguration(configSection, scope).get<unknown>(maxTokensSettingKey);
	return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? value : defaultMaxTokensBeforeAsking;
}

/**
 * Whether to go on: true below the limit, else the user's (or the argument's) answer. The
 * count only runs when the text could hold more tokens than the limit (a token is at least one
 * character), and it tokenizes without looking anything up.
 */
export async function confirmSize(analyzer: Analyzer, document: vscode.TextDocument, spans: readonly TextSpan[], args: AnalyzeArguments): Promise<boolean> {
	const limit = maxTokensBeforeAsking(document);
	const characters = spans.reduce((n, s) => n + s.end - s.start, 0);
	if (characters <= limit) {
		return true;
	}
	const count = await analyzer.countTokens(document, spans);
	if (count <= limit) {
		return true;
	}
	if (args.continueAboveLimit !== undefined) {
		return args.continueAboveLimit;
	}
	const continueItem = vscode.l10n.t('Continue');
	const answer = await vscode.window.showWarningMessage(
		vscode.l10n.t('Analyse {0} tokens? That is more than the {1} of “sequenceLens.maxTokensBeforeAsking”.', count.toLocaleString(), limit.toLocaleString()),
		{ modal: true, detail: vscode.l10n.t('A long analysis takes a moment and memory; it shows its progress and can be cancelled. Decorations are drawn only near the visible lines.') },
		continueItem,
	);
	return answer === continueItem;
}

/**
 * Analyses `spans`: at once when short, else in steps under a cancellable progress
 * notification. Undefined when cancelled, or when the document closed or changed meanwhile.
 */
export async function analyzeWithProgress(
	analyzer: Analyzer,
	document: vscode.TextDocument,
	spans: readonly TextSpan[],
	args: AnalyzeArguments,
): Promise<DocumentAnalysis | undefined> {
	const characters = spans.reduce((n, s) => n + s.end - s.start, 0);
	if (characters <= steppedAnalysisCharacters && !args.cancellation?.isCancellationRequested) {
		return analyzer.analyzeSpans(document, spans);
	}
	const outcome = await vscode.window.withProgress(
		{ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Sequence Lens: analysing {0} characters', characters.toLocaleString()), cancellable: true },
		async (progress, token) => {
			// Either source stops it: the notification's Cancel or the caller's token.
			const either: vscode.CancellationToken = {
				get isCancellationRequested() {
					return token.isCancellationRequested || Boolean(args.cancellation?.isCancellationRequested);
				},
				onCancellationRequested: token.onCancellationRequested,
			};
			if (either.isCancellationRequested) {
				return 'cancelled' as const;
			}
			let reported = 0;
			return analyzer.analyzeSpansInSteps(
				document,
				spans,
				(done, total) => {
					const percent = Math.floor((done / Math.max(1, total)) * 100);
					if (percent > reported) {
						progress.report({ increment: percent - reported, message: `${percent}%` });
						reported = percent;
					}
				},
				either,
			);
		},
	);
	if (outcome === 'changed') {
		void vscode.window.showInformationMessage(vscode.l10n.t('Sequence Lens: the document changed while it was being analysed; run the command again.'));
	}
	// Cancelled: the user asked for it; closed: there is nothing left to show it on.
	return typeof outcome === 'string' ? undefined : outcome;
}

/**
 * Why there is no active text editor although a tab is open: VS Code does not hand documents
 * over 50 MB to extensions, and notebook or binary tabs have no text editor. Undefined when no
 * tab is open either.
 */
export async function missingEditorReason(): Promise<string | undefined> {
	const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
	if (!(input instanceof vscode.TabInputText)) {
		return undefined;
	}
	let size: number | undefined;
	try {
		size = (await vscode.workspace.fs.stat(input.uri)).size;
	} catch {
		size = undefined;
	}
	const name = baseName(input.uri);
	if (size !== undefined && size > 50 * 1024 * 1024) {
		return vscode.l10n.t('Sequence Lens: {0} is {1} MB. VS Code does not hand files over 50 MB to extensions, so it cannot be tokenized here. Copy the part you need into a new editor and tokenize that.', name, Math.round(size / (1024 * 1024)));
	}
	return vscode.l10n.t('Sequence Lens: the text of {0} is not available to extensions (VS Code withholds very large files). Copy the part you need into a new editor and tokenize that.', name);
}
