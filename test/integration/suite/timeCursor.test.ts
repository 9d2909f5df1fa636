// Next/Previous Token move a time cursor t through the analysis without touching the selection.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { referenceSentence } from '../../../src/core/reference';
import type { TimeStepResult as Step } from '../../../src/extension/editor/timeCursor';
import { closeAllEditors, openText, selectTexts, tokenize } from './helpers';

const next = () => vscode.commands.executeCommand<Step | undefined>('sequenceLens.nextToken');
const previous = () => vscode.commands.executeCommand<Step | undefined>('sequenceLens.previousToken');

describe('Time cursor (Next / Previous Token)', () => {
	afterEach(closeAllEditors);

	it('starts after the cursor, steps through x⟨t⟩ and stops at the ends, leaving the selection alone', async () => {
		const editor = await openText(referenceSentence);
		selectTexts(editor, referenceSentence);
		const analysis = await tokenize();
		assert.ok(analysis);
		// Put the cursor before the sentence: the first step lands on x⟨1⟩.
		editor.selection = new vscode.Selection(0, 0, 0, 0);
		const selection = editor.selection;
		const first = await next();
		assert.deepEqual(first && [first.t, first.text, first.T_x], [1, 'Sherlock', 12]);
		const steps: Step[] = [];
		for (let k = 0; k < 13; k++) {
			const step = await next();
			assert.ok(step);
			steps.push(step);
		}
		assert.deepEqual(steps.map((s) => s.t), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12, 12]);
		const eighth = steps[6];
		assert.deepEqual([eighth.text, eighth.index, eighth.unknown], ['221B', 10_000, true]);
		const back = await previous();
		assert.equal(back?.t, 11);
		assert.ok(editor.selection.isEqual(selection), 'the selection did not move');
	});

	it('crosses from one example to the next', async () => {
		const editor = await openText('alpha beta\ngamma delta\n');
		selectTexts(editor, 'alpha beta', 'gamma delta');
		assert.equal((await tokenize())?.m, 2);
		editor.selection = new vscode.Selection(0, 6, 0, 6);
		const steps = [await next(), await next(), await next()];
		assert.deepEqual(steps.map((s) => s && [s.i, s.t, s.text]), [[1, 2, 'beta'], [2, 1, 'gamma'], [2, 2, 'delta']]);
	});

	it('returns undefined without an analysis', async () => {
		await openText('nothing analysed here');
		assert.equal(await next(), undefined);
	});
});
