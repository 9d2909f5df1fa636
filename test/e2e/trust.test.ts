// Restricted mode in the real workbench: with workspace trust on and the folder not trusted, the
// folder's sequenceLens.vocabularyPath and sequenceLens.tokenizerPattern are ignored, a message
// names them, and tokenizing uses the built-in vocabulary and the default pattern.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchWorkbench, type Workbench } from './harness';

const stripIsolates = (text: string) => text.replace(/[\u2068\u2069]/g, '');

describe('untrusted workspace (workspace trust on, folder not trusted)', function () {
	this.timeout(240_000);
	let wb: Workbench;

	before(async () => {
		wb = await launchWorkbench({
			workspaceTrust: true,
			settings: {
				'sequenceLens.tokenizer': 'regex',
				// One token per character, if it were used.
				'sequenceLens.tokenizerPattern': '\\S',
				// A three-entry vocabulary, if it were used: 221B would be 3 <UNK>.
				'sequenceLens.vocabularyPath': 'tiny-vocab.txt',
			},
		});
		fs.writeFileSync(path.join(wb.workspace, 'tiny-vocab.txt'), 'sherlock\nholmes\n<UNK>\n');
		// The trust prompt, when the workbench shows one at startup: do not trust.
		const notTrusted = wb.page.getByRole('button', { name: /No, I don't trust the authors/i });
		if (await notTrusted.isVisible({ timeout: 15_000 }).catch(() => false)) {
			await notTrusted.click();
		}
		await wb.openFile('reference.txt');
	});
	after(async () => {
		await wb?.close();
	});

	it('runs in restricted mode', async () => {
		const restricted = wb.page.locator('.part.statusbar .statusbar-item', { hasText: /Restricted Mode/i });
		await restricted.first().waitFor({ state: 'visible', timeout: 30_000 });
	});

	it('ignores the folder\'s pattern and vocabulary path, and says so', async () => {
		await wb.selectAll();
		await wb.runCommand('Sequence Lens: Tokenize Selection');
		const texts = (await wb.waitForAfterDecorations((t) => t.length >= 12)).map(stripIsolates);
		// Twelve word tokens (the default pattern), 221B = 10000 <UNK> (the built-in vocabulary).
		assert.equal(texts.length, 12, JSON.stringify(texts));
		assert.equal(texts[7], '10000 <UNK>');
		const message = await wb.waitForNotification('this workspace is not trusted');
		assert.match(message, /sequenceLens\.vocabularyPath, sequenceLens\.tokenizerPattern are ignored/);
		await wb.screenshot('untrusted-workspace');
	});

});
