/** The status bar figure for the active editor's analysis; a click opens the matrix. */

import * as vscode from 'vscode';
import { statusText, unknownRate } from '../../shared/format';
import { Disposable } from '../util/dispose';
import type { AnalysisStore } from './analysisStore';

export class StatusBarController extends Disposable {
	private readonly item = this._register(vscode.window.createStatusBarItem('sequenceLens.status', vscode.StatusBarAlignment.Right, 100));

	constructor(private readonly store: AnalysisStore) {
		super();
		this.item.name = vscode.l10n.t('Sequence Lens');
		this.item.command = 'sequenceLens.showMatrix';
		this._register(store.onDidChange(() => this.update()));
		this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
		this.update();
	}

	update(): void {
		const editor = vscode.window.activeTextEditor;
		const entry = editor ? this.store.get(editor.document) : undefined;
		void vscode.commands.executeCommand('setContext', 'sequenceLens:hasAnalysis', entry !== undefined);
		if (!entry) {
			this.item.hide();
			return;
		}
		const counts = entry.examples.map((ex) => ex.analysis.length);
		const total = counts.reduce((a, b) => a + b, 0);
		const unknown = entry.examples.reduce((a, ex) => a + ex.analysis.unknownCount, 0);
		this.item.text = `$(symbol-array) ${statusText(counts, unknown)}`;
		const rate = unknownRate(unknown, total);
		const spoken = vscode.l10n.t(
			'Sequence Lens: {0} examples, {1} tokens, {2} unknown{3}. Activate to show the one-hot matrix.',
			counts.length,
			total,
			unknown,
			rate ? ` (${rate})` : '',
		);
		this.item.tooltip = spoken;
		this.item.accessibilityInformation = { label: spoken, role: 'button' };
		this.item.show();
	}
}
