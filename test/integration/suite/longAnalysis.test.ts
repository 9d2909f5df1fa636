// Long analyses in a real VS Code: above sequenceLens.maxTokensBeforeAsking the command asks
// (answered here by an argument), long texts are analysed in steps that can be cancelled, and
// closing the editor while that runs leaves no error. Also Tokenize in a notebook cell.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DocumentAnalysisResult } from '../../../src/shared/api';
import type { AnalyzeArguments } from '../../../src/extension/commands/longAnalysis';
import { closeAllEditors, getAnalysis, openText, selectAll, updateSetting, waitFor } from './helpers';

const tokenizeDocument = (args?: AnalyzeArguments) => vscode.commands.executeCommand<DocumentAnalysisResult | undefined>('sequenceLens.tokenizeDocument', args);
const tokenizeSelection = (args?: AnalyzeArguments) => vscode.commands.executeCommand<DocumentAnalysisResult | undefined>('sequenceLens.tokenizeSelection', args);

describe('Long analyses', function () {
	this.timeout(90_000);
	afterEach(closeAllEditors);
	after(() => updateSetting('maxTokensBeforeAsking', undefined));

	it('asks above maxTokensBeforeAsking: no analysis when declined, all of it when continued', async () => {
		await updateSetting('maxTokensBeforeAsking', 1000);
		const editor = await openText('word '.repeat(1500));
		assert.equal(await tokenizeDocument({ continueAboveLimit: false }), undefined);
		assert.equal(await getAnalysis(editor.document.uri), undefined, 'nothing was analysed');
		const result = await tokenizeDocument({ continueAboveLimit: true });
		assert.equal(result?.examples[0].T_x, 1500);
		// Below the limit there is no question to answer.
		const small = await openText('word '.repeat(999));
		selectAll(small);
		assert.equal((await tokenizeSelection({ continueAboveLimit: false }))?.examples[0].T_x, 999);
	});

	it('analyses a long document in steps, the same as at once, and a cancelled run stores nothing', async () => {
		await updateSetting('maxTokensBeforeAsking', undefined);
		// 40,000 × "alpha 221B\n" = 440,000 characters, above the stepped-analysis threshold.
		const editor = await openText('alpha 221B\n'.repeat(40_000));
		const cancelled = new vscode.CancellationTokenSource();
		cancelled.cancel();
		assert.equal(await tokenizeDocument({ cancellation: cancelled.token }), undefined);
		assert.equal(await getAnalysis(editor.document.uri), undefined);

		const result = await tokenizeDocument({});
		assert.equal(result?.tokensOmitted, true);
		const full = await getAnalysis(editor.document.uri);
		assert.ok(full);
		const x = full.examples[0];
		assert.equal(x.T_x, 80_000);
		assert.equal(x.unknownCount, 40_000);
		const text = editor.document.getText();
		for (const t of [0, 1, 39_999, 40_000, 79_999]) {
			const token = x.tokens[t];
			assert.equal(text.slice(token.start, token.end), t % 2 === 0 ? 'alpha' : '221B', `x⟨${t + 1}⟩`);
		}
	});

	it('closing the editor while a long analysis runs leaves no error', async () => {
		await openText('alpha beta\n'.repeat(60_000));
		const running = tokenizeDocument({ continueAboveLimit: true });
		await closeAllEditors();
		const result = await running;
		assert.ok(result === undefined || result.examples[0].T_x === 120_000);
	});
});

describe('Notebook cells', function () {
	this.timeout(60_000);
	afterEach(closeAllEditors);

	it('Tokenize Selection works in a notebook cell editor, with offsets into the cell', async () => {
		const cellText = 'print("x")\n# Sherlock Holmes and John Watson';
		const data = new vscode.NotebookData([
			new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, 'A first cell', 'markdown'),
			new vscode.NotebookCellData(vscode.NotebookCellKind.Code, cellText, 'python'),
		]);
		const notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook', data);
		await vscode.window.showNotebookDocument(notebook);
		const cell = notebook.cellAt(1).document;
		assert.equal(cell.uri.scheme, 'vscode-notebook-cell');
		const editor = await vscode.window.showTextDocument(cell);
		const start = cellText.indexOf('Sherlock');
		editor.selection = new vscode.Selection(cell.positionAt(start), cell.positionAt(cellText.length));
		const result = await tokenizeSelection();
		assert.ok(result, 'the cell was tokenized');
		assert.equal(result.uri, cell.uri.toString());
		assert.deepEqual(
			result.examples[0].tokens.map((t) => t.text),
			['Sherlock', 'Holmes', 'and', 'John', 'Watson'],
		);
		for (const token of result.examples[0].tokens) {
			assert.equal(cell.getText().slice(token.start, token.end), token.text);
		}
		const whole = await tokenizeDocument();
		assert.equal(whole?.examples[0].T_x, 7, 'the whole cell (print, x and the five words), without the markup cell');
		const stored = await waitFor(() => getAnalysis(cell.uri), 'the cell analysis');
		assert.equal(stored.uri, cell.uri.toString());
	});
});
