// A multi-root workspace (a .code-workspace with two folders) in the real workbench. Each folder
// sets `sequenceLens.vocabularyPath` to its own `words.txt` (the same relative path), so a
// selection is numbered by the vocabulary of the folder its file is in. Build Vocabulary from
// Workspace… asks which folder to scan and names it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { reportFailure, waitFor, type Workbench } from './harness';
import { answerBuildQuestions, indices, launchVocabularyWorkspace, startBuildVocabulary, type VocabularyWorkspace } from './vocabularyWorkspace';

describe('A multi-root workspace in the real workbench', function () {
	this.timeout(240_000);
	let vw: VocabularyWorkspace;
	let wb: Workbench;
	let root: string;
	let quickInput: Locator;

	before(async () => {
		// Course convention: a plain list is numbered from 1 in file order.
		vw = await launchVocabularyWorkspace({
			prefix: 'sl-e2e-multi-',
			folders: {
				alpha: { 'words.txt': 'cat\ndog\n<UNK>\n', 'a.txt': 'cat dog fish\n' },
				beta: { 'words.txt': 'bird\ncat\ndog\nfish\n<UNK>\n', 'b.txt': 'cat dog fish\n' },
			},
			openFile: 'alpha/a.txt',
		});
		({ wb, root } = vw);
		quickInput = wb.page.locator('.quick-input-widget');
	});
	afterEach(async function () {
		if (this.currentTest?.state === 'failed' && wb) {
			await reportFailure(wb, `multi-root-failure-${this.currentTest.title.slice(0, 40)}`);
		}
	});
	after(async () => {
		await vw?.close();
	});

	it('numbers a selection in each folder with that folder’s vocabulary', async () => {
		await wb.selectAll();
		await wb.runCommand('Sequence Lens: Tokenize Selection');
		// alpha: cat 1, dog 2, fish is <UNK> = 3.
		await wb.waitForAfterDecorations((texts) => indices(texts) === '1 2 3');

		await wb.openFile('b.txt');
		await wb.selectAll();
		await wb.runCommand('Sequence Lens: Tokenize Selection');
		// beta: bird 1, cat 2, dog 3, fish 4.
		await wb.waitForAfterDecorations((texts) => indices(texts) === '2 3 4');
		await wb.screenshot('multi-root-beta');

		// Back in alpha, its analysis still has alpha's numbers.
		await wb.openFile('a.txt');
		await wb.waitForAfterDecorations((texts) => indices(texts) === '1 2 3');
		const hover = await wb.hoverWord('fish', 'words.txt');
		assert.match(hover, /<UNK>/);
		assert.match(hover, /\|V\| = 3 /);
	});

	it('Build Vocabulary from Workspace… asks which folder and names the one it scans', async () => {
		const input = quickInput.locator('.quick-input-box input');
		await startBuildVocabulary(wb);

		const rows = await waitFor('the folder pick', async () => {
			const labels = await quickInput.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts().catch((): string[] => []);
			return labels.includes('alpha') && labels.includes('beta') ? labels : undefined;
		});
		assert.deepEqual(rows.slice().sort(), ['alpha', 'beta']);
		assert.match(await input.getAttribute('placeholder') ?? '', /Which workspace folder/);
		await wb.screenshot('multi-root-build-folder-pick');
		await quickInput.locator('.quick-input-list .monaco-list-row', { hasText: 'beta' }).first().click();

		const prompt = await waitFor('the glob question naming beta', async () => {
			const text = await quickInput.innerText().catch(() => '');
			return text.includes('(1/5)') ? text : undefined;
		});
		assert.match(prompt, /Files of “beta” to read/);
		assert.match(prompt, new RegExp(`relative to ${path.join(root, 'beta').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
		await answerBuildQuestions(wb);
		// beta holds b.txt and words.txt (the glob is **/*.{txt,md}).
		const summary = await wb.waitForNotification('Save it?', 60_000);
		assert.match(summary, /vocabulary built from 2 files of “beta”/);
	});
});
