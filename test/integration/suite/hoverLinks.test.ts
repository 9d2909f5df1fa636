// The hover's command links in a real VS Code: Show in matrix on every token, Add to vocabulary
// on <UNK> tokens, trusted for those two commands only, with the token's text escaped. The
// links' own arguments are decoded from the hover and run, as a click would run them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { referenceSentence } from '../../../src/core/reference';
import { defaultVocabulary } from '../../../src/core/defaultVocabulary';
import type { AddToVocabularyOutcome, AddToVocabularyResult } from '../../../src/extension/commands/addToVocabulary';
import type { TimeStepResult } from '../../../src/extension/editor/timeCursor';
import type { DocumentAnalysisResult } from '../../../src/shared/api';
import { closeAllEditors, getAnalysis, hoverText, openText, selectAll, tokenize, updateSetting, waitFor } from './helpers';

interface Link {
	command: string;
	args: unknown[];
}

/** The `command:` links of a hover, with their JSON arguments decoded. */
function links(markdown: string): Link[] {
	return [...markdown.matchAll(/\]\(command:([^?\s)]+)\?([^\s)]*)/g)].map((m) => ({ command: m[1], args: JSON.parse(decodeURIComponent(m[2])) as unknown[] }));
}

async function hoverContents(document: vscode.TextDocument, offset: number): Promise<vscode.MarkdownString[]> {
	const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
	return hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'isTrusted' in c);
}

async function openReference(): Promise<{ editor: vscode.TextEditor; result: DocumentAnalysisResult }> {
	const editor = await openText(referenceSentence);
	selectAll(editor);
	const result = await tokenize();
	assert.ok(result);
	return { editor, result };
}

const runLink = <T>(link: Link | undefined, extra: Record<string, unknown> = {}) => {
	assert.ok(link, 'the hover has the link');
	const [first] = link.args;
	return vscode.commands.executeCommand<T>(link.command, typeof first === 'object' && first !== null ? { ...first, ...extra } : first);
};

