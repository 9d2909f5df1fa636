// Build Vocabulary from Workspace… cancelled mid-run with the Cancel button of its progress
// notification, in the real workbench: nothing is written, the vocabulary in use stays in use
// and the message says so.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { launchWorkbench, waitFor, type Workbench } from './harness';

/** Decoration texts without their bidi isolates and `<UNK>` markers: the indices alone. */
const indices = (texts: string[]) => texts.map((t) => t.replace(/[\u2066-\u2069]/g, '').replace(/\s*<UNK>/, '')).join(' ');

const buildTitle = 'Sequence Lens: Build Vocabulary from Workspace…';
/** Large enough that counting it takes many progress steps (about 120 MB in 400 files). */
const corpusFiles = 400;
const wordsPerFile = 40_000;

/** Every file and its size under `dir`, sorted, to tell whether anything was written. */
function listing(dir: string): string[] {
	return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
		.filter((entry) => entry.isFile())
		.map((entry) => {
			const file = path.join(entry.parentPath, entry.name);
			return `${path.relative(dir, file)} ${fs.statSync(file).size}`;
		})
		.sort();
}

describe('Build Vocabulary from Workspace… cancelled in the real workbench', function () {
	this.timeout(300_000);
	let wb: Workbench;
	let workspace: string;
	let quickInput: Locator;

	before(async () => {
		workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-e2e-cancel-'));
		fs.writeFileSync(path.join(workspace, 'words.txt'), 'cat\ndog\n<UNK>\n');
		fs.writeFileSync(path.join(workspace, 'a.txt'), 'cat dog fish\n');
		fs.mkdirSync(path.join(workspace, 'corpus'));
		for (let f = 0; f < corpusFiles; f++) {
			const words: string[] = [];
			for (let w = 0; w < wordsPerFile; w++) {
				words.push(`word${(f * 7919 + w * 104_729) % 200_003}`);
			}
			fs.writeFileSync(path.join(workspace, 'corpus', `part${String(f).padStart(4, '0')}.txt`), `${words.join(' ')}\n`);
		}
		wb = await launchWorkbench({
			workspace,
			openFile: 'a.txt',
			theme: 'Default Light Modern',
			settings: { 'files.hotExit': 'off', 'workbench.reduceMotion': 'on', 'sequenceLens.vocabularyPath': 'words.txt' },
		});
		quickInput = wb.page.locator('.quick-input-widget');
	});
	afterEach(async function () {
		if (this.currentTest?.state === 'failed' && wb) {
			await wb.screenshot(`build-cancel-failure-${this.currentTest.title.slice(0, 40)}`);
			console.log((await wb.notifications()).join('\n'));
			console.log(wb.consoleLog.filter((line) => /error|sequence/i.test(line)).slice(-20).join('\n'));
		}
	});
	after(async () => {
		await wb?.close();
		fs.rmSync(workspace, { recursive: true, force: true });
	});

	it('stops at Cancel: nothing written, the previous vocabulary still numbers the text, and it says so', async () => {
		await wb.selectAll();
		await wb.runCommand('Sequence Lens: Tokenize Selection');
		// words.txt: cat 1, dog 2, fish is <UNK> = 3.
		await wb.waitForAfterDecorations((texts) => indices(texts) === '1 2 3');
		const before = listing(workspace);

		const input = quickInput.locator('.quick-input-box input');
		// As the harness's runCommand, but the command's own first question follows in the same widget.
		await waitFor(`the palette row "${buildTitle}"`, async () => {
			if (await quickInput.isVisible()) {
				await wb.page.keyboard.press('Escape');
			}
			await wb.page.keyboard.press('F1');
			await input.waitFor({ state: 'visible', timeout: 5000 });
			await input.fill(`>${buildTitle}`);
			const row = quickInput.locator('.quick-input-list .monaco-list-row', { hasText: 'Build Vocabulary from Workspace' }).first();
			return (await row.waitFor({ timeout: 10_000 }).then(() => true).catch(() => false)) ? true : undefined;
		}, 60_000, 250);
		await wb.page.keyboard.press('Enter');
		for (const step of ['(1/5)', '(2/5)', '(3/5)', '(4/5)', '(5/5)']) {
			await waitFor(`the question ${step}`, async () => ((await quickInput.innerText().catch(() => '')).includes(step) ? true : undefined));
			await wb.page.keyboard.press('Enter');
		}

		// The progress notification counts files; Cancel once it has started on them.
		const progress = wb.page.locator('.notifications-toasts .notification-toast', { hasText: 'Building a vocabulary from' }).first();
		const counted = await waitFor('the progress notification counting files', async () => {
			const text = await progress.innerText().catch(() => '');
			const match = /(\d+) of (\d+) files/.exec(text);
			return match && Number(match[1]) >= 1 ? match : undefined;
		}, 60_000, 50);
		assert.equal(Number(counted[2]), corpusFiles + 2);
		await wb.screenshot('build-vocabulary-progress');
		await progress.hover();
		await progress.locator('a.monaco-button', { hasText: /^Cancel$/ }).click();

		const note = await wb.waitForNotification('cancelled', 60_000);
		assert.match(note, /vocabulary build cancelled; nothing was saved/);
		await progress.waitFor({ state: 'hidden', timeout: 10_000 });
		// Stopped before the end: no summary, no preview of what was cut, no new file.
		assert.equal((await wb.notifications()).some((message) => message.includes('Save it?')), false);
		assert.equal(await wb.page.locator('.part.editor .tab', { hasText: 'vocabulary-build' }).count(), 0);
		assert.deepEqual(listing(workspace), before);

		// The vocabulary in use is still words.txt.
		await wb.openFile('a.txt');
		await wb.selectAll();
		await wb.runCommand('Sequence Lens: Tokenize Selection');
		await wb.waitForAfterDecorations((texts) => indices(texts) === '1 2 3');
		const hover = await wb.hoverWord('fish', 'words.txt');
		assert.match(hover, /\|V\| = 3 /);
	});
});
