// The matrix panel's views through the real workbench: zoom (column labels, the go-to box, the
// keyboard), compact (gap markers), the y column and label toggling, the batch view, a 100,000-
// token analysis scrolled to its end, hostile text in the go-to box, a theme switch, and the
// panel coming back after a window reload. Canvas pixels are read where the 1s must be.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import type * as Core from '../../src/core/index';
import { launchWorkbench, repoRoot, waitFor, type Workbench } from './harness';
import { colourDistance, matrixRows, probeMarks } from './matrixPixels';
import { cellAt, columnLabels, gapLabels, setView } from './panelProbe';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const core = require(path.join(repoRoot, 'dist', 'core.js')) as typeof Core;
const expected = core.analysisToRecord(core.analyze(core.referenceSentence));
const unkColumn = expected.unkIndex - expected.base;

/** 100,000 tokens: a cycle of words, some of them not in the vocabulary. */
const bigWords = ['the', 'cat', 'sat', 'on', 'a', 'mat', 'zyxwv', 'river', 'under', 'light', 'qqqq', 'morning'];
const bigText = Array.from({ length: 10_000 }, (_, line) => Array.from({ length: 10 }, (_, k) => bigWords[(line * 10 + k) % bigWords.length]).join(' ')).join('\n');
const batchText = 'Sherlock Holmes lived in London\nWatson wrote\n';

async function showMatrix(wb: Workbench, rows: number): Promise<FrameLocator> {
	await wb.runCommand('Sequence Lens: Show One-Hot Matrix');
	const frame = wb.webview();
	await frame.locator('table.body tbody tr').nth(rows - 1).waitFor({ state: 'attached', timeout: 30_000 });
	return frame;
}

