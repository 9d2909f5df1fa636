/**
 * Export…: writes the active analysis in one of the core's export formats through a save dialog.
 * Files are written atomically, and an existing file is only replaced after the save dialog
 * asked the user about it.
 */

import * as vscode from 'vscode';
import { uriFromArgument } from '../util/uriArgument';
import type { Analysis } from '../../core/analyze';
import { makeBatch } from '../../core/batch';
import { toConll } from '../../core/export/conll';
import { analysesToCsv, analysisToCsv } from '../../core/export/csv';
import { analysesToJson, analysisToJson, type JsonExample } from '../../core/export/json';
import { toHuggingFaceJsonl, LabelNameError } from '../../core/export/huggingFace';
import { toJsonlSpans } from '../../core/export/jsonlSpans';
import { indicesToNpy, oneHotToNpy } from '../../core/export/npy';
import { OneHotSizeError } from '../../core/oneHot';
import type { AnalysisStore, DocumentAnalysis, ExampleLabels } from '../editor/analysisStore';
import { labelsEnabled } from '../labels/labelService';
import { atomicWrite, exists } from '../fs/atomicWrite';
import { baseName } from '../util/uriName';

export const exportCommandId = 'sequenceLens.export';

export type ExportFormat = 'indices-npy' | 'onehot-npy' | 'csv' | 'json' | 'conll' | 'jsonl-spans' | 'hf-token-classification';
export const exportFormats: readonly ExportFormat[] = ['indices-npy', 'onehot-npy', 'csv', 'json', 'conll', 'jsonl-spans', 'hf-token-classification'];

/** The span and token-classification layouts carry nothing but labels, so they need them. */
class LabelsMissingError extends Error {}

export interface ExportResult {
	uri: string;
	format: ExportFormat;
	bytes: number;
}

export interface ExportFailure {
	error: string;
	format: ExportFormat;
}

interface FormatInfo {
	label: string;
	detail: string;
	extension: string;
	suffix: string;
}

function formatInfo(format: ExportFormat): FormatInfo {
	switch (format) {
		case 'indices-npy':
			return { label: vscode.l10n.t('Indices (.npy)'), detail: vscode.l10n.t('int32 array of shape (T_x,), or (m, T_x) padded for several examples'), extension: 'npy', suffix: '' };
		case 'onehot-npy':
			return { label: vscode.l10n.t('One-hot matrix (.npy)'), detail: vscode.l10n.t('uint8 array of shape (T_x, |V|); refused when it would be too large'), extension: 'npy', suffix: '_onehot' };
		case 'csv':
			return { label: 'CSV', detail: vscode.l10n.t('one row per token: t, token, offsets, index, column, unknown'), extension: 'csv', suffix: '' };
		case 'json':
			return { label: 'JSON', detail: vscode.l10n.t('the analysis with the convention it was numbered under'), extension: 'json', suffix: '' };
		case 'conll':
			return { label: 'CoNLL', detail: vscode.l10n.t('token and label per line, a blank line between examples'), extension: 'conll', suffix: '' };
		case 'jsonl-spans':
			return { label: vscode.l10n.t('JSONL entity spans'), detail: vscode.l10n.t('doccano / spaCy layout: one {"text", "label": [[start, end, type]]} per example, code-point offsets'), extension: 'jsonl', suffix: '_spans' };
		case 'hf-token-classification':
			return { label: vscode.l10n.t('Hugging Face token classification (JSONL)'), detail: vscode.l10n.t('tokens, ner_tags ids and label_names per example, as the conll2003 dataset'), extension: 'jsonl', suffix: '_ner' };
	}
}

function isExportFormat(value: unknown): value is ExportFormat {
	return typeof value === 'string' && (exportFormats as readonly string[]).includes(value);
}

/** The file content for `format`; one example gives the single-example layouts. */
export function exportBytes(entry: DocumentAnalysis, format: ExportFormat): Uint8Array {
	const examples: JsonExample[] = entry.examples.map((ex) => ({
		analysis: ex.analysis,
		offset: ex.offset,
		labels: ex.labels?.binary,
		tags: ex.labels?.tags,
	}));
	const analyses = entry.examples.map((ex) => ex.analysis);
	const single = examples.length === 1;
	const text = (s: string) => new TextEncoder().encode(s);
	switch (format) {
		case 'indices-npy':
			return indicesToNpy(single ? analyses[0] : makeBatch(analyses));
		case 'onehot-npy':
			return oneHotToNpy(single ? analyses[0] : makeBatch(analyses));
		case 'csv':
			return text(single ? analysisToCsv(examples[0].analysis, examples[0]) : analysesToCsv(examples));
		case 'json':
			return text(single ? analysisToJson(examples[0]) : analysesToJson(examples));
		case 'conll':
			return text(toConll(entry.examples.map((ex) => ({ analysis: ex.analysis, labels: ex.labels?.tags }))));
		case 'jsonl-spans':
			return text(toJsonlSpans(labelledExamples(entry).map(({ analysis, labels }) => ({ text: analysis.text, spans: labels.spans }))));
		case 'hf-token-classification':
			return text(
				toHuggingFaceJsonl(
					labelledExamples(entry).map(({ analysis, labels }) => ({
						tokens: Array.from({ length: analysis.length }, (_, t) => analysis.text.slice(analysis.starts[t], analysis.ends[t])),
						tags: labels.tags,
					})),
				),
			);
	}
}

