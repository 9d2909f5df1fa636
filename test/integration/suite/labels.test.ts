// Named-entity labels in a real VS Code: indices come back from the command at once, labels
// follow from the worker thread and show up in the stored analysis and in the hover.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DocumentAnalysisResult } from '../../../src/shared/api';
import { closeAllEditors, commands, getAnalysis, hoverText, openText, selectAll, tokenize, updateSetting, labelled } from './helpers';

const referenceY = [1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const referenceTags = ['B-PER', 'I-PER', 'O', 'B-PER', 'I-PER', 'O', 'O', 'O', 'B-LOC', 'I-LOC', 'O', 'B-LOC'];

describe('Named-entity labels', function () {
	this.timeout(90000);
	after(closeAllEditors);

	describe('the reference example', () => {
		let uri: vscode.Uri;
		let result: DocumentAnalysisResult;

		before(async () => {
			const returned = await vscode.commands.executeCommand<DocumentAnalysisResult | undefined>(commands.openReferenceExample);
			assert.ok(returned, 'the command returns the analysis');
			assert.equal(returned.examples[0].T_x, 12, 'indices come back with the command');
			uri = vscode.Uri.parse(returned.uri);
			result = await labelled(uri);
		});

		it('labels y = 1 1 0 1 1 0 0 0 0 0 0 0 and BIO tags with Baker Street and London as places', () => {
			const [x] = result.examples;
			assert.deepEqual(
				x.tokens.map((token) => token.label),
				referenceY,
			);
			assert.deepEqual(
				x.tokens.map((token) => token.tag),
				referenceTags,
			);
		});

		it('shows y⟨t⟩ and the entity type in the hover', async () => {
			const document = vscode.window.activeTextEditor?.document;
			assert.ok(document && document.uri.toString() === uri.toString());
			const text = document.getText();
			const holmes = await hoverText(document, text.indexOf('Holmes') + 2);
			assert.match(holmes, /y⟨2⟩ = 1/);
			assert.match(holmes, /I-PER/);
			const london = await hoverText(document, text.indexOf('London') + 1);
			assert.match(london, /y⟨12⟩ = 0/);
			assert.match(london, /B-LOC/);
		});
	});

	it('labels a selection analysed with Tokenize Selection, each example on its own', async () => {
		const editor = await openText('Ada Lovelace wrote to Charles Babbage.\n');
		selectAll(editor);
		const returned = await tokenize();
		assert.ok(returned);
		const result = await labelled(editor.document.uri);
		const tokens = result.examples[0].tokens;
		const names = tokens.filter((token) => token.label === 1).map((token) => token.text);
		assert.deepEqual(names, ['Ada', 'Lovelace', 'Charles', 'Babbage']);
		assert.equal(tokens.find((token) => token.text === 'wrote')?.tag, 'O');
	});

	it('labels a long document from Tokenize Document (progress path), every name token', async () => {
		const text = Array.from({ length: 600 }, (_, k) => `Line ${k + 1}: Ada Lovelace met Charles Babbage in London.`).join('\n') + '\n';
		const editor = await openText(text);
		const returned = await vscode.commands.executeCommand<DocumentAnalysisResult | undefined>('sequenceLens.tokenizeDocument');
		assert.ok(returned);
		const result = await labelled(editor.document.uri);
		const tokens = result.examples[0].tokens;
		assert.equal(tokens.length, 600 * 9);
		const names = tokens.filter((token) => token.label === 1);
		assert.equal(names.length, 600 * 4);
		assert.ok(names.every((token) => ['Ada', 'Lovelace', 'Charles', 'Babbage'].includes(token.text)));
		assert.ok(tokens.filter((token) => token.text === 'London').every((token) => token.tag === 'B-LOC'));
	});

	it('leaves labels out when sequenceLens.labels.enabled is false', async () => {
		try {
			await updateSetting('labels.enabled', false);
			const editor = await openText('Sherlock Holmes met John Watson.\n');
			selectAll(editor);
			const returned = await tokenize();
			assert.ok(returned);
			// Give a tagger that wrongly ran time to answer before checking it did not.
			await new Promise((resolve) => setTimeout(resolve, 1500));
			const result = await getAnalysis(editor.document.uri);
			assert.ok(result);
			assert.ok(result.examples[0].tokens.every((token) => token.label === undefined && token.tag === undefined));
			// Turning labels back on labels what is already analysed.
			await updateSetting('labels.enabled', undefined);
			const after = await labelled(editor.document.uri);
			assert.deepEqual(
				after.examples[0].tokens.map((token) => token.label),
				[1, 1, 0, 1, 1],
			);
		} finally {
			await updateSetting('labels.enabled', undefined);
		}
	});
});
