// The analysis store through the command API: edits inside an analysed range invalidate it at
// once, edits elsewhere keep it with shifted offsets, and setting changes re-analyse.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { referenceSentence } from '../../../src/core/reference';
import { assertOffsetsMatchDocument, closeAllEditors, getAnalysis, openText, selectTexts, tokenize, updateSetting, waitFor } from './helpers';

describe('Analysis store', () => {
	afterEach(closeAllEditors);

	it('drops the analysis when an edit touches the analysed text', async () => {
		const editor = await openText(`Intro line.\n${referenceSentence}\nOutro line.`);
		selectTexts(editor, referenceSentence);
		assert.ok(await tokenize());
		const holmes = editor.document.getText().indexOf('Holmes');
		await editor.edit((edit) => edit.insert(editor.document.positionAt(holmes + 3), 'x'));
		assert.equal(await getAnalysis(editor.document.uri), undefined);
	});

	it('keeps the analysis, with shifted offsets, after an edit before it', async () => {
		const editor = await openText(`Intro line.\n${referenceSentence}\nOutro line.`);
		selectTexts(editor, referenceSentence);
		const before = await tokenize();
		assert.ok(before);
		await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'More text at the top. '));
		const after = await getAnalysis(editor.document.uri);
		assert.ok(after, 'an edit outside the analysed range keeps the analysis');
		assert.equal(after.version, editor.document.version);
		const shift = 'More text at the top. '.length;
		assert.deepEqual(
			after.examples[0].tokens.map((t) => t.start),
			before.examples[0].tokens.map((t) => t.start + shift),
		);
		assertOffsetsMatchDocument(editor.document, after);
	});

	it('keeps the analysis after an edit behind it, offsets unchanged', async () => {
		const editor = await openText(`${referenceSentence}\nOutro line.`);
		selectTexts(editor, referenceSentence);
		const before = await tokenize();
		assert.ok(before);
		await editor.edit((edit) => edit.insert(editor.document.positionAt(editor.document.getText().length), '\nMore.'));
		const after = await getAnalysis(editor.document.uri);
		assert.ok(after);
		assert.deepEqual(after.examples[0].tokens.map((t) => t.start), before.examples[0].tokens.map((t) => t.start));
	});

	describe('settings', () => {
		afterEach(async () => {
			await updateSetting('convention', undefined);
			await updateSetting('tokenizer', undefined);
			await updateSetting('lowercase', undefined);
		});

		it('re-numbers open analyses when the convention changes (keras-tokenizer: OOV = 1)', async () => {
			const editor = await openText(referenceSentence);
			selectTexts(editor, referenceSentence);
			const course = await tokenize();
			assert.ok(course);
			await updateSetting('convention', 'keras-tokenizer');
			const keras = await waitFor(async () => {
				const current = await getAnalysis(editor.document.uri);
				return current?.examples[0].convention === 'keras-tokenizer' ? current : undefined;
			}, 'the re-analysis under keras-tokenizer');
			const [x] = keras.examples;
			assert.equal(x.T_x, 12);
			const unk = x.tokens[7];
			assert.equal(unk.text, '221B');
			assert.equal(unk.unknown, true);
			assert.equal(unk.index, 1, 'Keras Tokenizer puts the OOV token at 1');
			assert.equal(x.padIndex, 0);
			// Words start at 2 and follow frequency, so "and" (very frequent) gets a small index
			// and the indices differ from the alphabetical course numbering.
			const and = x.tokens[2];
			assert.equal(and.text, 'and');
			assert.ok(and.index >= 2 && and.index < 50, `"and" is among the most frequent words, got ${and.index}`);
			assert.notDeepEqual(x.tokens.map((t) => t.index), course.examples[0].tokens.map((t) => t.index));
		});

		it('uses the tokenizer setting (words+punctuation keeps the full stop)', async () => {
			await updateSetting('tokenizer', 'words+punctuation');
			const editor = await openText(referenceSentence);
			selectTexts(editor, referenceSentence);
			const result = await tokenize();
			assert.ok(result);
			assert.equal(result.examples[0].T_x, 13);
			assert.equal(result.examples[0].tokens[12].text, '.');
		});

		it('looks up case-sensitively when lowercase is off', async () => {
			await updateSetting('lowercase', false);
			const editor = await openText('London london');
			selectTexts(editor, 'London london');
			const result = await tokenize();
			assert.ok(result);
			const [upper, lower] = result.examples[0].tokens;
			assert.equal(upper.normalized, 'London');
			assert.equal(upper.unknown, true, 'the vocabulary is lowercase, so "London" is not in it');
			assert.equal(lower.unknown, false);
		});

		it('Choose Convention sets the convention and re-numbers (torchtext: <unk> = 0)', async () => {
			const editor = await openText(referenceSentence);
			selectTexts(editor, referenceSentence);
			assert.ok(await tokenize());
			assert.deepEqual(await vscode.commands.executeCommand('sequenceLens.chooseConvention', 'torchtext'), { convention: 'torchtext' });
			assert.equal(vscode.workspace.getConfiguration('sequenceLens').get('convention'), 'torchtext');
			const torch = await waitFor(async () => {
				const current = await getAnalysis(editor.document.uri);
				return current?.examples[0].convention === 'torchtext' ? current : undefined;
			}, 'the re-analysis under torchtext');
			assert.equal(torch.examples[0].tokens[7].index, 0);
			assert.equal(torch.examples[0].unkToken, '<unk>');
		});
	});
});