describe('matrix panel views in the real workbench', function () {
	this.timeout(180_000);
	let wb: Workbench;
	let workspace: string;
	let frame: FrameLocator;

	before(async () => {
		workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-e2e-panel-'));
		fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
		fs.writeFileSync(path.join(workspace, 'big.txt'), bigText);
		fs.writeFileSync(path.join(workspace, 'batch.txt'), batchText);
		wb = await launchWorkbench({
			workspace,
			theme: 'Default Dark Modern',
			viewport: { width: 1600, height: 900 },
			settings: { 'files.hotExit': 'off', 'workbench.reduceMotion': 'on' },
		});
		await wb.page.locator('.part.editor').click({ position: { x: 200, y: 200 } });
		await wb.page.keyboard.press('Control+B');
		await wb.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
		await wb.runCommand('Sequence Lens: Open Reference Example');
		await wb.waitForAfterDecorations((t) => t.length === 12);
		frame = await showMatrix(wb, 12);
	});
	after(async () => {
		await wb?.close();
		fs.rmSync(workspace, { recursive: true, force: true });
	});

	it('zoom: "go to" a word shows its column with index and word, and the row holding it has a 1 there', async () => {
		await setView(frame, 'zoom');
		await frame.locator('.goto-input').fill('Holmes');
		await frame.locator('.goto-input').press('Enter');
		const holmes = expected.tokens[1];
		const label = await waitFor('the Holmes column label', async () => (await columnLabels(frame)).find((l) => l.column === holmes.column && l.word === 'holmes'));
		assert.equal(label.index, String(holmes.index));
		assert.match(await frame.locator('.goto-answer').innerText(), new RegExp(`index ${holmes.index}`));
		const one = await cellAt(frame, 1, holmes.column);
		const zero = await cellAt(frame, 0, holmes.column);
		assert.ok(colourDistance(one, zero) > 60, `the 1 of x⟨2⟩ (${one}) differs from the 0 above it (${zero})`);
		await wb.screenshot('panel-zoom-dark');
	});

	it('zoom: the arrow keys move the columns; the <UNK> column is marked', async () => {
		const before = (await columnLabels(frame))[0].column;
		await frame.locator('.viewport').focus();
		await frame.locator('.viewport').press('ArrowRight');
		await waitFor('the columns to move right by one', async () => ((await columnLabels(frame))[0].column === before + 1 ? true : undefined));
		await frame.locator('.goto-input').fill(String(expected.unkIndex));
		await frame.locator('.goto-input').press('Enter');
		const unk = await waitFor('the <UNK> column label', async () => (await columnLabels(frame)).find((l) => l.column === unkColumn && l.word !== '…'));
		assert.equal(unk.word, '<UNK>');
		assert.ok(unk.unk, 'the <UNK> column carries the unk class');
		const one = await cellAt(frame, 7, unkColumn);
		const zero = await cellAt(frame, 6, unkColumn);
		assert.ok(colourDistance(one, zero) > 60, `x⟨8⟩ = 221B has its 1 in the <UNK> column (${one} vs ${zero})`);
	});

	it('compact: only the used columns, in index order, with gap markers counting the zeros between', async () => {
		await setView(frame, 'compact');
		const used = [...new Set(expected.tokens.map((t) => t.column))].sort((a, b) => a - b);
		const labels = await waitFor('compact column labels', async () => {
			const l = await columnLabels(frame);
			// Until the compact view has drawn, the labels are still the zoom view's (a run read
			// columns 9,986–9,999 there): wait for the first used column to lead.
			return l.length > 0 && l.every((x) => x.word !== '…') && l[0].column === used[0] ? l : undefined;
		});
		assert.deepEqual(
			labels.map((l) => l.column),
			used.slice(0, labels.length),
		);
		const gaps = await gapLabels(frame);
		assert.equal(gaps[0].text, `${used[0]} zeros`);
		for (let k = 1; k < gaps.length; k++) {
			assert.equal(gaps[k].text, `${used[k] - used[k - 1] - 1} zeros`);
		}
		await wb.screenshot('panel-compact-dark');
		// The slider's end shows the last used column, the <UNK> column, with no gap after it.
		await frame.locator('.column-slider').evaluate((node) => {
			const input = node as HTMLInputElement;
			input.value = input.max;
			input.dispatchEvent(new Event('input'));
		});
		const last = await waitFor('the last compact column', async () => {
			const l = await columnLabels(frame);
			return l.at(-1)?.column === unkColumn ? l : undefined;
		});
		assert.equal(last.at(-1)?.word, '<UNK>');
	});

	it('the y column shows the labels beside the rows; toggling one goes to the labels command', async () => {
		await setView(frame, 'overview');
		const ys = await waitFor('the y column', async () => {
			const t = await frame.locator('table.body tbody td.c-y').allInnerTexts();
			return t.length === 12 && t.every((x) => x.trim() !== '') ? t.map((x) => x.trim()) : undefined;
		}, 60_000);
		assert.deepEqual(ys.map((y) => y.split(' ')[0]).join(' '), '1 1 0 1 1 0 0 0 0 0 0 0');
		assert.equal(ys[0], '1 B-PER');
		// x⟨6⟩ "lived" is 0; the keyboard toggles it (Y on the selected row).
		await frame.locator('table.body tbody tr').nth(5).click();
		await frame.locator('.viewport').focus();
		await frame.locator('.viewport').press('y');
		await waitFor('y⟨6⟩ = 1', async () => ((await frame.locator('table.body tbody td.c-y').nth(5).innerText()).startsWith('1') ? true : undefined));
		// The editor follows: its hover over "lived" now reads y⟨6⟩ = 1.
		await wb.page.locator('.part.editor .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
		const hover = await wb.hoverWord('lived', 'y⟨6⟩ = 1');
		assert.match(hover, /y⟨6⟩ = 1/);
		// And a click on the label flips it back.
		await frame.locator('table.body tbody td.c-y').nth(5).locator('.y-toggle').click();
		await waitFor('y⟨6⟩ = 0 again', async () => ((await frame.locator('table.body tbody td.c-y').nth(5).innerText()).startsWith('0') ? true : undefined));
	});

	it('Export… opens the export formats; Copy as NumPy puts the snippet on the clipboard', async () => {
		await frame.locator('.export-button').click();
		const pick = wb.page.locator('.quick-input-widget');
		await pick.locator('.quick-input-list .monaco-list-row', { hasText: 'Indices (.npy)' }).first().waitFor({ state: 'visible', timeout: 30_000 });
		await wb.page.keyboard.press('Escape');
		await pick.waitFor({ state: 'hidden', timeout: 10_000 });
		await wb.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
		await frame.locator('.copy-numpy').click();
		await wb.page.locator('.part.statusbar', { hasText: 'copied the indices as NumPy code' }).waitFor({ state: 'visible', timeout: 30_000 });
		const copied = await wb.page.evaluate(() => navigator.clipboard.readText());
		assert.match(copied, /^import numpy as np$/m);
		assert.ok(copied.includes(`x = np.array([${expected.tokens.map((t) => t.index).join(', ')}], dtype=np.int64)`), copied);
	});

	it('markup typed into the go-to box is shown as text and runs nothing', async () => {
		const hostile = '<img src=x onerror=alert(1)>';
		await frame.locator('.goto-input').fill(hostile);
		await frame.locator('.goto-input').press('Enter');
		const answer = await waitFor('the go-to answer', async () => {
			const t = await frame.locator('.goto-answer').innerText();
			return t.includes('not in the vocabulary') ? t : undefined;
		});
		assert.ok(answer.includes(hostile));
		assert.equal(await frame.locator('img').count(), 0);
	});

	it('a theme switch re-colours the canvas', async () => {
		const background = () =>
			frame.locator('canvas.matrix-canvas').evaluate((node) => {
				const c = node as HTMLCanvasElement;
				return Array.from((c.getContext('2d') as CanvasRenderingContext2D).getImageData(1, 1, 1, 1).data);
			});
		const dark = await background();
		const settings = path.join(workspace, '.vscode', 'settings.json');
		const current = JSON.parse(fs.readFileSync(settings, 'utf8')) as Record<string, unknown>;
		fs.writeFileSync(settings, JSON.stringify({ ...current, 'workbench.colorTheme': 'Default Light Modern' }, null, '\t'));
		const light = await waitFor('the canvas in light colours', async () => {
			const now = await background();
			return colourDistance(now, dark) > 100 ? now : undefined;
		});
		assert.ok(light[0] > 200 && light[1] > 200 && light[2] > 200, `light background ${light}`);
		await setView(frame, 'zoom');
		await wb.screenshot('panel-zoom-light');
		await setView(frame, 'compact');
		await wb.screenshot('panel-compact-light');
		fs.writeFileSync(settings, JSON.stringify({ ...current, 'workbench.colorTheme': 'Default High Contrast' }, null, '\t'));
		await waitFor('the canvas in high-contrast colours', async () => {
			const now = await background();
			return colourDistance(now, light) > 100 ? now : undefined;
		});
		await wb.screenshot('panel-compact-hc');
		await setView(frame, 'zoom');
		await wb.screenshot('panel-zoom-hc');
		await setView(frame, 'overview');
		fs.writeFileSync(settings, JSON.stringify(current, null, '\t'));
	});

	it('batch: one block per example with T_x^(i), padding rows and the shape (m, T_x, |V|)', async () => {
		await wb.openFile('batch.txt');
		// Two cursors at the start of lines 1 and 2, each selecting to its line's end.
		await wb.page.keyboard.press('Control+Home');
		await wb.page.keyboard.press('Shift+Alt+ArrowDown');
		await wb.page.keyboard.press('Shift+End');
		await wb.runCommand('Sequence Lens: Tokenize Selection');
		frame = await showMatrix(wb, 5);
		await frame.locator('button.example.batch').waitFor({ state: 'visible', timeout: 30_000 });
		await frame.locator('button.example.batch').click();
		const steps = await waitFor('the batch rows', async () => {
			const t = await frame.locator('table.body tbody tr').evaluateAll((rows) => rows.map((r) => (r.textContent ?? '').trim()));
			return t.length === 12 && !t.some((x) => x.includes('…')) ? t : undefined;
		});
		assert.match(steps[0], /^X\^\(1\) · T_x\^\(1\) = 5$/);
		assert.match(steps[6], /^X\^\(2\) · T_x\^\(2\) = 2 · 3 padded$/);
		assert.equal(await frame.locator('table.body tbody tr.pad').count(), 3);
		assert.match(await frame.locator('tr.pad .c-token').first().innerText(), /PAD/);
		assert.match(await frame.locator('.figure-line').innerText(), /shape \(2, 5, 10000\)/);
		await wb.screenshot('panel-batch-dark');
		await frame.locator('button.example').first().click();
	});

	it('a 100,000-token analysis: End shows row 100,000 and row 99,999 with their 1s in the right pixel columns', async () => {
		await wb.openFile('big.txt');
		await wb.runCommand('Sequence Lens: Tokenize Document');
		await wb.waitForAfterDecorations((t) => t.length > 0, 60_000);
		frame = await showMatrix(wb, 10);
		await setView(frame, 'overview');
		const analysis = core.analyze(bigText);
		assert.equal(analysis.length, 100_000);
		await frame.locator('.viewport').focus();
		await frame.locator('.viewport').press('End');
		await waitFor('row x⟨100000⟩', async () => {
			const rows = await matrixRows(frame);
			return rows.some((r) => r.step === 'x⟨100000⟩' && r.token !== '…') ? true : undefined;
		});
		const rows = await matrixRows(frame);
		const last = rows.find((r) => r.step === 'x⟨100000⟩');
		const before = rows.find((r) => r.step === 'x⟨99999⟩');
		assert.equal(last?.index, String(analysis.indices[99_999]));
		assert.equal(before?.index, String(analysis.indices[99_998]));
		const base = analysis.vocabulary.base;
		const probes = await probeMarks(
			frame,
			[99_998, 99_999].map((row) => ({ row, column: analysis.indices[row] - base })),
			analysis.vocabulary.unkIndex - base,
		);
		for (const p of probes) {
			assert.ok(colourDistance(p.mark, p.elsewhere) > 40, `row ${p.row}: mark ${p.mark} vs ${p.elsewhere}`);
		}
		await wb.screenshot('panel-100k-end-dark');
	});

	it('comes back after a window reload, in the view it was left in', async () => {
		await setView(frame, 'zoom');
		// The workbench's own reload, as a user runs it: the lifecycle saves the editors' state first.
		// The page navigates away under the palette, so its closing is not waited for; the
		// panel's tab coming back below is the check.
		await wb.runCommand('Developer: Reload Window').catch(() => undefined);
		await wb.page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 90_000 });
		await wb.page.locator('.part.editor .tab', { hasText: 'One-Hot Matrix' }).first().waitFor({ state: 'visible', timeout: 60_000 });
		await wb.page.locator('.part.editor .tab', { hasText: 'One-Hot Matrix' }).first().click();
		const restored = wb.webview();
		await waitFor('the restored panel', async () => ((await restored.locator('#app').getAttribute('data-view')) === 'zoom' ? true : undefined), 60_000).catch(async (error: Error) => {
			await wb.screenshot('panel-restore-failure');
			throw error;
		});
		await wb.screenshot('panel-restored-dark');
	});
});
