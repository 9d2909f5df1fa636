// Open CoNLL File as Examples… in a real VS Code: each sentence is an example X^(i) whose
// labels Y^(i) are the file's gold tags, in the command result and the hover.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DocumentAnalysisResult } from '../../../src/shared/api';
import { findRepoRoot } from '../../support/repoRoot';
import { closeAllEditors, getAnalysis, hoverText } from './helpers';

const fixtures = path.join(findRepoRoot(__dirname), 'test', 'fixtures', 'conll');

describe('CoNLL files as examples', function () {
	this.timeout(60000);
	after(closeAllEditors);

	it('shows each sentence as an example with the gold labels', async () => {
		const result = await vscode.commands.executeCommand<DocumentAnalysisResult & { source: string }>(
			'sequenceLens.openConllFile',
			vscode.Uri.file(path.join(fixtures, 'sample.conll')),
		);
		assert.ok(result);
		assert.equal(result.m, 2);
		assert.deepEqual(
			result.examples.map((x) => x.tokens.map((token) => `${token.text}:${token.tag}`).join(' ')),
			[
				'Ada:B-PER Lovelace:I-PER wrote:O to:O Charles:B-PER Babbage:I-PER in:O London:B-LOC',
				'The:O Royal:B-ORG Society:I-ORG met:O in:O Paris:B-LOC',
			],
		);
		assert.deepEqual(
			result.examples[0].tokens.map((token) => token.label),
			[1, 1, 0, 0, 1, 1, 0, 0],
		);
		const document = vscode.window.activeTextEditor?.document;
		assert.ok(document);
		assert.equal(document.uri.toString(), result.uri);
		assert.equal(document.getText(), 'Ada Lovelace wrote to Charles Babbage in London .\nThe Royal Society met in Paris');
		const hover = await hoverText(document, document.getText().indexOf('Society') + 1);
		assert.match(hover, /I-ORG/);
		assert.match(hover, /gold label from the CoNLL file/);
		// A correction works on these examples like on any document.
		const start = document.getText().indexOf('Paris');
		const toggled = await vscode.commands.executeCommand('sequenceLens.toggleLabel', { uri: result.uri, start, end: start + 5 });
		assert.deepEqual(toggled, { label: 1, tag: 'B-PER' });
		const after = await getAnalysis(document.uri);
		assert.equal(after?.examples[1].tokens[5].tag, 'B-PER');
		await vscode.commands.executeCommand('sequenceLens.resetLabelCorrections', result.uri);
	});

	it('names the line of a file that is not CoNLL and opens nothing', async () => {
		await closeAllEditors();
		const result = await vscode.commands.executeCommand<{ error: string }>('sequenceLens.openConllFile', vscode.Uri.file(path.join(fixtures, 'broken.conll')));
		assert.ok(result && 'error' in result);
		assert.match(result.error, /broken\.conll is not a CoNLL \/ BIO file \(line 2: “Lovelace” has no tag column/);
		assert.equal(vscode.window.activeTextEditor, undefined);
	});
});
