/**
 * Hosts the one-hot matrix webview: answers its typed requests, follows the active analysis and
 * links the editor cursor to a row. Only O(T) data crosses: indices, unk flags and token texts.
 */

import * as vscode from 'vscode';
import { conventions } from '../../core/conventions';
import { assertNever } from '../../shared/assertNever';
import {
	maxRowPage,
	parseFromWebview,
	PROTOCOL_VERSION,
	type FromWebview,
	type MatrixSummary,
	type RowsRequestMessage,
	type RevealTokenMessage,
	type ToWebview,
} from '../../shared/protocol';
import type { AnalysisStore, DocumentAnalysis } from '../editor/analysisStore';
import { offsetsToRange, positionToOffset } from '../editor/convert';
import { locateToken } from '../editor/hoverProvider';
import type { TimeCursor } from '../editor/timeCursor';
import { Disposable } from '../util/dispose';
import { matrixHtml } from './html';

export const matrixViewType = 'sequenceLens.matrix';

export function summarize(entry: DocumentAnalysis): MatrixSummary {
	const first = entry.examples[0]?.analysis;
	const v = first?.vocabulary;
	const path = entry.uri.path;
	return {
		analysisId: entry.id,
		documentName: path.slice(path.lastIndexOf('/') + 1) || entry.uri.toString(),
		V: v?.size ?? 0,
		base: v?.base ?? 0,
		unkIndex: v?.unkIndex ?? 0,
		unkToken: v?.unkToken ?? '',
		padIndex: v?.padIndex ?? null,
		convention: v?.convention ?? 'course',
		conventionLabel: v ? conventions[v.convention].label : '',
		vocabulary: v?.name ?? '',
		examples: entry.examples.map((ex, k) => ({
			i: k + 1,
			T_x: ex.analysis.length,
			unknownCount: ex.analysis.unknownCount,
			...(ex.labels ? { labels: Array.from(ex.labels.binary), tags: [...ex.labels.tags] } : {}),
		})),
	};
}

export class MatrixPanel extends Disposable {
	private panel: vscode.WebviewPanel | undefined;
	private panelDisposables: vscode.Disposable[] = [];
	/** The analysis the panel shows; undefined before the first one or after it was dropped. */
	private shown: DocumentAnalysis | undefined;
	private ready = false;

	constructor(
		private readonly extensionUri: vscode.Uri,
		private readonly store: AnalysisStore,
		timeCursor: TimeCursor,
	) {
		super();
		this._register(
			timeCursor.onDidMove((step) => {
				if (step && this.shown && step.analysisId === this.shown.id) {
					this.post({ type: 'matrix/highlight', analysisId: step.analysisId, example: step.example, row: step.row });
				}
			}),
		);
		this._register(store.onDidChange(() => this.follow()));
		// Labels arrive after the indices: the same analysis, sent again with its y row.
		this._register(
			store.onDidChangeLabels((entry) => {
				if (entry === this.shown) this.postSummary();
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
		const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
		const panel = vscode.window.createWebviewPanel(
			matrixViewType,
			vscode.l10n.t('One-Hot Matrix'),
			{ viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
			{ enableScripts: true, localResourceRoots: [dist] },
		);
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
		panel.webview.html = matrixHtml(panel.webview, this.extensionUri, vscode.l10n.t('One-Hot Matrix'));
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

	private postSummary(): void {
		this.post({ type: 'matrix/summary', protocolVersion: PROTOCOL_VERSION, summary: this.shown ? summarize(this.shown) : null });
	}

	private onMessage(raw: unknown): void {
		const message: FromWebview | undefined = parseFromWebview(raw);
		if (!message) {
			return;
		}
		switch (message.type) {
			case 'webview/ready':
				this.ready = true;
				this.postSummary();
				break;
			case 'matrix/rowsRequest':
				this.answerRows(message);
				break;
			case 'editor/revealToken':
				void this.revealToken(message);
				break;
			default:
				assertNever(message);
		}
	}

	private answerRows(request: RowsRequestMessage): void {
		const entry = this.shown;
		if (!entry || entry.id !== request.analysisId || request.example >= entry.examples.length) {
			return;
		}
		const a = entry.examples[request.example].analysis;
		const start = Math.min(request.start, a.length);
		const end = Math.min(a.length, start + Math.min(request.count, maxRowPage));
		const texts: string[] = [];
		for (let t = start; t < end; t++) {
			texts.push(a.text.slice(a.starts[t], a.ends[t]));
		}
		this.post({
			type: 'matrix/rowsResponse',
			requestId: request.requestId,
			page: {
				analysisId: entry.id,
				example: request.example,
				start,
				texts,
				indices: Array.from(a.indices.subarray(start, end)),
				unknown: Array.from(a.unknown.subarray(start, end)),
			},
		});
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
