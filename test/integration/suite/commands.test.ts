// The command API end to end inside a real VS Code: the reference example, bad input, several
// examples, and the JSON every command returns.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { compareCodePoints } from '../../../src/core/conventions';
import { defaultWords } from '../../../src/core/defaultVocabulary';
import { referenceSentence } from '../../../src/core/reference';
import type { ClearResult, DocumentAnalysisResult, MatrixShownResult } from '../../../src/shared/api';
import { assertOffsetsMatchDocument, closeAllEditors, commands, getAnalysis, openText, selectAll, selectTexts, tokenize, waitFor } from './helpers';

/** The rule DESIGN.md fixes for the course convention: code-point order, 1-based. */
function courseIndexOf(word: string): number {
	const sorted = [...defaultWords()].sort(compareCodePoints);
	const position = sorted.indexOf(word);
	assert.ok(position >= 0, `"${word}" is in the default word list`);
	return position + 1;
}

describe('Command API', () => {
	describe('sequenceLens.openReferenceExample', () => {
		let result: DocumentAnalysisResult;
		after(closeAllEditors);

		before(async () => {
			const returned = await vscode.commands.executeCommand<DocumentAnalysisResult | undefined>(commands.openReferenceExample);
			assert.ok(returned, 'the command returns the analysis');
			result = returned;
		});

		it('opens the reference sentence, selected, in the active editor', () => {
			const editor = vscode.window.activeTextEditor;
			assert.ok(editor);
			assert.equal(editor.document.getText(), referenceSentence);
			assert.equal(editor.document.getText(editor.selection), referenceSentence);
			assert.equal(result.uri, editor.document.uri.toString());
			assert.equal(result.version, editor.document.version);
		});

		it('gives T_x = 12, |V| = 10,000 under the course convention', () => {
			assert.equal(result.m, 1);
			const [x] = result.examples;
			assert.equal(x.T_x, 12);
			assert.equal(x.tokens.length, 12);
			assert.equal(x.V, 10_000);
			assert.equal(x.convention, 'course');
			assert.deepEqual(
				x.tokens.map((token) => token.text),
				['Sherlock', 'Holmes', 'and', 'John', 'Watson', 'lived', 'at', '221B', 'Baker', 'Street', 'in', 'London'],
			);
			assert.deepEqual(x.tokens.map((token) => token.t), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
		});

		it('maps 221B to <UNK> = 10,000 and nothing else to <UNK>', () => {
			const [x] = result.examples;
			const unknown = x.tokens.filter((token) => token.unknown);
			assert.deepEqual(unknown.map((token) => token.text), ['221B']);
			assert.equal(unknown[0].t, 8);
			assert.equal(unknown[0].index, 10_000);
			assert.equal(unknown[0].column, 9_999);
			assert.equal(x.unknownCount, 1);
			assert.equal(x.unkIndex, 10_000);
		});

		it('numbers known words alphabetically from 1, as the course convention says', () => {
			const [x] = result.examples;
			for (const token of x.tokens.filter((t) => !t.unknown)) {
				assert.equal(token.index, courseIndexOf(token.normalized), token.text);
				assert.equal(token.column, token.index - 1);
			}
		});

		it('returns document offsets that cover each token exactly', () => {
			const editor = vscode.window.activeTextEditor;
			assert.ok(editor);
			assertOffsetsMatchDocument(editor.document, result);
			assert.equal(result.examples[0].start, 0);
			assert.equal(result.examples[0].end, referenceSentence.length);
		});

		it('is plain JSON', () => {
			assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
		});
	});

	describe('bad input', () => {
		afterEach(closeAllEditors);

		it('returns undefined without throwing for an empty selection', async () => {
			const editor = await openText('Some words here.');
			editor.selection = new vscode.Selection(0, 3, 0, 3);
			assert.equal(await tokenize(), undefined);
			assert.equal(await getAnalysis(editor.document.uri), undefined);
		});

		it('returns undefined without throwing when no editor is open', async () => {
			await closeAllEditors();
			assert.equal(vscode.window.activeTextEditor, undefined);
			assert.equal(await tokenize(), undefined);
			assert.equal(await vscode.commands.executeCommand(commands.showMatrix), undefined);
		});

		it('reports T_x = 0 for a selection without words', async () => {
			const editor = await openText('... !!! ---\n');
			selectAll(editor);
			const result = await tokenize();
			assert.ok(result);
			assert.equal(result.m, 1);
			assert.equal(result.examples[0].T_x, 0);
			assert.deepEqual(result.examples[0].tokens, []);
		});
	});

	describe('several selections', () => {
		afterEach(closeAllEditors);

		it('makes one example X^(i) per selection, in document order', async () => {
			const editor = await openText('first line has four\nthe second line has five words\n');
			// Selected in reverse order: examples still follow the document.
			selectTexts(editor, 'the second line has five words', 'first line has four');
			const result = await tokenize();
			assert.ok(result);
			assert.equal(result.m, 2);
			assert.deepEqual(result.examples.map((x) => x.i), [1, 2]);
			assert.deepEqual(result.examples.map((x) => x.T_x), [4, 6]);
			assert.equal(result.examples[1].tokens[0].text, 'the');
			assert.equal(result.examples[1].start, 'first line has four\n'.length);
			assertOffsetsMatchDocument(editor.document, result);
		});

		it('skips empty selections among non-empty ones', async () => {
			const editor = await openText('alpha beta gamma');
			editor.selections = [new vscode.Selection(0, 0, 0, 0), new vscode.Selection(0, 6, 0, 16)];
			const result = await tokenize();
			assert.ok(result);
			assert.equal(result.m, 1);
			assert.deepEqual(result.examples[0].tokens.map((t) => t.text), ['beta', 'gamma']);
		});
	});

	describe('sequenceLens.showMatrix and sequenceLens.clear', () => {
		afterEach(closeAllEditors);

		it('opens the matrix panel for the analysis and reports its shape', async () => {
			const editor = await openText(referenceSentence);
			selectAll(editor);
			// No Tokenize first: Show One-Hot Matrix analyses a pending selection itself.
			const shown = await vscode.commands.executeCommand<MatrixShownResult | undefined>(commands.showMatrix);
			assert.ok(shown);
			assert.deepEqual(shown.T_x, [12]);
			assert.equal(shown.V, 10_000);
			assert.equal(shown.uri, editor.document.uri.toString());
			// The tab model reaches the extension host asynchronously.
			await waitFor(() => {
				const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
				return tabs.find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('sequenceLens.matrix'));
			}, 'the One-Hot Matrix tab');
		});

		it('clears the analysis of the active editor', async () => {
			const editor = await openText(referenceSentence);
			selectAll(editor);
			assert.ok(await tokenize());
			assert.ok(await getAnalysis(editor.document.uri));
			const cleared = await vscode.commands.executeCommand<ClearResult>(commands.clear);
			assert.deepEqual(cleared, { cleared: 1 });
			assert.equal(await getAnalysis(editor.document.uri), undefined);
		});
	});
});
