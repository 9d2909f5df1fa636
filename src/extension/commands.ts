/** Command ids and their handlers. Every handler returns plain JSON (docs/api.md, "Command API"). */

import * as vscode from 'vscode';
import { conventionIds, conventions, isConventionId, type ConventionId } from '../core/conventions';
import { referenceSentence } from '../core/reference';
import { TokenizerError } from '../core/tokenize';
import type { ClearResult, DocumentAnalysisResult, MatrixShownResult } from '../shared/api';
import { returnedTokenLimit, toResult, type Analyzer, type TextSpan } from './analyzer';
import { registerAddToVocabularyCommand } from './commands/addToVocabulary';
import { BuildPreviewProvider } from './commands/buildPreview';
import { registerBuildVocabularyCommand } from './commands/buildVocabulary';
import { registerExportCommand } from './commands/exportAnalysis';
import { registerVocabularyCommands } from './commands/loadVocabulary';
import { analyzeArguments, analyzeWithProgress, confirmSize, missingEditorReason, type AnalyzeArguments } from './commands/longAnalysis';
import { registerShowTokenInMatrixCommand } from './commands/showTokenInMatrix';
import { configSection, readConfig } from './config';
import type { AnalysisStore, DocumentAnalysis } from './editor/analysisStore';
import { rangeToOffsets } from './editor/convert';
import type { TimeCursor } from './editor/timeCursor';
import type { LiveMode } from './liveMode';
import type { MatrixPanel } from './webview/matrixPanel';

export const commandIds = {
	tokenizeSelection: 'sequenceLens.tokenizeSelection',
	showMatrix: 'sequenceLens.showMatrix',
	clear: 'sequenceLens.clear',
	openReferenceExample: 'sequenceLens.openReferenceExample',
	tokenizeDocument: 'sequenceLens.tokenizeDocument',
	copyAnalysis: 'sequenceLens.copyAnalysis',
	toggleLiveMode: 'sequenceLens.toggleLiveMode',
	chooseConvention: 'sequenceLens.chooseConvention',
	nextToken: 'sequenceLens.nextToken',
	previousToken: 'sequenceLens.previousToken',
	/** Not in the palette: returns the stored analysis of a document for scripts and tests. */
	getAnalysis: 'sequenceLens.getAnalysis',
} as const;

export interface CommandServices {
	store: AnalysisStore;
	analyzer: Analyzer;
	liveMode: LiveMode;
	timeCursor: TimeCursor;
	matrix: () => MatrixPanel;
}

const selectHint = () =>
	vscode.l10n.t('Sequence Lens: select some text in an editor first (for example a sentence), then run Tokenize Selection. Or run “Sequence Lens: Open Reference Example”.');

/** Says why there is no editor to act on: none open, or one VS Code withholds from extensions. */
async function noEditor(hint: string): Promise<undefined> {
	void vscode.window.showInformationMessage((await missingEditorReason()) ?? hint);
	return undefined;
}

async function tokenizeSelection(services: CommandServices, args: AnalyzeArguments = {}): Promise<DocumentAnalysisResult | undefined> {
	const editor = vscode.window.activeTextEditor;
	if (!editor) {
		return noEditor(selectHint());
	}
	const document = editor.document;
	const spans: TextSpan[] = editor.selections
		.filter((s) => !s.isEmpty)
		.map((s) => rangeToOffsets(document, s))
		.sort((a, b) => a.start - b.start);
	if (spans.length === 0) {
		void vscode.window.showInformationMessage(selectHint());
		return undefined;
	}
	return analyzeSpans(services, document, spans, args);
}

async function tokenizeDocument(services: CommandServices, args: AnalyzeArguments = {}): Promise<DocumentAnalysisResult | undefined> {
	const editor = vscode.window.activeTextEditor;
	if (!editor) {
		return noEditor(vscode.l10n.t('Sequence Lens: open a text editor first, then run Tokenize Document.'));
	}
	return analyzeSpans(services, editor.document, [{ start: 0, end: editor.document.getText().length }], args);
}

