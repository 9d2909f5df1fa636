// Manual label corrections in a real VS Code: toggled by offsets (the panel's way) and at the
// cursor, shown in the command results and the hover, undone, kept through edits, reset. The
// document itself never changes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DocumentAnalysisResult } from '../../../src/shared/api';
import { closeAllEditors, getAnalysis, hoverText, openText, selectAll, tokenize, labelled } from './helpers';

interface CorrectionResult {
	label: 0 | 1;
	tag: string;
}

function tokenArgument(document: vscode.TextDocument, word: string, from = 0) {
	const start = document.getText().indexOf(word, from);
	assert.ok(start >= 0, word);
	return { uri: document.uri.toString(), start, end: start + word.length };
}

function tagsOf(result: DocumentAnalysisResult): Record<string, string | undefined> {
	return Object.fromEntries(result.examples[0].tokens.map((token) => [token.text, token.tag]));
}

describe('Label corrections', function () {
	this.timeout(120000);
	after(closeAllEditors);

	const text = 'Sherlock Holmes met John Watson in London.\n';
	let editor: vscode.TextEditor;

	before(async () => {
		editor = await openText(text);
		selectAll(editor);
		assert.ok(await tokenize());
		const result = await labelled(editor.document.uri);
		assert.equal(tagsOf(result).London, 'B-LOC', 'the tagger calls London a place');
	});

	it('toggles a token named by its offsets, and the correction shows everywhere', async () => {
		const document = editor.document;
		const result = await vscode.commands.executeCommand<CorrectionResult>('sequenceLens.toggleLabel', tokenArgument(document, 'London'));
		assert.deepEqual(result, { label: 1, tag: 'B-PER' });
		const analysis = await getAnalysis(document.uri);
		assert.ok(analysis);
		const london = analysis.examples[0].tokens.find((token) => token.text === 'London');
		assert.deepEqual([london?.label, london?.tag], [1, 'B-PER']);
		const hover = await hoverText(document, document.getText().indexOf('London') + 1);
		assert.match(hover, /y⟨\d+⟩ = 1/);
		assert.match(hover, /corrected by hand to `PER` \(the tagger said `B-LOC`\)/);
		assert.equal(document.getText(), text, 'the document is not modified');
		assert.equal(document.isDirty, false);
	});

	it('toggles the token at the cursor, and undo takes the last correction back', async () => {
		const document = editor.document;
		const at = document.positionAt(document.getText().indexOf('Holmes') + 2);
		editor.selection = new vscode.Selection(at, at);
		const result = await vscode.commands.executeCommand<CorrectionResult>('sequenceLens.toggleLabel');
		assert.deepEqual(result, { label: 0, tag: 'O' });
		let tags = tagsOf((await getAnalysis(document.uri))!);
		assert.equal(tags.Sherlock, 'B-PER', 'the rest of the name stays');
		assert.equal(tags.Holmes, 'O');

		assert.deepEqual(await vscode.commands.executeCommand('sequenceLens.undoLabelCorrection'), { undone: true });
		tags = tagsOf((await getAnalysis(document.uri))!);
		assert.equal(tags.Holmes, 'I-PER', 'undone');
		assert.equal(tags.London, 'B-PER', 'the earlier correction stays');
	});

	it('sets an entity type, and a correction back to the tagger’s own type removes it', async () => {
		const document = editor.document;
		const org = await vscode.commands.executeCommand<CorrectionResult>('sequenceLens.setEntityType', { ...tokenArgument(document, 'Watson'), type: 'ORG' });
		assert.deepEqual(org, { label: 0, tag: 'B-ORG' });
		const tags = tagsOf((await getAnalysis(document.uri))!);
		assert.equal(tags.John, 'B-PER');
		const back = await vscode.commands.executeCommand<CorrectionResult>('sequenceLens.setEntityType', { ...tokenArgument(document, 'Watson'), type: 'PER' });
		assert.deepEqual(back, { label: 1, tag: 'I-PER' });
		const hover = await hoverText(document, document.getText().indexOf('Watson') + 1);
		assert.doesNotMatch(hover, /corrected/, 'agreeing with the tagger is no correction');
	});

	it('keeps a correction on its word through an edit before it, on the next analysis', async () => {
		const document = editor.document;
		const ok = await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Dr '));
		assert.ok(ok);
		selectAll(editor);
		assert.ok(await tokenize());
		const result = await labelled(document.uri);
		const tags = tagsOf(result);
		assert.equal(tags.London, 'B-PER', 'the London correction moved with its word');
		// Typing inside the word detaches the correction; the word's own label comes back.
		const inside = document.positionAt(document.getText().indexOf('London') + 3);
		assert.ok(await editor.edit((edit) => edit.insert(inside, 'x')));
		selectAll(editor);
		assert.ok(await tokenize());
		const typo = tagsOf(await labelled(document.uri));
		assert.notEqual(typo.Lonxdon, 'B-PER');
		// Removing the typo brings the word, and its correction, back.
		assert.ok(await editor.edit((edit) => edit.delete(new vscode.Range(inside, inside.translate(0, 1)))));
		selectAll(editor);
		assert.ok(await tokenize());
		assert.equal(tagsOf(await labelled(document.uri)).London, 'B-PER');
	});

	it('resets every correction of the document named by its path, as other commands take a document', async () => {
		const document = editor.document;
		assert.equal(document.uri.scheme, 'file');
		const reset = await vscode.commands.executeCommand<{ removed: number }>('sequenceLens.resetLabelCorrections', document.uri.fsPath);
		assert.deepEqual(reset, { removed: 1 });
		assert.equal(tagsOf((await getAnalysis(document.uri))!).London, 'B-LOC');
	});

	it('says what to do when there is no tokenized word at the cursor', async () => {
		const other = await openText('Nothing analysed here.\n');
		assert.equal(await vscode.commands.executeCommand('sequenceLens.toggleLabel'), undefined);
		assert.equal(other.document.getText(), 'Nothing analysed here.\n');
	});

	it('keeps corrections of an untitled document in memory and says so in the hover', async () => {
		const returned = await vscode.commands.executeCommand<DocumentAnalysisResult | undefined>('sequenceLens.openReferenceExample');
		assert.ok(returned);
		const uri = vscode.Uri.parse(returned.uri);
		await labelled(uri);
		const document = vscode.window.activeTextEditor!.document;
		const result = await vscode.commands.executeCommand<CorrectionResult>('sequenceLens.toggleLabel', tokenArgument(document, 'Holmes'));
		assert.deepEqual(result, { label: 0, tag: 'O' });
		const hover = await hoverText(document, document.getText().indexOf('Holmes') + 1);
		assert.match(hover, /kept in memory only/);
		await vscode.commands.executeCommand('sequenceLens.resetLabelCorrections');
	});
});
