/**
 * Hosts the one-hot matrix webview: answers its typed requests, follows the active analysis and
 * links the editor cursor to a row. Only O(T) data crosses: indices, unk flags and token texts.
 */

import * as vscode from 'vscode';
import { conventions } from '../../core/conventions';
import { assertNever } from '../../shared/assertNever';
import {
	labelHeadLength,
	parseFromWebview,
	PROTOCOL_VERSION,
	rowPageSize,
	type CodeFlavour,
	type FromWebview,
	type MatrixSummary,
	type PanelState,
	type RowsRequestMessage,
	type RevealTokenMessage,
	type SummaryMessage,
	type ToggleLabelMessage,
	type ToWebview,
} from '../../shared/protocol';
import type { AnalysisStore, DocumentAnalysis } from '../editor/analysisStore';
import { offsetsToRange, positionToOffset } from '../editor/convert';
import { locateToken } from '../editor/hoverProvider';
import type { TimeCursor, TimeStep } from '../editor/timeCursor';
import { Disposable } from '../util/dispose';
import { codeSnippet } from './codeSnippet';
import { matrixHtml } from './html';
import { exportCommandId } from '../commands/exportAnalysis';
import { labelCommandIds } from '../labels/labelCommands';
import { columnWords, findColumn, rowPage, tokenOffsets, usedColumns } from './panelAnswers';
import { displayName } from '../util/uriName';

export const matrixViewType = 'sequenceLens.matrix';


export function summarize(entry: DocumentAnalysis, labelsVersion = 0): MatrixSummary {
	const first = entry.examples[0]?.analysis;
	const v = first?.vocabulary;
	return {
		analysisId: entry.id,
		labelsVersion,
		documentName: displayName(entry.uri),
		documentUri: entry.uri.toString(),
		V: v?.size ?? 0,
		base: v?.base ?? 0,
		unkIndex: v?.unkIndex ?? 0,
		unkToken: v?.unkToken ?? '',
		padIndex: v?.padIndex ?? null,
		convention: v?.convention ?? 'course',
		conventionLabel: v ? conventions[v.convention].label : '',
		vocabulary: v?.name ?? '',
		...(v?.kind === 'subword'
			? { vocabularyNote: vscode.l10n.t('subword vocabulary: whole words looked up, not pieces') }
			: {}),
		examples: entry.examples.map((ex, k) => ({
			i: k + 1,
			T_x: ex.analysis.length,
			unknownCount: ex.analysis.unknownCount,
			...(ex.labels ? { labelled: true as const, labelHead: Array.from(ex.labels.binary.subarray(0, labelHeadLength)) } : {}),
		})),
	};
}

export class MatrixPanel extends Disposable {
	private panel: vscode.WebviewPanel | undefined;
	private panelDisposables: vscode.Disposable[] = [];
	/** The analysis the panel shows; undefined before the first one or after it was dropped. */
	private shown: DocumentAnalysis | undefined;
	private ready = false;
	/** Counts label changes, so the webview knows its pages' labels went stale. */
	private labelsVersion = 0;
	/** The summary put into the panel's HTML; a webview (re)loading that HTML starts from it. */
	private embedded: { analysisId: number; labelsVersion: number } | undefined;

	constructor(
		private readonly extensionUri: vscode.Uri,
		private readonly store: AnalysisStore,
		private readonly timeCursor: TimeCursor,
	) {
		super();
		this._register(
			timeCursor.onDidMove((step) => {
				this.postHighlight(step);
			}),
		);
		this._register(store.onDidChange(() => this.follow()));
		// Labels arrive after the indices: the same analysis, sent again with its y row.
		this._register(
			store.onDidChangeLabels((entry) => {
				if (entry === this.shown) {
					this.labelsVersion++;
					this.postSummary();
				}
			}),
		);
		this._register(vscode.window.onDidChangeActiveTextEditor(() => this.follow()));
		this._register(vscode.window.onDidChangeTextEditorSelection((e) => this.onSelection(e)));
	}

	get isOpen(): boolean {
		return this.panel !== undefined;
	}

