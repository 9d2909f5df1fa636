// Build Vocabulary from Workspace… cancelled mid-run with the Cancel button of its progress
// notification, in the real workbench: nothing is written, the vocabulary in use stays in use
// and the message says so.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reportFailure, waitFor, type Workbench } from './harness';
import { answerBuildQuestions, indices, launchVocabularyWorkspace, startBuildVocabulary, type FolderFiles, type VocabularyWorkspace } from './vocabularyWorkspace';
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
	let vw: VocabularyWorkspace;
	let wb: Workbench;
	let workspace: string;

	before(async () => {
		const files: FolderFiles = { 'words.txt': 'cat\ndog\n<UNK>\n', 'a.txt': 'cat dog fish\n' };
		for (let f = 0; f < corpusFiles; f++) {
			const words: string[] = [];
			for (let w = 0; w < wordsPerFile; w++) {
				words.push(`word${(f * 7919 + w * 104_729) % 200_003}`);
			}
			files[`corpus/part${String(f).padStart(4, '0')}.txt`] = `${words.join(' ')}\n`;
		}
		vw = await launchVocabularyWorkspace({ prefix: 'sl-e2e-cancel-', files, openFile: 'a.txt' });
		({ wb, root: workspace } = vw);
	});
	afterEach(async function () {
		if (this.currentTest?.state === 'failed' && wb) {
			await reportFailure(wb, `build-cancel-failure-${this.currentTest.title.slice(0, 40)}`);
		}
	});
	after(async () => {
		await vw?.close();
	});

	it('stops at Cancel: nothing written, the previous vocabulary still numbers the text, and it says so', async () => {
		await wb.selectAll();
		await wb.runCommand('Sequence Lens: Tokenize Selection');
		// words.txt: cat 1, dog 2, fish is <UNK> = 3.
		await wb.waitForAfterDecorations((texts) => indices(texts) === '1 2 3');
		const before = listing(workspace);

		await startBuildVocabulary(wb);
		await answerBuildQuestions(wb);

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
