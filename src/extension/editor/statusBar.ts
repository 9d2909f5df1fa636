/** The status bar figure for the active editor's analysis; a click opens the matrix. */

import * as vscode from 'vscode';
import { statusText, unknownRate } from '../../shared/format';
import { stepLabel } from '../../shared/protocol';
import { exampleCount, tokenCount } from '../util/countPhrases';
import { Disposable } from '../util/dispose';
import type { AnalysisStore } from './analysisStore';
import type { TimeCursor } from './timeCursor';

export class StatusBarController extends Disposable {
	private readonly item = this._register(vscode.window.createStatusBarItem('sequenceLens.status', vscode.StatusBarAlignment.Right, 100));

	constructor(
		private readonly store: AnalysisStore,
		private readonly timeCursor: TimeCursor,
	) {
		super();
		this._register(timeCursor.onDidMove(() => this.update()));
		this.item.name = vscode.l10n.t('Sequence Lens');
		this.item.command = 'sequenceLens.showMatrix';
		this._register(store.onDidChange(() => this.update()));
		this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
		this.update();
	}

	/** The `sequenceLens:hasAnalysis` context key as last sent; each update otherwise sent it again. */
	private hasAnalysis: boolean | undefined;

	update(): void {
		const editor = vscode.window.activeTextEditor;
		const entry = editor ? this.store.get(editor.document) : undefined;
		if (this.hasAnalysis !== (entry !== undefined)) {
			this.hasAnalysis = entry !== undefined;
			void vscode.commands.executeCommand('setContext', 'sequenceLens:hasAnalysis', this.hasAnalysis);
		}
		if (!entry) {
			this.item.hide();
			return;
		}
		const counts = entry.examples.map((ex) => ex.analysis.length);
		const total = counts.reduce((a, b) => a + b, 0);
		const unknown = entry.examples.reduce((a, ex) => a + ex.analysis.unknownCount, 0);
		const rate = unknownRate(unknown, total);
		let text = `$(symbol-array) ${statusText(counts, unknown)}`;
		let spoken = vscode.l10n.t(
			'Sequence Lens: {0}, {1}, {2} unknown{3}.',
			exampleCount(counts.length),
			tokenCount(total),
			unknown,
			rate ? ` (${rate})` : '',
		);
		const step = this.timeCursor.step;
		if (step && step.analysisId === entry.id) {
			const a = entry.examples[step.example].analysis;
			const label = stepLabel(step.row + 1, counts.length > 1 ? step.example + 1 : undefined);
			const index = a.indices[step.row];
			text += ` · ${label} ${index}`;
			spoken += ' ' + vscode.l10n.t('Time step {0}: "{1}", index {2}.', label, a.text.slice(a.starts[step.row], a.ends[step.row]), index);
		}
		spoken += ' ' + vscode.l10n.t('Activate to show the one-hot matrix.');
		this.item.text = text;
		this.item.tooltip = spoken;
		this.item.accessibilityInformation = { label: spoken, role: 'button' };
		this.item.show();
	}
}
