/**
 * Inline decorations for stored analyses: two long-lived decoration types (known index, <UNK>)
 * created once; per-token text travels in each instance's `renderOptions`.
 */

import * as vscode from 'vscode';
import { formatIndexLabel, isolate } from '../../shared/format';
import type { ColorId } from '../colors';
import type { SequenceLensConfig } from '../config';
import { Disposable } from '../util/dispose';
import type { AnalysisStore, DocumentAnalysis } from './analysisStore';
import { lineSpanToOffsets, offsetsToRange, positionToOffset } from './convert';
import { tokensInSpan } from './decorationWindow';

const afterMargin = '0 0 0 0.25em';
/** Up to this many tokens an analysis is decorated whole; beyond it only around the visible lines. */
export const decorateAllLimit = 2000;
/** Lines decorated above and below the visible ones, so short scrolls show decorations at once. */
const marginLines = 60;
/** Most decorations per visible window (minified files have very long lines). */
const windowCap = 4000;

export class DecorationController extends Disposable {
	private readonly knownType = this._register(
		vscode.window.createTextEditorDecorationType({
			rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
			after: {
				color: new vscode.ThemeColor('sequenceLens.indexForeground' satisfies ColorId),
				margin: afterMargin,
			},
		}),
	);

	private readonly unknownType = this._register(
		vscode.window.createTextEditorDecorationType({
			rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
			backgroundColor: new vscode.ThemeColor('sequenceLens.unknownTokenBackground' satisfies ColorId),
			border: '1px solid',
			borderColor: new vscode.ThemeColor('sequenceLens.unknownTokenBorder' satisfies ColorId),
			borderRadius: '2px',
			after: {
				color: new vscode.ThemeColor('sequenceLens.unknownTokenForeground' satisfies ColorId),
				margin: afterMargin,
			},
		}),
	);

	constructor(
		private readonly store: AnalysisStore,
		private readonly getConfig: (scope?: vscode.ConfigurationScope) => SequenceLensConfig,
	) {
		super();
		this._register(
			store.onDidChange((change) => {
				// An edit inside the analysed range clears at once; shifted analyses keep the
				// decorations VS Code already moved with the text.
				if (change.reason === 'shifted') {
					return;
				}
				for (const editor of vscode.window.visibleTextEditors) {
					if (editor.document.uri.toString() === change.uri.toString()) {
						this.render(editor);
					}
				}
			}),
		);
		this._register(vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.render(e))));
		this._register(vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onScroll(e.textEditor)));
		this._register({ dispose: () => this.pending.forEach((timer) => clearTimeout(timer)) });
	}

	private readonly pending = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();

	/** Large analyses follow scrolling, debounced so a fling re-plans once it settles. */
	private onScroll(editor: vscode.TextEditor): void {
		const entry = this.store.get(editor.document);
		if (!entry || tokenCount(entry) <= decorateAllLimit) {
			return;
		}
		clearTimeout(this.pending.get(editor));
		this.pending.set(
			editor,
			setTimeout(() => {
				this.pending.delete(editor);
				this.render(editor);
			}, 40),
		);
	}

	/** Re-renders every visible editor (after a change of how decorations look). */
	renderAll(): void {
		vscode.window.visibleTextEditors.forEach((e) => this.render(e));
	}

	render(editor: vscode.TextEditor): void {
		const entry = this.store.get(editor.document);
		if (!entry) {
			editor.setDecorations(this.knownType, []);
			editor.setDecorations(this.unknownType, []);
			return;
		}
		const { known, unknown } = this.plan(editor, entry);
		editor.setDecorations(this.knownType, known);
		editor.setDecorations(this.unknownType, unknown);
	}

	private plan(editor: vscode.TextEditor, entry: DocumentAnalysis): { known: vscode.DecorationOptions[]; unknown: vscode.DecorationOptions[] } {
		const document = editor.document;
		const format = this.getConfig(document).indexFormat;
		const known: vscode.DecorationOptions[] = [];
		const unknown: vscode.DecorationOptions[] = [];
		const windows = tokenCount(entry) <= decorateAllLimit ? undefined : this.visibleSpans(editor);
		const focus = positionToOffset(document, editor.selection.active);
		for (const ex of entry.examples) {
			const a = ex.analysis;
			const unkToken = a.vocabulary.unkToken;
			const slices = windows
				? windows.map((w) => tokensInSpan(a.starts, a.ends, a.length, w.start - ex.offset, w.end - ex.offset, windowCap, focus - ex.offset))
				: [{ first: 0, end: a.length }];
			for (const slice of slices) {
				for (let t = slice.first; t < slice.end; t++) {
					const isUnknown = a.unknown[t] === 1;
					const label = formatIndexLabel(format, t + 1, a.indices[t], isUnknown, unkToken);
					if (!label && !isUnknown) {
						continue;
					}
					const options: vscode.DecorationOptions = {
						range: offsetsToRange(document, ex.offset + a.starts[t], ex.offset + a.ends[t]),
					};
					if (label) {
						options.renderOptions = { after: { contentText: isolate(label) } };
					}
					(isUnknown ? unknown : known).push(options);
				}
			}
		}
		return { known, unknown };
	}

	/** The visible line ranges widened by the margin, merged where they overlap, as document offsets. */
	private visibleSpans(editor: vscode.TextEditor): { start: number; end: number }[] {
		const lines = editor.visibleRanges
			.map((r) => [Math.max(0, r.start.line - marginLines), r.end.line + marginLines] as const)
			.sort((a, b) => a[0] - b[0]);
		const merged: [number, number][] = [];
		for (const [from, to] of lines) {
			const last = merged[merged.length - 1];
			if (last && from <= last[1] + 1) {
				last[1] = Math.max(last[1], to);
			} else {
				merged.push([from, to]);
			}
		}
		return merged.map(([from, to]) => lineSpanToOffsets(editor.document, from, to));
	}
}

function tokenCount(entry: DocumentAnalysis): number {
	return entry.examples.reduce((n, ex) => n + ex.analysis.length, 0);
}
