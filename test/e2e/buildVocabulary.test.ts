// Build Vocabulary from Workspace… through the real command palette and its real questions
// (input boxes with validation, quick picks, the modal summary, the save dialog, the "use it"
// notification); then the hover's Add to vocabulary link on a word the build cut.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { reportFailure, waitFor, type Workbench } from './harness';
import { indices, launchVocabularyWorkspace, startBuildVocabulary, type VocabularyWorkspace } from './vocabularyWorkspace';

describe('Build Vocabulary from Workspace… in the real workbench', function () {
	this.timeout(240_000);
	let vw: VocabularyWorkspace;
	let wb: Workbench;
	let workspace: string;
	let quickInput: Locator;

	before(async () => {
		vw = await launchVocabularyWorkspace({
			prefix: 'sl-e2e-build-',
			files: {
				'a.txt': 'the cat sat on the mat\n',
				'b.md': 'The dog sat. the cat ran!\n',
				'notes/c.txt': 'zebra\n',
				'blob.txt': Buffer.from('binary\0data', 'latin1'),
			},
			settings: { 'files.simpleDialog.enable': true },
		});
		({ wb, root: workspace } = vw);
		quickInput = wb.page.locator('.quick-input-widget');
	});
	afterEach(async function () {
		if (this.currentTest?.state === 'failed' && wb) {
			await reportFailure(wb, `build-vocabulary-failure-${this.currentTest.title.slice(0, 40)}`);
		}
	});
	after(async () => {
		await vw?.close();
	});

	/** Waits for the quick input whose title contains `step`. */
	const step = (text: string) =>
		waitFor(`the question "${text}"`, async () => ((await quickInput.locator('.quick-input-title').innerText().catch(() => '')).includes(text) ? true : undefined));
	const input = () => quickInput.locator('.quick-input-box input');
	const notificationButton = (label: string) =>
		wb.page.locator('.notifications-toasts .notification-toast a.monaco-button', { hasText: new RegExp(`^${label}$`) }).first();

	it('asks its questions, counts the corpus, shows what was cut, saves vocab.txt and makes it active', async () => {
		await startBuildVocabulary(wb, 'build-vocabulary-palette');

		await step('(1/5)');
		assert.equal(await input().inputValue(), '**/*.{txt,md}');
		await wb.page.keyboard.press('Enter');

		await step('(2/5)');
		await input().fill('ten');
		const message = await waitFor('the validation message', async () => {
			const text = await quickInput.locator('.quick-input-message').innerText().catch(() => '');
			return text.includes('whole number') ? text : undefined;
		});
		assert.match(message, /at least 0/);
		await wb.screenshot('build-vocabulary-validation');
		await input().fill('3');
		await wb.page.keyboard.press('Enter');

		await step('(3/5)');
		await wb.page.keyboard.press('Enter');

		await step('(4/5)');
		const first = await quickInput.locator('.quick-input-list .monaco-list-row').first().innerText();
		assert.match(first, /Course/);
		await wb.screenshot('build-vocabulary-convention');
		await wb.page.keyboard.press('Enter');

		await step('(5/5)');
		assert.match(await quickInput.locator('.quick-input-list .monaco-list-row').first().innerText(), /Alphabetical/);
		await wb.page.keyboard.press('Enter');

		const summary = await wb.waitForNotification('Save it?', 60_000);
		assert.match(summary, /vocabulary built from 3 files of “sl-e2e-build-\w+” \(1 skipped: binary, too large or unreadable\): \|V\| = 4, 3 words kept \(they cover 61\.5% of the tokens\), 5 cut/);
		// The preview beside lists the cut words with their counts.
		await wb.page.locator('.part.editor .tab', { hasText: 'vocabulary-build-1.txt' }).first().waitFor();
		const preview = await wb.page.locator('.part.editor .editor-group-container', { hasText: 'Cut: 5 words' }).first().innerText();
		// Monaco renders spaces as non-breaking ones.
		assert.match(preview.replace(/\u00a0/g, ' '), /Skipped: 1 binary/);
		await wb.screenshot('build-vocabulary-summary');
		await notificationButton('Save…').click();

		// The web workbench's save dialog is a quick input holding the proposed path.
		await waitFor('the save dialog', async () => ((await input().inputValue().catch(() => '')).endsWith('vocab.txt') ? true : undefined));
		await wb.page.keyboard.press('Enter');
		const saved = path.join(workspace, 'vocab.txt');
		await waitFor('vocab.txt on disk', async () => (fs.existsSync(saved) ? true : undefined));
		assert.equal(fs.readFileSync(saved, 'utf8'), 'cat\nsat\nthe\n<UNK>\n');

		await wb.waitForNotification('Make it the active vocabulary?');
		await notificationButton('Use It').click();
		const settings = await waitFor('vocabularyPath in the folder settings', async () => {
			const file = path.join(workspace, '.vscode', 'settings.json');
			const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
			return text.includes('sequenceLens.vocabularyPath') ? (JSON.parse(text) as Record<string, unknown>) : undefined;
		});
		assert.equal(settings['sequenceLens.vocabularyPath'], 'vocab.txt');
	});

	it('numbers a.txt with the built vocabulary, and Add to vocabulary in the hover puts a cut word in its place', async () => {
		await wb.openFile('a.txt');
		await wb.selectAll();
		await wb.runCommand('Sequence Lens: Tokenize Selection');
		// the cat sat on the mat → 3 1 2 4 3 4 under cat, sat, the, <UNK>.
		await wb.waitForAfterDecorations((texts) => indices(texts) === '3 1 2 4 3 4');
		const hover = await wb.hoverWord('mat', 'Add to vocabulary');
		assert.match(hover, /Show in matrix/);
		await wb.screenshot('hover-add-to-vocabulary');
		await wb.page.locator('.monaco-hover a', { hasText: 'Add to vocabulary' }).last().click();
		await wb.waitForNotification('Add “mat” to vocab.txt?');
		await notificationButton('Add').click();
		const note = await wb.waitForNotification('added at');
		assert.match(note, /“mat” added at 2; the indices of the 3 entries after it moved up by one \(\|V\| = 5\)/);
		assert.equal(fs.readFileSync(path.join(workspace, 'vocab.txt'), 'utf8'), 'cat\nmat\nsat\nthe\n<UNK>\n');
		// Re-rendered: sat, the and <UNK> moved up by one, mat is no longer <UNK>.
		await wb.waitForAfterDecorations((texts) => indices(texts) === '4 1 3 5 4 2');
		await wb.screenshot('after-add-to-vocabulary');
	});
});
