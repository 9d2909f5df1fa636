// Offsets are UTF-16 code units end to end: tokens next to emoji, CJK, CRLF line ends and tabs
// must map back to exactly their own text through VS Code's own position conversion.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertOffsetsMatchDocument, closeAllEditors, openText, selectAll, tokenize, updateSetting } from './helpers';

const mixed = 'naïve 👩‍👩‍👧 café\r\n\t東京 😀 tab\tseparated\r\nZürich 𝒳 end';

describe('Offsets with emoji, CJK, CRLF and tabs', () => {
	afterEach(async () => {
		await updateSetting('tokenizer', undefined);
		await closeAllEditors();
	});

	it('keeps CRLF line ends in the document under test', async () => {
		const editor = await openText(mixed);
		assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
	});

	it('maps every word token back to its text (words tokenizer)', async () => {
		const editor = await openText(mixed);
		selectAll(editor);
		const result = await tokenize();
		assert.ok(result);
		assert.deepEqual(
			result.examples[0].tokens.map((t) => t.text),
			// 𝒳 (U+1D4B3) is a letter outside the BMP: one token, two UTF-16 code units.
			['naïve', 'café', '東京', 'tab', 'separated', 'Zürich', '𝒳', 'end'],
		);
		assertOffsetsMatchDocument(editor.document, result);
		const tokyo = result.examples[0].tokens[2];
		const start = editor.document.positionAt(tokyo.start);
		assert.deepEqual([start.line, start.character], [1, 1], '東京 starts after the tab on line 2');
	});

	it('maps emoji and symbol tokens back to their text (words+punctuation)', async () => {
		await updateSetting('tokenizer', 'words+punctuation');
		const editor = await openText(mixed);
		selectAll(editor);
		const result = await tokenize();
		assert.ok(result);
		const texts = result.examples[0].tokens.map((t) => t.text);
		assert.ok(texts.includes('👩‍👩‍👧'), `the ZWJ family emoji is one token: ${JSON.stringify(texts)}`);
		assert.ok(texts.includes('😀'));
		assertOffsetsMatchDocument(editor.document, result);
	});

	it('maps a selection that starts mid-line after an emoji', async () => {
		const editor = await openText(mixed);
		const text = editor.document.getText();
		const from = text.indexOf('café');
		const to = text.indexOf('separated') + 'separated'.length;
		editor.selection = new vscode.Selection(editor.document.positionAt(from), editor.document.positionAt(to));
		const result = await tokenize();
		assert.ok(result);
		assert.equal(result.examples[0].start, from);
		assert.deepEqual(result.examples[0].tokens.map((t) => t.text), ['café', '東京', 'tab', 'separated']);
		assertOffsetsMatchDocument(editor.document, result);
	});
});
