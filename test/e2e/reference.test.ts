// The reference example through the real UI, in the dark, light and high-contrast themes:
// command palette → inline decorations → hovers → status bar → the matrix webview (table and
// canvas pixels). Screenshots go to test-results/ for a person to look at.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type * as Core from '../../src/core/index';
import { launchWorkbench, repoRoot, type Workbench } from './harness';
import { colourDistance, matrixRows, probeMarks } from './matrixPixels';

/** The core as its users load it (dist/core.js), to know what each index must be. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const core = require(path.join(repoRoot, 'dist', 'core.js')) as typeof Core;

const expected = core.analysisToRecord(core.analyze(core.referenceSentence));
const stripIsolates = (text: string) => text.replace(/[\u2068\u2069]/g, '');

const themes = [
	{ label: 'Default Dark Modern', slug: 'dark' },
	{ label: 'Default Light Modern', slug: 'light' },
	{ label: 'Default High Contrast', slug: 'hc' },
];

for (const theme of themes) {
	describe(`reference example in the real workbench (${theme.label})`, function () {
		this.timeout(180_000);
		let wb: Workbench;

		before(async () => {
			wb = await launchWorkbench({ theme: theme.label });
			// Hide the side bar (Ctrl+B) so the whole decorated sentence is in view for the screenshots.
			await wb.page.locator('.part.editor').click({ position: { x: 200, y: 200 } });
			await wb.page.keyboard.press('Control+B');
			await wb.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
		});
		after(async () => {
			await wb?.close();
		});

		it('Open Reference Example decorates the 12 tokens, 221B as 10000 <UNK>', async () => {
			await wb.runCommand('Sequence Lens: Open Reference Example');
			const texts = (await wb.waitForAfterDecorations((t) => t.length >= 12)).map(stripIsolates);
			assert.deepEqual(
				texts,
				expected.tokens.map((t) => (t.unknown ? `${t.index} <UNK>` : String(t.index))),
			);
			assert.equal(texts[7], '10000 <UNK>');
			assert.equal(texts.filter((t) => t.includes('<UNK>')).length, 1);
			// The raw decoration text is wrapped in bidi isolates.
			const raw = await wb.afterDecorations();
			assert.ok(raw.every((t) => t.startsWith('\u2068') && t.endsWith('\u2069')), JSON.stringify(raw));
		});

		it('shows T_x 12 · <UNK> 1 (8.3%) in the status bar, with an accessible name', async () => {
			const item = wb.page.locator('.part.statusbar .statusbar-item', { hasText: 'T_x 12' });
			await item.first().waitFor({ state: 'visible' });
			assert.match(await item.first().innerText(), /T_x 12 · <UNK> 1 \(8\.3%\)/);
			const label = (await item.first().locator('a, [role="button"]').first().getAttribute('aria-label')) ?? (await item.first().getAttribute('aria-label'));
			assert.match(label ?? '', /1 example, 12 tokens, 1 unknown/);
		});

		it('hovering Holmes shows x⟨2⟩, t of T_x and its index', async () => {
			const holmes = expected.tokens[1];
			const text = await wb.hoverWord('Holmes', 'x⟨2⟩');
			assert.match(text, /x⟨2⟩ = "Holmes"/);
			assert.match(text, /t = 2 of T_x = 12/);
			assert.ok(text.includes(`index ${holmes.index} of |V| = 10000`), text);
			assert.ok(text.includes(`e_${holmes.index} ∈ ℝ^10000`), text);
			await wb.screenshot(`reference-${theme.slug}-hover-holmes`);
		});

		it('hovering 221B explains <UNK>', async () => {
			const text = await wb.hoverWord('221B', '<UNK>');
			assert.match(text, /x⟨8⟩ = "221B"/);
			assert.match(text, /index 10000 = <UNK>/);
			assert.match(text, /not in the vocabulary/);
			await wb.screenshot(`reference-${theme.slug}-hover-221b`);
		});

		it('Show One-Hot Matrix lists the 12 rows and draws each 1 on the canvas', async () => {
			await wb.page.mouse.move(5, 5);
			await wb.runCommand('Sequence Lens: Show One-Hot Matrix');
			const frame = wb.webview();
			await frame.locator('table.body tbody tr').nth(11).waitFor({ state: 'attached', timeout: 20_000 });
			const rows = await matrixRows(frame);
			assert.equal(rows.length, 12);
			assert.deepEqual(
				rows.map((r) => [r.step, r.token, r.index, r.column]),
				expected.tokens.map((t) => [`x⟨${t.t}⟩`, t.text, String(t.index), String(t.column)]),
			);
			assert.equal(rows[7].badge, '<UNK>');
			assert.equal(rows.filter((r) => r.badge).length, 1);
			const figures = await frame.locator('.figure-line').innerText();
			assert.match(figures, /T_x = 12/);
			assert.match(figures, /\|V\| = 10000/);

			const probes = await probeMarks(frame, expected.tokens.map((t, row) => ({ row, column: t.column })), expected.unkIndex - expected.base);
			for (const p of probes) {
				assert.ok(
					colourDistance(p.mark, p.elsewhere) > 40,
					`row ${p.row + 1}: the mark at column ${p.column} (${p.mark}) stands out from the row (${p.elsewhere})`,
				);
			}
			await wb.screenshot(`matrix-${theme.slug}`);
		});

		it('moving the editor cursor onto a token highlights its row; the hover works beside the panel', async () => {
			// Clicking into the text moves the cursor (and activates the editor's group again).
			await wb.selectText('Holmes');
			const frame = wb.webview();
			await frame.locator('table.body tbody tr.selected').first().waitFor({ state: 'attached', timeout: 10_000 });
			const selected = await frame.locator('table.body tbody tr.selected th').allTextContents();
			assert.deepEqual(selected, ['x⟨2⟩']);
			const text = await wb.hoverWord('Holmes', 'x⟨2⟩');
			assert.match(text, /x⟨2⟩ = "Holmes"/);
			await wb.screenshot(`reference-${theme.slug}-editor-hover-matrix`);
		});
	});
}
