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
import { offsetsToRange } from './convert';

const afterMargin = '0 0 0 0.25em';

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
		const { known, unknown } = this.plan(editor.document, entry);
		editor.setDecorations(this.knownType, known);
		editor.setDecorations(this.unknownType, unknown);
	}

	private plan(document: vscode.TextDocument, entry: DocumentAnalysis): { known: vscode.DecorationOptions[]; unknown: vscode.DecorationOptions[] } {
		const format = this.getConfig(document).indexFormat;
		const known: vscode.DecorationOptions[] = [];
		const unknown: vscode.DecorationOptions[] = [];
		for (const ex of entry.examples) {
			const a = ex.analysis;
			const unkToken = a.vocabulary.unkToken;
			for (let t = 0; t < a.length; t++) {
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
		return { known, unknown };
	}
}
