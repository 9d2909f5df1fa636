// Bad and hostile input through the real UI: an empty selection gets a message saying what to
// select; document text that looks like HTML is shown as text in the webview and runs nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchWorkbench, type Workbench } from './harness';
import { matrixRows } from './matrixPixels';

/** 6,000 lines of three words: 18,000 tokens, far above what is decorated at once. */
const largeText = Array.from({ length: 6000 }, (_, k) => `line ${k + 1} words`).join('\n');
const hostile = '<img src=x onerror=alert(1)> </script><script>alert(2)</script> <b>bold</b>';

describe('bad and hostile input in the real workbench', function () {
	this.timeout(180_000);
	let wb: Workbench;
	const dialogs: string[] = [];

	let workspace: string;

	before(async () => {
		workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-e2e-hostile-'));
		fs.writeFileSync(path.join(workspace, 'hostile.txt'), `${hostile}\n`);
		fs.writeFileSync(path.join(workspace, 'large.txt'), largeText);
		// Whitespace tokens keep the angle brackets, so the markup reaches the webview intact.
		wb = await launchWorkbench({
			workspace,
			openFile: 'hostile.txt',
			theme: 'Default Dark Modern',
			settings: { 'sequenceLens.tokenizer': 'whitespace', 'editor.wordWrap': 'on', 'files.hotExit': 'off', 'workbench.reduceMotion': 'on' },
		});
		wb.page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
	});
	after(async () => {
		await wb?.close();
		fs.rmSync(workspace, { recursive: true, force: true });
	});

	it('an empty selection shows a message saying what to select', async () => {
		await wb.page.locator('.part.editor .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
		await wb.runCommand('Sequence Lens: Tokenize Selection');
		const message = await wb.waitForNotification('select some text');
		assert.match(message, /Tokenize Selection/);
		assert.deepEqual(await wb.afterDecorations(), []);
		await wb.screenshot('empty-selection-message');
	});

	it('markup in the document renders as text in the matrix and runs nothing', async () => {
		await wb.selectAll();
		await wb.runCommand('Sequence Lens: Tokenize Selection');
		const tokens = hostile.split(' ');
		assert.equal(tokens.length, 5);
		await wb.waitForAfterDecorations((t) => t.length === tokens.length);
		await wb.runCommand('Sequence Lens: Show One-Hot Matrix');
		const frame = wb.webview();
		await frame.locator('table.body tbody tr').nth(4).waitFor({ state: 'attached', timeout: 20_000 });
		const rows = await matrixRows(frame);
		assert.deepEqual(rows.map((r) => r.token), tokens);
		const chips = await frame.locator('.strip .chip-text').allTextContents();
		assert.deepEqual(chips, tokens);
		// Nothing was parsed as markup: no img, no injected script, no <b> in the webview. The
		// first summary rides in the HTML as a JSON data block (never run): the text is in it,
		// with no `<` left to end the block.
		const injected = await frame.locator('body').evaluate(() => {
			const scripts = Array.from(document.querySelectorAll('script'));
			const data = scripts.filter((s) => s.type === 'application/json');
			return {
				img: document.querySelectorAll('img').length,
				alertScripts: scripts.filter((s) => !data.includes(s) && (s.textContent ?? '').includes('alert(')).length,
				bold: document.querySelectorAll('b').length,
				dataBlocks: data.length,
				dataHasLessThan: data.some((s) => (s.textContent ?? '').includes('<')),
				dataRowsHoldText: data.some((s) => (s.textContent ?? '').includes('onerror=alert(1)')),
			};
		});
		assert.deepEqual(injected, { img: 0, alertScripts: 0, bold: 0, dataBlocks: 1, dataHasLessThan: false, dataRowsHoldText: true });
		// Give an onerror handler time to fire if it had been created.
		await new Promise((resolve) => setTimeout(resolve, 500));
		assert.deepEqual(dialogs, []);
		await wb.screenshot('matrix-hostile-text');
	});

	it('the hover shows the markup as text', async () => {
		// Back to the text editor's group (the matrix panel took the active group).
		await wb.page.locator('.part.editor .monaco-editor .view-lines').first().click({ position: { x: 5, y: 40 } });
		const text = await wb.hoverWord('<b>bold</b>', 'x⟨5⟩').catch(async (error: Error) => {
			await wb.screenshot('hover-hostile-failure');
			throw error;
		});
		assert.ok(text.includes('"<b>bold</b>"'), text);
		const bolds = await wb.page.locator('.monaco-hover b').count();
		assert.equal(bolds, 0);
	});

	it('a large analysis is decorated where the editor shows it, and follows scrolling', async () => {
		await wb.openFile('large.txt');
		await wb.selectAll();
		await wb.runCommand('Sequence Lens: Tokenize Selection');
		await wb.page.locator('.part.statusbar .statusbar-item', { hasText: 'T_x 18000' }).first().waitFor({ state: 'visible' });
		// Ctrl+End moves the cursor (collapsing the selection) and scrolls to the last line.
		await wb.page.keyboard.press('Control+End');
		const texts = await wb.waitForAfterDecorations((t) => t.some((text) => text.includes('10000')) && t.length > 0);
		const editorText = await wb.editorText();
		assert.match(editorText, /line 6000 words/);
		assert.ok(texts.length > 0 && texts.length < 1000, `${texts.length} decorations rendered`);
		await wb.screenshot('large-analysis-end');
	});
});
