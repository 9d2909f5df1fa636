// Each analysis setting, changed while an analysis is open, re-renders it (read back through
// getAnalysis); live mode follows its setting; a user regex runs guarded: an invalid pattern and
// a pattern that backtracks past the time limit leave the previous analysis in place, and the
// extension host answers other commands while such a pattern runs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DocumentAnalysisResult } from '../../../src/shared/api';
import { closeAllEditors, getAnalysis, openText, selectAll, selectTexts, tokenize, updateSetting, waitFor } from './helpers';

const touched = [
	'normalization',
	'stripAccents',
	'unknownToken',
	'keepHyphens',
	'keepApostrophes',
	'tokenizer',
	'tokenizerPattern',
	'liveMode.enabled',
	'liveMode.debounceMs',
];

/**
 * Waits until the stored analysis of `uri` satisfies `accept`. Generous: the first `regex`
 * analysis starts the worker thread, which takes seconds on a loaded machine.
 */
function analysisWhere(uri: vscode.Uri, accept: (r: DocumentAnalysisResult) => boolean, what: string): Promise<DocumentAnalysisResult> {
	return waitFor(
		async () => {
			const r = await getAnalysis(uri);
			return r && accept(r) ? r : undefined;
		},
		what,
		20_000,
	);
}

const texts = (r: DocumentAnalysisResult) => r.examples[0].tokens.map((t) => t.text);

describe('Settings re-render open analyses', () => {
	// The unknown-token and lookup settings act on the built-in vocabulary; an earlier test may
	// have loaded a file.
	beforeEach(async () => {
		await vscode.commands.executeCommand('sequenceLens.useBuiltInVocabulary');
	});
	afterEach(async () => {
		for (const key of touched) {
			await updateSetting(key, undefined);
		}
		await closeAllEditors();
	});

	it('normalization NFKC looks the ligature of "ﬁnd" up as "find"', async () => {
		const editor = await openText('ﬁnd it\n');
		selectAll(editor);
		const before = await tokenize();
		assert.equal(before?.examples[0].tokens[0].unknown, true, 'NFC keeps the ligature, which is not in the vocabulary');
		await updateSetting('normalization', 'NFKC');
		const after = await analysisWhere(editor.document.uri, (r) => !r.examples[0].tokens[0].unknown, 'the NFKC re-analysis');
		assert.equal(after.examples[0].tokens[0].normalized, 'find');
		assert.equal(after.examples[0].tokens[0].text, 'ﬁnd', 'the editor text is untouched');
	});

	it('stripAccents looks "café" up as "cafe"', async () => {
		const editor = await openText('café\n');
		selectAll(editor);
		assert.equal((await tokenize())?.examples[0].unknownCount, 1);
		await updateSetting('stripAccents', true);
		const after = await analysisWhere(editor.document.uri, (r) => r.examples[0].unknownCount === 0, 'the accent-free re-analysis');
		assert.equal(after.examples[0].tokens[0].normalized, 'cafe');
	});

	it('unknownToken respells the unknown entry and keeps its index', async () => {
		const editor = await openText('Holmes lived at 221B\n');
		selectAll(editor);
		const before = await tokenize();
		assert.equal(before?.examples[0].unkToken, '<UNK>');
		await updateSetting('unknownToken', '<unk>');
		const after = await analysisWhere(editor.document.uri, (r) => r.examples[0].unkToken === '<unk>', 'the respelt vocabulary');
		assert.equal(after.examples[0].unkIndex, before?.examples[0].unkIndex);
		assert.equal(after.examples[0].tokens[3].index, after.examples[0].unkIndex);
	});

	it('keepHyphens and keepApostrophes split words when off', async () => {
		const editor = await openText("a well-known don't\n");
		selectAll(editor);
		assert.deepEqual(texts((await tokenize()) as DocumentAnalysisResult), ['a', 'well-known', "don't"]);
		await updateSetting('keepHyphens', false);
		await analysisWhere(editor.document.uri, (r) => r.examples[0].T_x === 4, 'the hyphen split');
		await updateSetting('keepApostrophes', false);
		const after = await analysisWhere(editor.document.uri, (r) => r.examples[0].T_x === 5, 'the apostrophe split');
		assert.deepEqual(texts(after), ['a', 'well', 'known', 'don', 't']);
	});

	it('the regex tokenizer uses tokenizerPattern, and a new pattern re-renders', async () => {
		const editor = await openText('ab cd\n');
		selectAll(editor);
		await tokenize();
		await updateSetting('tokenizerPattern', '\\S');
		await updateSetting('tokenizer', 'regex');
		const chars = await analysisWhere(editor.document.uri, (r) => r.examples[0].T_x === 4, 'one token per character');
		assert.deepEqual(texts(chars), ['a', 'b', 'c', 'd']);
		await updateSetting('tokenizerPattern', '\\S+');
		const words = await analysisWhere(editor.document.uri, (r) => r.examples[0].T_x === 2, 'the new pattern');
		assert.deepEqual(texts(words), ['ab', 'cd']);
	});

	it('an invalid pattern keeps the previous analysis', async () => {
		const editor = await openText('one two three\n');
		selectAll(editor);
		const before = await tokenize();
		assert.equal(before?.examples[0].T_x, 3);
		await updateSetting('tokenizerPattern', '(a');
		await updateSetting('tokenizer', 'regex');
		selectTexts(editor, 'one two');
		assert.equal(await tokenize(), undefined, 'the command reports the pattern and stores nothing');
		const kept = await getAnalysis(editor.document.uri);
		assert.equal(kept?.examples[0].T_x, 3);
		assert.equal(kept?.version, before?.version);
	});

	it('a catastrophically backtracking pattern is stopped; the host stays responsive and the previous analysis stays', async function () {
		this.timeout(60_000);
		const editor = await openText('a'.repeat(40) + 'b\nshort aaa\n');
		selectTexts(editor, 'short aaa');
		assert.equal((await tokenize())?.examples[0].T_x, 2);
		await updateSetting('tokenizerPattern', '(a+)+$');
		await updateSetting('tokenizer', 'regex');
		// On this short text the pattern is quick: the open analysis re-renders with it.
		const before = await analysisWhere(editor.document.uri, (r) => r.examples[0].T_x === 1, 'the re-analysis under the pattern');
		assert.deepEqual(texts(before), ['aaa']);
		selectAll(editor);
		let settled = false;
		const running = tokenize().finally(() => (settled = true));
		// While the pattern runs in its worker, the extension host still answers commands.
		const during = await getAnalysis(editor.document.uri);
		assert.equal(settled, false, 'the pattern is still running');
		assert.deepEqual(during && texts(during), ['aaa']);
		assert.equal(await running, undefined, 'the command gives up after the time limit');
		const after = await getAnalysis(editor.document.uri);
		assert.deepEqual(after && texts(after), ['aaa'], 'the previous analysis stays');
		assert.equal(after?.version, before.version);
		// The next pattern gets a fresh worker.
		await updateSetting('tokenizerPattern', '\\w+');
		selectTexts(editor, 'short aaa');
		const next = await tokenize();
		assert.deepEqual(next && texts(next), ['short', 'aaa']);
	});

	it('live mode follows liveMode.enabled', async () => {
		await updateSetting('liveMode.debounceMs', 50);
		const editor = await openText('one two three\nfour five\n');
		await updateSetting('liveMode.enabled', true);
		selectTexts(editor, 'four five');
		await analysisWhere(editor.document.uri, (r) => r.examples[0].T_x === 2, 'the live analysis');
		await updateSetting('liveMode.enabled', false);
		const state = await vscode.commands.executeCommand<{ liveMode: boolean }>('sequenceLens.toggleLiveMode');
		assert.deepEqual(state, { liveMode: true }, 'the setting turned it off, so toggling turns it on');
		await vscode.commands.executeCommand('sequenceLens.toggleLiveMode');
	});
});

