// The hover, asked for through VS Code's own hover command, as the editor would.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { referenceSentence } from '../../../src/core/reference';
import type { DocumentAnalysisResult } from '../../../src/shared/api';
import { closeAllEditors, commands, hoverText, openText, selectAll, tokenize, updateSetting } from './helpers';

describe('Token hover', () => {
	let result: DocumentAnalysisResult;
	let document: vscode.TextDocument;

	before(async () => {
		const returned = await vscode.commands.executeCommand<DocumentAnalysisResult | undefined>(commands.openReferenceExample);
		assert.ok(returned && vscode.window.activeTextEditor);
		result = returned;
		document = vscode.window.activeTextEditor.document;
	});
	after(closeAllEditors);

	it('shows x⟨2⟩, t of T_x, the index, |V| and the one-hot vector for Holmes', async () => {
		const holmes = result.examples[0].tokens[1];
		const text = await hoverText(document, holmes.start + 2);
		assert.match(text, /x⟨2⟩/);
		assert.match(text, /Holmes/);
		assert.match(text, /t = 2 of T_x = 12/);
		assert.ok(text.includes(`index **${holmes.index}**`), text);
		assert.match(text, /\|V\| = 10000/);
		assert.ok(text.includes(`e_${holmes.index} ∈ ℝ^10000`), text);
		assert.doesNotMatch(text, /Why/);
	});

	it('explains why 221B is <UNK>', async () => {
		const unk = result.examples[0].tokens[7];
		const text = await hoverText(document, unk.start);
		assert.match(text, /x⟨8⟩/);
		assert.match(text, /index \*\*10000\*\* = `<UNK>`/);
		assert.match(text, /Why `<UNK>`/);
		assert.match(text, /221b/, 'names the normalised form');
	});

	it('shows nothing between tokens', async () => {
		const space = referenceSentence.indexOf(' and');
		assert.equal((await hoverText(document, space)).includes('x⟨'), false);
	});

	it('fences an unknown-token string that holds backticks in a longer code span', async () => {
		await updateSetting('unknownToken', '`U``K`');
		try {
			const editor = await openText('Holmes lived at 221B\n');
			selectAll(editor);
			const result = await tokenize();
			assert.equal(result?.examples[0].unkToken, '`U``K`');
			const text = await hoverText(editor.document, editor.document.getText().indexOf('221B'));
			// A fence longer than the inner run of two, and spaces because the string starts and ends with a backtick.
			const fenced = '``` `U``K` ```';
			assert.ok(text.includes(`index **${result?.examples[0].unkIndex}** = ${fenced} of |V|`), text);
			// The explanation names the string in use, not the default.
			assert.ok(text.includes(`Why ${fenced}: the normalised form`), text);
		} finally {
			await updateSetting('unknownToken', undefined);
		}
	});

	it('escapes markdown in token text and trusts only its own two commands', async () => {
		await updateSetting('tokenizer', 'whitespace');
		try {
			const editor = await openText('**bold** [link](command:workbench.action.quit)');
			editor.selection = new vscode.Selection(0, 0, 0, editor.document.getText().length);
			await vscode.commands.executeCommand(commands.tokenizeSelection);
			const bold = await hoverText(editor.document, 3);
			assert.ok(bold.includes('\\*\\*bold\\*\\*'), `the asterisks are escaped: ${bold}`);
			const link = await hoverText(editor.document, 12);
			assert.ok(link.includes('\\[link\\]\\(command:workbench.action.quit\\)'), `the link syntax is escaped: ${link}`);
			const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(0, 12));
			for (const content of hovers.flatMap((h) => h.contents)) {
				// Never `true`: links may run Add to vocabulary and Show in matrix, nothing else.
				if (content instanceof vscode.MarkdownString && content.isTrusted) {
					assert.deepEqual(content.isTrusted, { enabledCommands: ['sequenceLens.addToVocabulary', 'sequenceLens.showTokenInMatrix'] });
				}
			}
		} finally {
			await updateSetting('tokenizer', undefined);
		}
	});
});
