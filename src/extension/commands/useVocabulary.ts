/**
 * Making a saved vocabulary file the user's vocabulary: active now, and named by
 * `sequenceLens.vocabularyPath` so it stays active after a reload.
 */

import * as vscode from 'vscode';
import type { Vocabulary } from '../../core/vocabulary';
import type { VocabularyFormat } from '../../core/vocabularyFiles';
import { reportAnalysisError, type Analyzer } from '../analyzer';
import { configSection, readConfig } from '../config';
import { replaceVocabulary, setActiveVocabulary, type ActiveVocabulary } from './vocabularyState';

/** Makes `next` the active vocabulary of every folder (undefined: the built-in one) and re-renders every open analysis with it; a failing re-run (a bad pattern) is reported. */
export function switchVocabulary(analyzer: Analyzer, next: ActiveVocabulary | undefined): void {
	setActiveVocabulary(next);
	reanalyzeOpen(analyzer);
}

/** A new copy of a file in use replaces it where it is used (in every folder when it is in use nowhere yet). */
export function refreshVocabulary(analyzer: Analyzer, next: ActiveVocabulary): void {
	if (!replaceVocabulary(next)) {
		setActiveVocabulary(next);
	}
	reanalyzeOpen(analyzer);
}

export function reanalyzeOpen(analyzer: Analyzer): void {
	void analyzer.reanalyzeAll(vscode.workspace.textDocuments, reportAnalysisError);
}

/** The format a file name asks for: JSON (word → index) for .json, one token per line otherwise. */
export function vocabularyFormatFor(uri: vscode.Uri): VocabularyFormat {
	return /\.json$/i.test(uri.path) ? 'json-map' : 'text';
}

/**
 * Makes the saved vocabulary active now and across reloads: `vocabularyPath` names it (relative
 * to its folder when inside one) and, for a plain list whose numbering comes from the setting,
 * `convention` follows the one it was built with.
 */
export async function useAsVocabulary(analyzer: Analyzer, vocabulary: Vocabulary, uri: vscode.Uri): Promise<void> {
	switchVocabulary(analyzer, { vocabulary, uri });
	const folder = vscode.workspace.getWorkspaceFolder(uri);
	const config = vscode.workspace.getConfiguration(configSection, folder?.uri);
	const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
	if (vocabularyFormatFor(uri) === 'text' && readConfig(folder?.uri).convention !== vocabulary.convention) {
		await config.update('convention', vocabulary.convention, target);
	}
	const relative = folder ? uri.path.slice(folder.uri.path.length).replace(/^\/+/, '') : undefined;
	await config.update('vocabularyPath', relative || uri.fsPath, target);
}