describe('Settings manifest, as VS Code reads it', () => {
	interface Property {
		type?: string;
		default?: unknown;
		markdownDescription?: string;
		enum?: string[];
		enumDescriptions?: string[];
		minimum?: number;
		maximum?: number;
		scope?: string;
	}
	const manifest = () => {
		const ext = vscode.extensions.all.find((e) => (e.packageJSON as { name?: string }).name === 'sequence-lens');
		assert.ok(ext, 'the extension is installed');
		return ext.packageJSON as {
			capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
			contributes: { commands: { title: string; category: string }[]; configuration: { properties: Record<string, Property> } };
		};
	};

	it('gives every setting a type, a default and a translated description; enums their descriptions; numbers bounds', () => {
		const properties = manifest().contributes.configuration.properties;
		for (const [key, p] of Object.entries(properties)) {
			assert.ok(p.type, `${key} has a type`);
			assert.notEqual(p.default, undefined, `${key} has a default`);
			assert.ok(p.markdownDescription && !p.markdownDescription.startsWith('%'), `${key} has a translated description`);
			if (p.enum) {
				assert.equal(p.enumDescriptions?.length, p.enum.length, `${key} describes each value`);
				assert.ok(p.enumDescriptions?.every((d) => !d.startsWith('%')));
			}
			if (p.type === 'integer' || p.type === 'number') {
				assert.ok(p.minimum !== undefined && p.maximum !== undefined, `${key} has bounds`);
			}
		}
		assert.equal(properties['sequenceLens.tokenizerPattern'].scope, 'resource');
		assert.equal(properties['sequenceLens.vocabularyPath'].scope, 'resource');
	});

	it('restricts the user pattern and the vocabulary path in untrusted workspaces', () => {
		const restricted = manifest().capabilities.untrustedWorkspaces.restrictedConfigurations;
		assert.ok(restricted.includes('sequenceLens.tokenizerPattern'));
		assert.ok(restricted.includes('sequenceLens.vocabularyPath'));
	});

	it('shows command titles from package.nls.json', () => {
		const tokenize = manifest().contributes.commands.find((c) => c.title === 'Tokenize Selection');
		assert.equal(tokenize?.category, 'Sequence Lens');
	});
});