async function analyzeSpans(services: CommandServices, document: vscode.TextDocument, spans: TextSpan[], args: AnalyzeArguments): Promise<DocumentAnalysisResult | undefined> {
	let entry: DocumentAnalysis | undefined;
	try {
		if (!(await confirmSize(services.analyzer, document, spans, args))) {
			return undefined;
		}
		entry = await analyzeWithProgress(services.analyzer, document, spans, args);
	} catch (error) {
		if (error instanceof TokenizerError) {
			void vscode.window.showErrorMessage(vscode.l10n.t('Sequence Lens: {0}', error.message));
			return undefined;
		}
		throw error;
	}
	if (!entry) {
		return undefined;
	}
	if (entry.examples.every((ex) => ex.analysis.length === 0)) {
		void vscode.window.showInformationMessage(
			vscode.l10n.t('Sequence Lens: the selection has no tokens (T_x = 0) under the “{0}” tokenizer.', entry.examples[0].analysis.options.tokenizer ?? 'words'),
		);
	}
	return toResult(entry, returnedTokenLimit);
}

async function showMatrix(services: CommandServices): Promise<MatrixShownResult | undefined> {
	const editor = vscode.window.activeTextEditor;
	let entry = editor ? services.store.get(editor.document) : undefined;
	if (!entry && editor && editor.selections.some((s) => !s.isEmpty)) {
		// A selection but no analysis yet: analyse it first, so one command is enough.
		await tokenizeSelection(services);
		entry = services.store.get(editor.document);
	}
	entry ??= services.store.latest();
	if (!entry) {
		void vscode.window.showInformationMessage(selectHint());
		return undefined;
	}
	services.matrix().show(entry);
	const v = entry.examples[0]?.analysis.vocabulary;
	return {
		uri: entry.uri.toString(),
		version: entry.version,
		m: entry.examples.length,
		T_x: entry.examples.map((ex) => ex.analysis.length),
		V: v?.size ?? 0,
	};
}

function clear(services: CommandServices): ClearResult {
	const editor = vscode.window.activeTextEditor;
	if (editor && services.store.getByUri(editor.document.uri)) {
		services.store.delete(editor.document.uri, 'cleared');
		return { cleared: 1 };
	}
	return { cleared: services.store.clearAll() };
}

async function openReferenceExample(services: CommandServices): Promise<DocumentAnalysisResult | undefined> {
	// A named untitled document: reopening it after a close gives the same tab a clear title.
	const uri = vscode.Uri.from({ scheme: 'untitled', path: vscode.l10n.t('reference-example.txt') });
	const document = await vscode.workspace.openTextDocument(uri);
	const editor = await vscode.window.showTextDocument(document, { preview: false });
	if (document.getText() !== referenceSentence) {
		const all = new vscode.Range(new vscode.Position(0, 0), document.positionAt(document.getText().length));
		await editor.edit((edit) => edit.replace(all, referenceSentence));
	}
	editor.selection = new vscode.Selection(new vscode.Position(0, 0), document.positionAt(referenceSentence.length));
	return tokenizeSelection(services);
}

/** Sets `sequenceLens.convention` where it is already set (workspace over user), else for the user. */
async function chooseConvention(argument?: unknown): Promise<{ convention: ConventionId } | undefined> {
	let chosen: ConventionId | undefined = isConventionId(argument) ? argument : undefined;
	const config = vscode.workspace.getConfiguration(configSection);
	if (!chosen) {
		const current = readConfig().convention;
		const pick = await vscode.window.showQuickPick(
			conventionIds.map((id) => ({
				label: conventions[id].label,
				description: id === current ? vscode.l10n.t('current') : undefined,
				detail: conventions[id].description,
				id,
			})),
			{ title: vscode.l10n.t('Index convention'), placeHolder: vscode.l10n.t('How vocabulary indices, <PAD> and <UNK> are numbered') },
		);
		chosen = pick?.id;
	}
	if (!chosen) {
		return undefined;
	}
	const inspected = config.inspect('convention');
	const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
	await config.update('convention', chosen, target);
	return { convention: chosen };
}

function stepToken(services: CommandServices, delta: 1 | -1) {
	const result = services.timeCursor.move(delta);
	if (!result) {
		void vscode.window.showInformationMessage(selectHint());
	}
	return result;
}

type CopyFormat = 'json' | 'tsv';

/** Tab-separated rows, one per token, with the example number i first. */
export function analysisToTsv(result: DocumentAnalysisResult): string {
	const clean = (text: string) => text.replace(/[\t\r\n]/g, ' ');
	const lines = ['i\tt\ttext\tstart\tend\tindex\tcolumn\tunknown'];
	for (const x of result.examples) {
		for (const token of x.tokens) {
			lines.push([x.i, token.t, clean(token.text), token.start, token.end, token.index, token.column, token.unknown ? 1 : 0].join('\t'));
		}
	}
	return `${lines.join('\n')}\n`;
}

