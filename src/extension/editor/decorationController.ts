/**
 * Inline decorations for stored analyses: two long-lived decoration types (known index, <UNK>)
 * created once; per-token text travels in each instance's `renderOptions`.
 */

import * as vscode from 'vscode';
import { isolate } from '../../shared/format';
import type { ColorId } from '../colors';
import type { SequenceLensConfig } from '../config';
import { Disposable } from '../util/dispose';
import type { AnalysisStore, DocumentAnalysis } from './analysisStore';
import { lineSpanToOffsets, offsetsToRange, positionToOffset } from './convert';
import { afterText } from './afterText';
import { tokensInSpan } from './decorationWindow';

const afterMargin = '0 0 0 0.25em';
/**
 * Lines decorated above and below the visible ones once the visible lines are drawn, so short
 * scrolls find decorations already there. Every analysis is windowed: decorations outside the
 * viewport cost the renderer (style rules, model decorations) and show nothing.
 */
const marginLines = 60;
/** Most decorations per window (minified files have very long lines). */
const windowCap = 4000;
/**
 * Delay before the margin is added to the visible lines' decorations: long enough that the
 * margin's ~1,000 decorations reach the renderer after it has drawn the visible ones (150–250 ms
 * after the command here), not in the same frame. A scroll before then re-plans on its own.
 */
const marginDelayMs = 300;
/**
 * Lines around the visible ones in the first pass: `visibleRanges` leaves out a line the editor
 * shows only in part, and the first pass should leave nothing on screen undecorated.
 */
const firstPassLines = 2;

/** A window of decorated lines, inclusive. */
interface LineWindow {
	from: number;
	to: number;
}

export class DecorationController extends Disposable {
	private readonly knownType = this._register(
		vscode.window.createTextEditorDecorationType({
			rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
			after: {
				color: new vscode.ThemeColor('sequenceLens.indexForeground' satisfies ColorId),
				// High-contrast selections are the opposite colour of the editor: there the index brings its own background.
				backgroundColor: new vscode.ThemeColor('sequenceLens.indexBackground' satisfies ColorId),
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
				backgroundColor: new vscode.ThemeColor('sequenceLens.indexBackground' satisfies ColorId),
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
		this._register(
			vscode.window.onDidChangeVisibleTextEditors((editors) => {
				this.forgetClosed(editors);
				editors.forEach((e) => this.render(e));
			}),
		);
		this._register(vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onScroll(e.textEditor)));
		this._register({ dispose: () => this.pending.forEach((timer) => clearTimeout(timer)) });
	}

	/** Drops the bookkeeping of editors that are no longer shown. */
	private forgetClosed(editors: readonly vscode.TextEditor[]): void {
		for (const editor of [...this.covered.keys()]) {
			if (!editors.includes(editor)) {
				this.covered.delete(editor);
				clearTimeout(this.pending.get(editor));
				this.pending.delete(editor);
			}
		}
	}

	private readonly pending = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();
	/** The line windows each editor's decorations cover, to know when a scroll leaves them. */
	private readonly covered = new Map<vscode.TextEditor, LineWindow[]>();

	/** Re-plans once scrolling leaves the decorated lines, debounced so a fling re-plans once it settles. */
	private onScroll(editor: vscode.TextEditor): void {
		const covered = this.covered.get(editor);
		if (!covered || !this.store.get(editor.document)) {
			return;
		}
		const inside = editor.visibleRanges.every((r) => covered.some((w) => w.from <= r.start.line && r.end.line <= w.to));
		if (inside) {
			return;
		}
		this.schedule(editor, 40, marginLines);
	}

	private schedule(editor: vscode.TextEditor, delayMs: number, margin: number): void {
		clearTimeout(this.pending.get(editor));
		this.pending.set(
			editor,
			setTimeout(() => {
				this.pending.delete(editor);
				this.draw(editor, margin);
			}, delayMs),
		);
	}

	/** Re-renders every visible editor (after a change of how decorations look). */
	renderAll(): void {
		vscode.window.visibleTextEditors.forEach((e) => this.render(e));
	}

	/**
	 * Draws the visible lines' decorations now and the margin's a moment later: the first
	 * `setDecorations` then carries only what the user can see.
	 */
	render(editor: vscode.TextEditor): void {
		if (!this.draw(editor, firstPassLines)) {
			return;
		}
		this.schedule(editor, marginDelayMs, marginLines);
	}

	/** Sets the decorations of `editor` for its visible lines ± `margin`; false when it has no analysis. */
	private draw(editor: vscode.TextEditor, margin: number): boolean {
		const entry = this.store.get(editor.document);
		if (!entry) {
			clearTimeout(this.pending.get(editor));
			this.pending.delete(editor);
			this.covered.delete(editor);
			editor.setDecorations(this.knownType, []);
			editor.setDecorations(this.unknownType, []);
			return false;
		}
		const windows = visibleLineWindows(editor, margin);
		this.covered.set(editor, windows);
		const { known, unknown } = this.plan(editor, entry, windows);
		editor.setDecorations(this.knownType, known);
		editor.setDecorations(this.unknownType, unknown);
		return true;
	}

	private plan(
		editor: vscode.TextEditor,
		entry: DocumentAnalysis,
		lineWindows: readonly LineWindow[],
	): { known: vscode.DecorationOptions[]; unknown: vscode.DecorationOptions[] } {
		const document = editor.document;
		const config = this.getConfig(document);
		const settings = { format: config.indexFormat, showIndices: config.showIndices, showUnknownMarker: config.showUnknownMarker };
		const known: vscode.DecorationOptions[] = [];
		const unknown: vscode.DecorationOptions[] = [];
		const windows = lineWindows.map((w) => lineSpanToOffsets(document, w.from, w.to));
		const focus = positionToOffset(document, editor.selection.active);
		for (const ex of entry.examples) {
			const a = ex.analysis;
			const unkToken = a.vocabulary.unkToken;
			for (const w of windows) {
				if (w.end <= ex.offset || w.start >= ex.offset + a.text.length) {
					continue;
				}
				const slice = tokensInSpan(a.starts, a.ends, a.length, w.start - ex.offset, w.end - ex.offset, windowCap, focus - ex.offset);
				for (let t = slice.first; t < slice.end; t++) {
					const isUnknown = a.unknown[t] === 1;
					const label = afterText(settings, t + 1, a.indices[t], isUnknown, unkToken);
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
}

/** The visible line ranges widened by `margin`, merged where they overlap. */
function visibleLineWindows(editor: vscode.TextEditor, margin: number): LineWindow[] {
	const last = editor.document.lineCount - 1;
	if (editor.visibleRanges.length === 0) {
		// Not laid out yet: draw from the top; the first scroll event re-plans.
		return [{ from: 0, to: Math.min(last, 2 * margin + 100) }];
	}
	const lines = editor.visibleRanges
		.map((r) => ({ from: Math.max(0, r.start.line - margin), to: Math.min(last, r.end.line + margin) }))
		.sort((a, b) => a.from - b.from);
	const merged: LineWindow[] = [];
	for (const w of lines) {
		const prev = merged[merged.length - 1];
		if (prev && w.from <= prev.to + 1) {
			prev.to = Math.max(prev.to, w.to);
		} else {
			merged.push({ ...w });
		}
	}
	return merged;
}
