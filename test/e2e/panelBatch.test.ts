// The matrix panel with several examples, through the real workbench: the hover's "Show in
// matrix" on an <UNK> token of the second example switches the panel to that example and
// highlights the token's row; the batch view in light, dark and high-contrast themes; and after
// Developer: Reload Window the analysis itself comes back (decorations and the panel's rows).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import type * as Core from '../../src/core/index';
import { launchWorkbench, repoRoot, waitFor, type Workbench } from './harness';
import { matrixRows } from './matrixPixels';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const core = require(path.join(repoRoot, 'dist', 'core.js')) as typeof Core;
const lines = ['Sherlock Holmes lived in London', 'Watson met qzxv there'];
const examples = lines.map((line) => core.analysisToRecord(core.analyze(line)));
const unkToken = examples[1].tokens.find((t) => t.unknown);
const stripIsolates = (text: string) => text.replace(/[\u2068\u2069]/g, '');

/** The selected row of the panel, as its header and token text; undefined when none is selected. */
async function selectedRow(frame: FrameLocator): Promise<{ step: string; token: string; badge: string } | undefined> {
	const rows = frame.locator('table.body tbody tr.selected');
	if ((await rows.count()) !== 1) {
		return undefined;
	}
	return rows.first().evaluate((row) => ({
		step: row.querySelector('th')?.textContent ?? '',
		token: row.querySelector('.token-text')?.textContent ?? '',
		badge: row.querySelector('.badge')?.textContent ?? '',
	}));
}

describe('matrix panel with several examples, and an analysis after a reload', function () {
	this.timeout(240_000);
	let wb: Workbench;
	let workspace: string;
	let settingsFile: string;

	const setTheme = (theme: string) => {
		const current = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
		fs.writeFileSync(settingsFile, JSON.stringify({ ...current, 'workbench.colorTheme': theme }, null, '\t'));
	};
	const themeKind = (frame: FrameLocator) => frame.locator('body').evaluate((body) => body.className);

	before(async () => {
		assert.ok(unkToken, 'the second line holds an <UNK> token');
		assert.ok(examples[0].tokens.every((t) => !t.unknown), 'the first line holds none');
		workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-e2e-batch-'));
		fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
		fs.writeFileSync(path.join(workspace, 'batch.txt'), `${lines.join('\n')}\n`);
		wb = await launchWorkbench({
			workspace,
			theme: 'Default Light Modern',
			viewport: { width: 1600, height: 900 },
			settings: { 'files.hotExit': 'off', 'workbench.reduceMotion': 'on' },
		});
		settingsFile = path.join(workspace, '.vscode', 'settings.json');
		await wb.page.locator('.part.editor').click({ position: { x: 200, y: 200 } });
		await wb.page.keyboard.press('Control+B');
		await wb.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
		// Opened from quick open, not the page's address: a file named there would be opened
		// again by the reload instead of the editors (and the panel) being restored.
		await wb.openFile('batch.txt');
	});
	after(async () => {
		await wb?.close();
		fs.rmSync(workspace, { recursive: true, force: true });
	});

	it('Show in matrix on an <UNK> token of X^(2) switches the panel to X^(2) and highlights its row', async () => {
		await wb.page.locator('.part.editor .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
		await wb.page.keyboard.press('Control+Home');
		await wb.page.keyboard.press('Shift+Alt+ArrowDown');
		await wb.page.keyboard.press('Shift+End');
		await wb.runCommand('Sequence Lens: Tokenize Selection');
		const total = examples[0].tokens.length + examples[1].tokens.length;
		await wb.waitForAfterDecorations((t) => t.length === total);
		await wb.runCommand('Sequence Lens: Show One-Hot Matrix');
		const frame = wb.webview();
		await frame.locator('button.example.active').waitFor({ state: 'visible', timeout: 30_000 });
		assert.match(await frame.locator('button.example.active').innerText(), /^X\^\(1\)/);

		// The hover of the <UNK> token, and its link, as a user clicks it.
		await wb.page.locator('.part.editor .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
		await wb.hoverWord(unkToken?.text ?? '', 'Show in matrix');
		await wb.page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Show in matrix' }).first().click();

		const row = await waitFor('the <UNK> row of X^(2) selected', async () => {
			const r = await selectedRow(frame);
			return r && r.token === unkToken?.text ? r : undefined;
		});
		assert.equal(row.step, `x^(2)⟨${unkToken?.t}⟩`);
		assert.equal(row.badge, '<UNK>');
		assert.match(await frame.locator('button.example.active').innerText(), /^X\^\(2\)/);
		await wb.screenshot('panel-show-in-matrix-light');
	});

	it('the batch view in light, dark and high-contrast themes', async () => {
		const frame = wb.webview();
		await frame.locator('button.example.batch').click();
		await waitFor('the batch rows', async () => {
			const rows = await matrixRows(frame);
			return rows.length === 2 * (examples[0].tokens.length + 1) && !rows.some((r) => r.token === '…') ? true : undefined;
		});
		assert.match(await themeKind(frame), /vscode-light/);
		await wb.screenshot('panel-batch-light');
		setTheme('Default Dark Modern');
		await waitFor('the dark theme in the panel', async () => (/vscode-dark/.test(await themeKind(frame)) ? true : undefined));
		await wb.screenshot('panel-batch-dark');
		setTheme('Default High Contrast');
		await waitFor('the high-contrast theme in the panel', async () => (/vscode-high-contrast/.test(await themeKind(frame)) ? true : undefined));
		await wb.screenshot('panel-batch-hc');
		setTheme('Default Light Modern');
		await waitFor('the light theme again', async () => (/vscode-light/.test(await themeKind(frame)) ? true : undefined));
	});

	it('after Developer: Reload Window the analysis comes back: decorations and the panel\'s rows', async () => {
		const total = examples[0].tokens.length + examples[1].tokens.length;
		await wb.runCommand('Developer: Reload Window').catch(() => undefined);
		await wb.page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 90_000 });
		const texts = await wb.waitForAfterDecorations((t) => t.length === total, 90_000);
		assert.deepEqual(
			texts.map(stripIsolates),
			[...examples[0].tokens, ...examples[1].tokens].map((t) => (t.unknown ? `${t.index} <UNK>` : String(t.index))),
		);
		const tab = wb.page.locator('.part.editor .tab', { hasText: 'One-Hot Matrix' }).first();
		await tab.waitFor({ state: 'visible', timeout: 60_000 }).catch(async (error: Error) => {
			await wb.screenshot('panel-batch-reload-failure');
			fs.writeFileSync(path.join(repoRoot, 'test-results', 'panel-batch-reload-console.log'), wb.consoleLog.join('\n'));
			throw error;
		});
		await tab.click();
		const frame = wb.webview();
		const rows = await waitFor('the restored panel\'s rows', async () => {
			const r = await matrixRows(frame);
			return r.some((row) => row.token === unkToken?.text) ? r : undefined;
		}, 60_000);
		assert.ok(rows.some((r) => r.token === examples[0].tokens[0].text), 'the batch view shows X^(1) too');
		await wb.screenshot('panel-batch-reloaded-light');
	});
});