describe('Hover command links', function () {
	this.timeout(60_000);
	let dir: string;
	before(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-add-vocab-'));
	});
	afterEach(closeAllEditors);
	after(async () => {
		await vscode.commands.executeCommand('sequenceLens.useBuiltInVocabulary');
		await updateSetting('vocabularyPath', undefined);
		await updateSetting('convention', undefined);
		await updateSetting('tokenizer', undefined);
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('offers Show in matrix on every token and Add to vocabulary on <UNK> only, trusted for those two commands', async () => {
		const { editor } = await openReference();
		const text = editor.document.getText();
		const holmes = links(await hoverText(editor.document, text.indexOf('Holmes') + 1));
		assert.deepEqual(holmes.map((l) => l.command), ['sequenceLens.showTokenInMatrix']);
		const unk = links(await hoverText(editor.document, text.indexOf('221B') + 1));
		assert.deepEqual(unk.map((l) => l.command), ['sequenceLens.addToVocabulary', 'sequenceLens.showTokenInMatrix']);
		assert.deepEqual(unk[0].args, [{ word: '221b', uri: editor.document.uri.toString() }]);
		const contents = await hoverContents(editor.document, text.indexOf('221B') + 1);
		const withLinks = contents.find((c) => c.value.includes('command:'));
		assert.ok(withLinks);
		assert.deepEqual(withLinks.isTrusted, { enabledCommands: ['sequenceLens.addToVocabulary', 'sequenceLens.showTokenInMatrix'] });
	});

	it('escapes a token that looks like a command link, so only our links remain', async () => {
		await updateSetting('tokenizer', 'whitespace');
		const editor = await openText('[x](command:workbench.action.quit) plain');
		selectAll(editor);
		await tokenize();
		const markdown = await hoverText(editor.document, 2);
		assert.match(markdown, /\\\[x\\\]\\\(command:workbench\.action\.quit\\\)/);
		assert.deepEqual(
			links(markdown).map((l) => l.command),
			['sequenceLens.addToVocabulary', 'sequenceLens.showTokenInMatrix'],
		);
		const [add] = links(markdown);
		assert.deepEqual(add.args, [{ word: '[x](command:workbench.action.quit)', uri: editor.document.uri.toString() }]);
		await updateSetting('tokenizer', undefined);
	});

	it('Show in matrix opens the panel and puts the time cursor on the token', async () => {
		const { editor } = await openReference();
		const text = editor.document.getText();
		const [, show] = links(await hoverText(editor.document, text.indexOf('221B') + 1));
		const step = await runLink<TimeStepResult | undefined>(show);
		assert.deepEqual(step && [step.t, step.text, step.index, step.unknown], [8, '221B', 10_000, true]);
		const panel = await waitFor(
			() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.label === 'One-Hot Matrix'),
			'the matrix tab',
		);
		assert.ok(panel);
		// The time cursor moved there: Next Token goes on from x⟨8⟩.
		await vscode.window.showTextDocument(editor.document, editor.viewColumn);
		const next = await vscode.commands.executeCommand<TimeStepResult | undefined>('sequenceLens.nextToken');
		assert.deepEqual(next && [next.t, next.text], [9, 'Baker']);
	});

	it('Add to vocabulary saves a copy of the built-in list with the word, makes it the user’s vocabulary and re-renders', async () => {
		const { editor, result } = await openReference();
		const text = editor.document.getText();
		const [add] = links(await hoverText(editor.document, text.indexOf('221B') + 1));
		const copy = path.join(dir, 'my-vocab.txt');
		const outcome = await runLink<AddToVocabularyOutcome | undefined>(add, { confirm: true, copyTo: copy });
		assert.ok(outcome && 'index' in outcome, JSON.stringify(outcome));
		const added: AddToVocabularyResult = outcome;
		// Independent of the command: where "221b" falls among the built-in words (all ASCII, so code units order them as code points do).
		const builtIn = defaultVocabulary('course');
		const smaller = builtIn.entries.filter((w) => w !== '<UNK>' && w < '221b').length;
		assert.deepEqual([added.word, added.index, added.size, added.copied], ['221b', smaller + 1, 10_001, true]);
		assert.equal(added.shifted, 10_001 - added.index);
		const lines = fs.readFileSync(copy, 'utf8').split('\n');
		assert.equal(lines.pop(), '');
		assert.equal(lines.length, 10_001);
		assert.equal(lines[added.index - 1], '221b');
		assert.equal(lines[10_000], '<UNK>');
		assert.equal(vscode.workspace.getConfiguration('sequenceLens').get('vocabularyPath'), copy);

		const after = await waitFor(async () => {
			const analysis = await getAnalysis(editor.document.uri);
			return analysis && !analysis.examples[0].tokens[7].unknown ? analysis : undefined;
		}, 'the analysis re-rendered with the word');
		const before = result.examples[0].tokens;
		const now = after.examples[0].tokens;
		assert.equal(now[7].index, added.index);
		for (let t = 0; t < now.length; t++) {
			if (t !== 7) {
				assert.equal(now[t].index, before[t].index + (before[t].index >= added.index ? 1 : 0), `x⟨${t + 1}⟩ moved only if it came after the new word`);
			}
		}
		assert.equal(after.examples[0].V, 10_001);
		assert.equal(builtIn.size, 10_000);
	});

	it('a second add goes into the user’s file in place, keeping a word added to the file meanwhile; the built-in list is still unchanged', async () => {
		const file = path.join(dir, 'my-vocab.txt');
		// Someone edits the file after it was loaded: the add must not lose their word.
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('\n<UNK>\n', '\nzzzzz\n<UNK>\n'));
		const editor = await openText('zzzzq is new');
		selectAll(editor);
		const result = await tokenize();
		assert.ok(result?.examples[0].tokens[0].unknown);
		const [add] = links(await hoverText(editor.document, 1));
		const outcome = await runLink<AddToVocabularyOutcome | undefined>(add, { confirm: true });
		assert.ok(outcome && 'index' in outcome, JSON.stringify(outcome));
		assert.equal(outcome.copied, false);
		assert.equal(outcome.size, 10_003);
		assert.equal(outcome.uri, vscode.Uri.file(file).toString());
		const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
		assert.equal(lines.length, 10_003);
		assert.deepEqual(lines.slice(outcome.index - 1), ['zzzzq', 'zzzzz', '<UNK>']);
		assert.equal(outcome.shifted, 2);
		assert.ok(lines.includes('221b'));

		await vscode.commands.executeCommand('sequenceLens.useBuiltInVocabulary');
		await updateSetting('vocabularyPath', undefined);
		const again = await tokenize();
		assert.equal(again?.examples[0].tokens[0].index, 10_000, 'the built-in vocabulary never got the word');
	});

	it('an add to a file loaded with an added <UNK> keeps a word written to the file since', async () => {
		const file = path.join(dir, 'no-unk.txt');
		fs.writeFileSync(file, 'apple\nbanana\n');
		const loaded = await vscode.commands.executeCommand<{ size?: number }>('sequenceLens.loadVocabulary', vscode.Uri.file(file), { addMissingUnk: true });
		assert.equal(loaded?.size, 3, '<UNK> added after banana');
		// Edited on disk, still without <UNK>; the add comes before the file watcher's reload.
		fs.writeFileSync(file, 'apple\nbanana\ncherry\n');
		const outcome = await vscode.commands.executeCommand<AddToVocabularyOutcome | undefined>('sequenceLens.addToVocabulary', { word: 'date', confirm: true });
		assert.ok(outcome && 'index' in outcome, JSON.stringify(outcome));
		assert.equal(outcome.copied, false);
		assert.deepEqual(fs.readFileSync(file, 'utf8').trimEnd().split('\n'), ['apple', 'banana', 'cherry', 'date', '<UNK>']);
		assert.equal(outcome.size, 5);
	});
});