	/** Opens (or reveals) the panel on `entry`. */
	show(entry: DocumentAnalysis): void {
		this.shown = entry;
		if (this.panel) {
			this.panel.reveal(undefined, true);
			this.postSummary();
			return;
		}
		const panel = vscode.window.createWebviewPanel(
			matrixViewType,
			vscode.l10n.t('One-Hot Matrix'),
			{ viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
			this.webviewOptions(),
		);
		this.attach(panel);
	}

	/**
	 * Takes over a panel VS Code restored after a window reload (the panel serializer). The
	 * analyses live in memory and are gone after a reload, so it shows the document's analysis
	 * when that document was analysed again, else the latest one, else the empty message; the
	 * webview keeps its view, zoom and scroll from the saved state.
	 */
	restore(panel: vscode.WebviewPanel, state: PanelState | undefined): void {
		if (this.panel) {
			// Only one matrix panel: a second restored one is closed.
			panel.dispose();
			return;
		}
		const byUri = state ? this.store.getByUri(vscode.Uri.parse(state.documentUri)) : undefined;
		this.shown = byUri ?? this.store.latest();
		panel.webview.options = this.webviewOptions();
		this.attach(panel);
	}

	private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
		return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')] };
	}

	private attach(panel: vscode.WebviewPanel): void {
		panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
		this.panel = panel;
		this.ready = false;
		this.panelDisposables = [
			panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
			panel.onDidDispose(() => this.onPanelDisposed()),
			// A hidden webview is torn down (no retainContextWhenHidden); it says ready again.
			panel.onDidChangeViewState(() => {
				if (!panel.visible) {
					this.ready = false;
				}
			}),
		];
		const initial = this.summaryMessage();
		this.embedded = this.shown ? { analysisId: this.shown.id, labelsVersion: this.labelsVersion } : undefined;
		panel.webview.html = matrixHtml(panel.webview, this.extensionUri, vscode.l10n.t('One-Hot Matrix'), this.shown ? initial : undefined);
	}

	override dispose(): void {
		this.panel?.dispose();
		super.dispose();
	}

	private onPanelDisposed(): void {
		this.panelDisposables.forEach((d) => d.dispose());
		this.panelDisposables = [];
		this.panel = undefined;
		this.ready = false;
	}

	/** Picks what the open panel should show: the active editor's analysis, else the one shown, else the latest. */
	private follow(): void {
		if (!this.panel) {
			return;
		}
		const editor = vscode.window.activeTextEditor;
		const active = editor ? this.store.get(editor.document) : undefined;
		const current = this.shown ? this.store.getByUri(this.shown.uri) : undefined;
		const next = active ?? current ?? this.store.latest();
		if (next !== this.shown) {
			this.shown = next;
			this.postSummary();
		}
	}

	private post(message: ToWebview): void {
		if (this.panel && this.ready) {
			void this.panel.webview.postMessage(message);
		}
	}

	private postHighlight(step: TimeStep | undefined): void {
		if (step && this.shown && step.analysisId === this.shown.id) {
			this.post({ type: 'matrix/highlight', analysisId: step.analysisId, example: step.example, row: step.row });
		}
	}

	private summaryMessage(): SummaryMessage {
		const entry = this.shown;
		const firstPage = entry ? rowPage(entry, { example: 0, start: 0, count: rowPageSize }) : undefined;
		return {
			type: 'matrix/summary',
			protocolVersion: PROTOCOL_VERSION,
			summary: entry ? summarize(entry, this.labelsVersion) : null,
			...(firstPage ? { firstPage } : {}),
		};
	}

	private postSummary(): void {
		if (this.panel && this.ready) {
			this.post(this.summaryMessage());
		}
	}

	private onMessage(raw: unknown): void {
		const message: FromWebview | undefined = parseFromWebview(raw);
		if (!message) {
			return;
		}
		switch (message.type) {
			case 'webview/ready':
				this.ready = true;
				// The HTML already carried this summary; a webview reloaded after a hide, or one
				// whose analysis changed since, gets the current one.
				if (!(this.shown && this.embedded?.analysisId === this.shown.id && this.embedded.labelsVersion === this.labelsVersion)) {
					this.postSummary();
				}
				// A panel opened by Show in matrix starts on the time cursor's row.
				this.postHighlight(this.timeCursor.step);
				break;
			case 'matrix/rowsRequest':
				this.answerRows(message);
				break;
			case 'editor/revealToken':
				void this.revealToken(message);
				break;
			case 'matrix/wordsRequest':
				if (this.shown?.id === message.analysisId) {
					this.post({ type: 'matrix/wordsResponse', analysisId: message.analysisId, columns: message.columns, words: columnWords(this.shown, message.columns) });
				}
				break;
			case 'matrix/compactRequest':
				if (this.shown?.id === message.analysisId && (message.example === null || message.example < this.shown.examples.length)) {
					this.post({
						type: 'matrix/compactResponse',
						requestId: message.requestId,
						analysisId: message.analysisId,
						example: message.example,
						columns: usedColumns(this.shown, message.example),
					});
				}
				break;
			case 'matrix/findColumn':
				if (this.shown?.id === message.analysisId) {
					this.post({
						type: 'matrix/findResponse',
						requestId: message.requestId,
						analysisId: message.analysisId,
						query: message.query,
						column: findColumn(this.shown, message.query),
					});
				}
				break;
			case 'labels/toggle':
				void this.toggleLabel(message);
				break;
			case 'host/export':
				void vscode.commands.executeCommand(exportCommandId);
				break;
			case 'host/copyCode':
				void this.copyCode(message.flavour);
				break;
			default:
				assertNever(message);
		}
	}

