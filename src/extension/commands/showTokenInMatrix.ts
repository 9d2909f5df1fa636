/**
 * Show in matrix (a hover link on every token): puts the time cursor on that token and opens
 * the matrix panel, which follows the time cursor to the token's row.
 */

import * as vscode from 'vscode';
import type { AnalysisStore } from '../editor/analysisStore';
import type { TimeCursor, TimeStepResult } from '../editor/timeCursor';
import { uriFromArgument } from '../util/uriArgument';
import type { MatrixPanel } from '../webview/matrixPanel';

export const showTokenInMatrixCommandId = 'sequenceLens.showTokenInMatrix';

/** What the hover link carries: the token by its place in one stored analysis. */
export interface TokenReference {
	uri: string;
	/** The stored analysis the hover was built from; a newer one may number tokens differently. */
	analysisId: number;
	/** 0-based example position. */
	example: number;
	/** 0-based row (t − 1). */
	row: number;
}

export function isTokenReference(value: unknown): value is TokenReference {
	const v = value as Partial<TokenReference> | null;
	return (
		typeof v === 'object' &&
		v !== null &&
		typeof v.uri === 'string' &&
		Number.isInteger(v.analysisId) &&
		Number.isInteger(v.example) &&
		Number.isInteger(v.row)
	);
}

function showTokenInMatrix(store: AnalysisStore, timeCursor: TimeCursor, matrix: () => MatrixPanel, argument: unknown): TimeStepResult | undefined {
	const uri = isTokenReference(argument) ? uriFromArgument(argument.uri) : undefined;
	const entry = uri ? store.getByUri(uri) : undefined;
	if (!isTokenReference(argument) || !entry || entry.id !== argument.analysisId) {
		void vscode.window.showInformationMessage(vscode.l10n.t('Sequence Lens: that analysis has changed since the hover was shown; hover the token again.'));
		return undefined;
	}
	matrix().show(entry);
	return timeCursor.set(entry, argument.example, argument.row);
}

export function registerShowTokenInMatrixCommand(store: AnalysisStore, timeCursor: TimeCursor, matrix: () => MatrixPanel): vscode.Disposable {
	return vscode.commands.registerCommand(showTokenInMatrixCommandId, (argument?: unknown) => showTokenInMatrix(store, timeCursor, matrix, argument));
}