async function copyAnalysis(services: CommandServices, format?: unknown): Promise<{ format: CopyFormat; characters: number } | undefined> {
	const editor = vscode.window.activeTextEditor;
	const entry = editor ? services.store.get(editor.document) : services.store.latest();
	if (!entry) {
		void vscode.window.showInformationMessage(selectHint());
		return undefined;
	}
	let chosen: CopyFormat | undefined = format === 'json' || format === 'tsv' ? format : undefined;
	if (!chosen) {
		const pick = await vscode.window.showQuickPick(
			[
				{ label: 'JSON', description: vscode.l10n.t('the Command API result: examples, tokens, indices, offsets'), format: 'json' as const },
				{ label: 'TSV', description: vscode.l10n.t('one row per token: i, t, text, start, end, index, column, unknown'), format: 'tsv' as const },
			],
			{ title: vscode.l10n.t('Copy Analysis as') },
		);
		chosen = pick?.format;
	}
	if (!chosen) {
		return undefined;
	}
	const result = toResult(entry);
	const text = chosen === 'json' ? JSON.stringify(result, null, 2) : analysisToTsv(result);
	await vscode.env.clipboard.writeText(text);
	void vscode.window.setStatusBarMessage(vscode.l10n.t('Sequence Lens: analysis copied as {0}', chosen.toUpperCase()), 3000);
	return { format: chosen, characters: text.length };
}

function getAnalysis(services: CommandServices, uri?: unknown): DocumentAnalysisResult | undefined {
	let target: vscode.Uri | undefined;
	if (typeof uri === 'string') {
		try {
			target = vscode.Uri.parse(uri, true);
		} catch {
			return undefined;
		}
	} else if (uri instanceof vscode.Uri) {
		target = uri;
	} else {
		target = vscode.window.activeTextEditor?.document.uri;
	}
	if (!target) {
		return undefined;
	}
	const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
	const entry = document ? services.store.get(document) : undefined;
	return entry ? toResult(entry) : undefined;
}

export function registerCommands(services: CommandServices): vscode.Disposable[] {
	const buildPreview = new BuildPreviewProvider();
	return [
		// Menus pass the resource as an argument; the commands act on the active editor instead.
		vscode.commands.registerCommand(commandIds.tokenizeSelection, (argument?: unknown) => tokenizeSelection(services, analyzeArguments(argument))),
		vscode.commands.registerCommand(commandIds.showMatrix, () => showMatrix(services)),
		vscode.commands.registerCommand(commandIds.clear, () => clear(services)),
		vscode.commands.registerCommand(commandIds.openReferenceExample, () => openReferenceExample(services)),
		vscode.commands.registerCommand(commandIds.getAnalysis, (uri?: unknown) => getAnalysis(services, uri)),
		vscode.commands.registerCommand(commandIds.tokenizeDocument, (argument?: unknown) => tokenizeDocument(services, analyzeArguments(argument))),
		vscode.commands.registerCommand(commandIds.copyAnalysis, (format?: unknown) => copyAnalysis(services, format)),
		vscode.commands.registerCommand(commandIds.chooseConvention, (convention?: unknown) => chooseConvention(convention)),
		vscode.commands.registerCommand(commandIds.nextToken, () => stepToken(services, 1)),
		vscode.commands.registerCommand(commandIds.previousToken, () => stepToken(services, -1)),
		vscode.commands.registerCommand(commandIds.toggleLiveMode, () => {
			const liveMode = services.liveMode.toggle();
			void vscode.window.setStatusBarMessage(
				liveMode ? vscode.l10n.t('Sequence Lens: live mode on') : vscode.l10n.t('Sequence Lens: live mode off'),
				3000,
			);
			return { liveMode };
		}),
		...registerVocabularyCommands(services.analyzer),
		registerExportCommand(services.store),
		buildPreview,
		registerBuildVocabularyCommand(services.analyzer, buildPreview),
		registerAddToVocabularyCommand(services.analyzer),
		registerShowTokenInMatrixCommand(services.store, services.timeCursor, services.matrix),
	];
}
