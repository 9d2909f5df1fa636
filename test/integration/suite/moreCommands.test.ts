// Tokenize Document and Copy Analysis through the command API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { referenceSentence } from '../../../src/core/reference';
import type { DocumentAnalysisResult } from '../../../src/shared/api';
import { assertOffsetsMatchDocument, closeAllEditors, openText } from './helpers';

describe('Tokenize Document and Copy Analysis', () => {
	afterEach(closeAllEditors);

	it('tokenizes the whole document as one example, whatever is selected', async () => {
		const editor = await openText(`${referenceSentence}\r\nSecond line here.\r\n`);
		editor.selection = new vscode.Selection(0, 0, 0, 8);
		const result = await vscode.commands.executeCommand<DocumentAnalysisResult | undefined>('sequenceLens.tokenizeDocument');
		assert.ok(result);
		assert.equal(result.m, 1);
		assert.equal(result.examples[0].T_x, 15);
		assert.equal(result.examples[0].start, 0);
		assert.equal(result.examples[0].end, editor.document.getText().length);
		assertOffsetsMatchDocument(editor.document, result);
	});

	it('leaves the token list out of a result above 10,000 tokens; getAnalysis returns it', async () => {
		const words = 12_000;
		const editor = await openText(`${Array.from({ length: words }, (_, k) => (k % 7 === 3 ? 'X9' : 'the')).join(' ')}\n`);
		const result = await vscode.commands.executeCommand<DocumentAnalysisResult | undefined>('sequenceLens.tokenizeDocument');
		assert.ok(result);
		assert.equal(result.tokensOmitted, true);
		assert.equal(result.examples[0].T_x, words);
		assert.deepEqual(result.examples[0].tokens, []);
		assert.equal(result.examples[0].unknownCount, Math.floor((words - 4) / 7) + 1);
		const full = await vscode.commands.executeCommand<DocumentAnalysisResult | undefined>('sequenceLens.getAnalysis', editor.document.uri.toString());
		assert.ok(full);
		assert.equal(full.tokensOmitted, undefined);
		assert.equal(full.examples[0].tokens.length, words);
		assert.equal(full.examples[0].tokens[3].unknown, true);
		assert.equal(full.examples[0].tokens[4].text, 'the');
	});

	it('copies the analysis as TSV and as JSON', async () => {
		const editor = await openText(referenceSentence);
		await vscode.commands.executeCommand('sequenceLens.tokenizeDocument');
		const tsv = await vscode.commands.executeCommand<{ format: string; characters: number }>('sequenceLens.copyAnalysis', 'tsv');
		assert.equal(tsv.format, 'tsv');
		const copied = await vscode.env.clipboard.readText();
		const rows = copied.trimEnd().split('\n');
		assert.equal(rows.length, 13);
		assert.equal(rows[0], 'i\tt\ttext\tstart\tend\tindex\tcolumn\tunknown');
		assert.equal(rows[8], `1\t8\t221B\t41\t45\t10000\t9999\t1`);
		assert.equal(copied.length, tsv.characters);

		await vscode.commands.executeCommand('sequenceLens.copyAnalysis', 'json');
		const json = JSON.parse(await vscode.env.clipboard.readText()) as DocumentAnalysisResult;
		assert.equal(json.uri, editor.document.uri.toString());
		assert.equal(json.examples[0].tokens[7].index, 10_000);
	});
});
