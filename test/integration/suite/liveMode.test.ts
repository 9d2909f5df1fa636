// Live mode re-analyses the selection as it changes, and stops when toggled off.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, getAnalysis, openText, selectTexts, waitFor } from './helpers';

describe('Live mode', () => {
	afterEach(async () => {
		const state = await vscode.commands.executeCommand<{ liveMode: boolean }>('sequenceLens.toggleLiveMode');
		if (state.liveMode) {
			await vscode.commands.executeCommand('sequenceLens.toggleLiveMode');
		}
		await closeAllEditors();
	});

	it('follows the selection while on and not after it is turned off', async () => {
		const editor = await openText('one two three\nfour five six seven\n');
		const on = await vscode.commands.executeCommand<{ liveMode: boolean }>('sequenceLens.toggleLiveMode');
		assert.deepEqual(on, { liveMode: true });

		selectTexts(editor, 'one two three');
		const first = await waitFor(async () => {
			const r = await getAnalysis(editor.document.uri);
			return r?.examples[0].T_x === 3 ? r : undefined;
		}, 'the live analysis of the first line');
		assert.deepEqual(first.examples[0].tokens.map((t) => t.text), ['one', 'two', 'three']);

		selectTexts(editor, 'four five six seven');
		const second = await waitFor(async () => {
			const r = await getAnalysis(editor.document.uri);
			return r?.examples[0].T_x === 4 ? r : undefined;
		}, 'the live analysis of the second line');
		assert.equal(second.examples[0].tokens[0].text, 'four');

		const off = await vscode.commands.executeCommand<{ liveMode: boolean }>('sequenceLens.toggleLiveMode');
		assert.deepEqual(off, { liveMode: false });
		selectTexts(editor, 'one two');
		await new Promise((resolve) => setTimeout(resolve, 800));
		const after = await getAnalysis(editor.document.uri);
		assert.equal(after?.examples[0].T_x, 4, 'the analysis stays on the second line');
	});

	it('re-analyses after typing inside the selection', async () => {
		const editor = await openText('alpha beta\n');
		await vscode.commands.executeCommand('sequenceLens.toggleLiveMode');
		selectTexts(editor, 'alpha beta');
		await waitFor(async () => ((await getAnalysis(editor.document.uri))?.examples[0].T_x === 2 ? true : undefined), 'the first analysis');
		// Replacing the selected text leaves a selection around the new text.
		await editor.edit((edit) => edit.replace(editor.selection, 'alpha beta gamma'));
		selectTexts(editor, 'alpha beta gamma');
		const updated = await waitFor(async () => {
			const r = await getAnalysis(editor.document.uri);
			return r?.examples[0].T_x === 3 ? r : undefined;
		}, 'the re-analysis after the edit');
		assert.equal(updated.version, editor.document.version);
	});
});