/** Every example with its labels, or a LabelsMissingError saying why there are none. */
function labelledExamples(entry: DocumentAnalysis): { analysis: Analysis; labels: ExampleLabels }[] {
	return entry.examples.map((ex) => {
		if (!ex.labels) {
			throw new LabelsMissingError(
				labelsEnabled(entry.uri)
					? vscode.l10n.t('the named-entity labels of this analysis have not arrived yet; try again in a moment.')
					: vscode.l10n.t('this format holds named-entity labels, and labelling is off (setting “sequenceLens.labels.enabled”).'),
			);
		}
		return { analysis: ex.analysis, labels: ex.labels };
	});
}

function defaultTarget(entry: DocumentAnalysis, info: FormatInfo): vscode.Uri | undefined {
	const source = entry.uri;
	const base = baseName(source).replace(/\.[^.]*$/, '') || 'analysis';
	const folder =
		source.scheme === 'file' ? vscode.Uri.joinPath(source, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
	return folder ? vscode.Uri.joinPath(folder, `${base}${info.suffix}.${info.extension}`) : undefined;
}

async function exportCommand(store: AnalysisStore, target?: unknown, format?: unknown): Promise<ExportResult | ExportFailure | undefined> {
	const editor = vscode.window.activeTextEditor;
	const entry = (editor ? store.get(editor.document) : undefined) ?? store.latest();
	if (!entry) {
		void vscode.window.showInformationMessage(vscode.l10n.t('Sequence Lens: nothing to export yet. Tokenize a selection first, or run “Sequence Lens: Open Reference Example”.'));
		return undefined;
	}
	let chosen: ExportFormat | undefined = isExportFormat(format) ? format : undefined;
	if (!chosen) {
		const pick = await vscode.window.showQuickPick(
			exportFormats.map((id) => ({ ...formatInfo(id), id })),
			{ title: vscode.l10n.t('Export the analysis as') },
		);
		chosen = pick?.id;
	}
	if (!chosen) {
		return undefined;
	}
	const info = formatInfo(chosen);
	let uri = uriFromArgument(target);
	if (uri) {
		// No dialog asked about replacing it, so a scripted export never overwrites.
		if (await exists(uri)) {
			const error = vscode.l10n.t('{0} already exists; choose another file name (the save dialog asks before replacing a file).', uri.fsPath || uri.toString());
			void vscode.window.showErrorMessage(vscode.l10n.t('Sequence Lens: {0}', error));
			return { error, format: chosen };
		}
	} else {
		uri = await vscode.window.showSaveDialog({
			defaultUri: defaultTarget(entry, info),
			filters: { [info.label]: [info.extension] },
			title: vscode.l10n.t('Export {0}', info.label),
		});
	}
	if (!uri) {
		return undefined;
	}
	let bytes: Uint8Array;
	try {
		bytes = exportBytes(entry, chosen);
	} catch (error) {
		if (error instanceof OneHotSizeError || error instanceof RangeError || error instanceof LabelsMissingError || error instanceof LabelNameError) {
			void vscode.window.showErrorMessage(vscode.l10n.t('Sequence Lens: {0}', error.message));
			return { error: error.message, format: chosen };
		}
		throw error;
	}
	try {
		await atomicWrite(uri, bytes);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		void vscode.window.showErrorMessage(vscode.l10n.t('Sequence Lens: could not write {0}: {1}', uri.fsPath || uri.toString(), message));
		return { error: message, format: chosen };
	}
	void vscode.window.setStatusBarMessage(vscode.l10n.t('Sequence Lens: exported {0}', uri.fsPath || uri.toString()), 4000);
	return { uri: uri.toString(), format: chosen, bytes: bytes.length };
}

export function registerExportCommand(store: AnalysisStore): vscode.Disposable {
	return vscode.commands.registerCommand(exportCommandId, (target?: unknown, format?: unknown) => exportCommand(store, target, format));
}
