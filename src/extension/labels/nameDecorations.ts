/**
 * Underlines name tokens (y⟨t⟩ = 1) in `sequenceLens.nameTokenForeground`. A decoration type of
 * its own next to the DecorationController's index decorations: labels arrive later than indices
 * and are redrawn alone when they do.
 */

import * as vscode from 'vscode';
import type { ColorId } from '../colors';
import type { AnalysisStore } from '../editor/analysisStore';
import { offsetsToRange } from '../editor/convert';
import { Disposable } from '../util/dispose';

/** Names are sparse, but a huge analysis could still hold many: beyond this only the first are drawn. */
const nameCap = 20000;

export class NameDecorations extends Disposable {
	// A bottom border rather than text-decoration: only borders take a theme colour.
	private readonly nameType = this._register(
		vscode.window.createTextEditorDecorationType({
			rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
			borderStyle: 'none none solid none',
			borderWidth: '0 0 2px 0',
			borderColor: new vscode.ThemeColor('sequenceLens.nameTokenForeground' satisfies ColorId),
		}),
	);

	/** `underline`: the `decorations.underlineNames` setting for a document. */
	constructor(
		private readonly store: AnalysisStore,
		private readonly underline: (document: vscode.TextDocument) => boolean = () => true,
	) {
		super();
		const renderUri = (uri: vscode.Uri) => {
			for (const editor of vscode.window.visibleTextEditors) {
				if (editor.document.uri.toString() === uri.toString()) {
					this.render(editor);
				}
			}
		};
		this._register(store.onDidChangeLabels((entry) => renderUri(entry.uri)));
		this._register(
			store.onDidChange((change) => {
				if (change.reason !== 'shifted') renderUri(change.uri);
			}),
		);
		this._register(vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.render(e))));
	}

	/** Document ranges of the name tokens of `editor`'s analysis, as drawn. */
	nameRanges(document: vscode.TextDocument): vscode.Range[] {
		const entry = this.store.get(document);
		const ranges: vscode.Range[] = [];
		for (const ex of entry?.examples ?? []) {
			const labels = ex.labels;
			if (!labels) continue;
			const a = ex.analysis;
			for (let t = 0; t < a.length && ranges.length < nameCap; t++) {
				if (labels.binary[t] === 1) {
					ranges.push(offsetsToRange(document, ex.offset + a.starts[t], ex.offset + a.ends[t]));
				}
			}
		}
		return ranges;
	}

	/** Editors that show name underlines now; an empty set is sent only to those. */
	private readonly underlined = new WeakSet<vscode.TextEditor>();

	render(editor: vscode.TextEditor): void {
		const ranges = this.underline(editor.document) ? this.nameRanges(editor.document) : [];
		// A new analysis has no labels until the tagger answers: sending "none" to an editor that
		// shows none would only add work to the renderer while it draws the indices.
		if (ranges.length === 0 && !this.underlined.has(editor)) {
			return;
		}
		editor.setDecorations(this.nameType, ranges);
		if (ranges.length > 0) {
			this.underlined.add(editor);
		} else {
			this.underlined.delete(editor);
		}
	}

	renderAll(): void {
		vscode.window.visibleTextEditors.forEach((e) => this.render(e));
	}
}