	private answerRows(request: RowsRequestMessage): void {
		const entry = this.shown;
		const page = entry && entry.id === request.analysisId ? rowPage(entry, request) : undefined;
		if (page) {
			this.post({ type: 'matrix/rowsResponse', requestId: request.requestId, page });
		}
	}

	/** Hands the toggle to the labels feature's command, with the token's document offsets. */
	private async toggleLabel(message: ToggleLabelMessage): Promise<void> {
		const entry = this.shown;
		const offsets = entry && entry.id === message.analysisId ? tokenOffsets(entry, message.example, message.row) : undefined;
		if (!entry || !offsets) {
			return;
		}
		try {
			await vscode.commands.executeCommand(labelCommandIds.toggleLabel, { uri: entry.uri.toString(), start: offsets.start, end: offsets.end });
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			void vscode.window.showErrorMessage(vscode.l10n.t('Sequence Lens: could not change the label: {0}', reason));
		}
	}

	private async copyCode(flavour: CodeFlavour): Promise<void> {
		const entry = this.shown;
		const vocabulary = entry?.examples[0]?.analysis.vocabulary;
		if (!entry || !vocabulary) {
			return;
		}
		const text = codeSnippet(flavour, {
			examples: entry.examples.map((ex) => ex.analysis.indices),
			V: vocabulary.size,
			base: vocabulary.base,
			padIndex: vocabulary.padIndex ?? 0,
			conventionLabel: conventions[vocabulary.convention].label,
			vocabulary: vocabulary.name,
		});
		const name = flavour === 'numpy' ? 'NumPy' : 'PyTorch';
		try {
			await vscode.env.clipboard.writeText(text);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			void vscode.window.showErrorMessage(vscode.l10n.t('Sequence Lens: could not copy the {0} code: {1}', name, reason));
			return;
		}
		void vscode.window.setStatusBarMessage(vscode.l10n.t('Sequence Lens: copied the indices as {0} code', name), 4000);
	}

	private async revealToken(message: RevealTokenMessage): Promise<void> {
		const entry = this.shown;
		if (!entry || entry.id !== message.analysisId || message.example >= entry.examples.length) {
			return;
		}
		const ex = entry.examples[message.example];
		if (message.row >= ex.analysis.length) {
			return;
		}
		const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === entry.uri.toString());
		if (!editor || !this.store.get(editor.document)) {
			return;
		}
		const a = ex.analysis;
		const range = offsetsToRange(editor.document, ex.offset + a.starts[message.row], ex.offset + a.ends[message.row]);
		editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
		// Highlight through the selection; the webview keeps focus so keyboard browsing continues.
		editor.selection = new vscode.Selection(range.start, range.end);
	}

	private onSelection(event: vscode.TextEditorSelectionChangeEvent): void {
		const entry = this.shown;
		if (!this.panel || !entry || event.textEditor.document.uri.toString() !== entry.uri.toString()) {
			return;
		}
		if (!this.store.get(event.textEditor.document)) {
			return;
		}
		const selection = event.selections[0];
		const document = event.textEditor.document;
		// A selection points at its first character; a bare cursor right after a word still means that word.
		const offset = positionToOffset(document, selection.isEmpty ? selection.active : selection.start);
		const location = locateToken(entry, offset) ?? (selection.isEmpty && offset > 0 ? locateToken(entry, offset - 1) : undefined);
		this.post({ type: 'matrix/highlight', analysisId: entry.id, example: location?.example ?? 0, row: location?.row ?? -1 });
	}
}
