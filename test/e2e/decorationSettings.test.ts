// The decoration settings in the real workbench: each change, written to the folder's
// settings.json while the reference example is shown, re-renders its decorations. Screenshots of
// the result in the dark, light and high-contrast themes go to test-results/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Core from '../../src/core/index';
import { launchWorkbench, repoRoot, type Workbench } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const core = require(path.join(repoRoot, 'dist', 'core.js')) as typeof Core;
const expected = core.analysisToRecord(core.analyze(core.referenceSentence));
const stripIsolates = (text: string) => text.replace(/[\u2068\u2069]/g, '');

describe('decoration settings re-render the reference example', function () {
	this.timeout(240_000);
	let wb: Workbench;
	let base: Record<string, unknown>;
	const settingsFile = () => path.join(wb.workspace, '.vscode', 'settings.json');

	/** Replaces the folder's Sequence Lens settings with `settings` (the others stay). */
	function setSettings(settings: Record<string, unknown>): void {
		fs.writeFileSync(settingsFile(), JSON.stringify({ ...base, ...settings }, null, '\t'));
	}

	async function decorationsWhere(accept: (texts: string[]) => boolean): Promise<string[]> {
		return (await wb.waitForAfterDecorations((t) => accept(t.map(stripIsolates)))).map(stripIsolates);
	}

	before(async () => {
		wb = await launchWorkbench({ theme: 'Default Dark Modern' });
		base = JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>;
		await wb.page.locator('.part.editor').click({ position: { x: 200, y: 200 } });
		await wb.page.keyboard.press('Control+B');
		await wb.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
		await wb.runCommand('Sequence Lens: Open Reference Example');
		await decorationsWhere((t) => t.length === 12 && t[7] === '10000 <UNK>');
	});
	after(async () => {
		await wb?.close();
	});

	it('showUnknownMarker off drops the marker, not the index', async () => {
		setSettings({ 'sequenceLens.decorations.showUnknownMarker': false });
		const texts = await decorationsWhere((t) => t.length === 12 && t[7] === '10000');
		assert.ok(texts.every((t) => !t.includes('<UNK>')));
	});

	it('unknownToken respells the marker', async () => {
		setSettings({ 'sequenceLens.unknownToken': '<unk>' });
		const texts = await decorationsWhere((t) => t[7] === '10000 <unk>');
		assert.equal(texts.length, 12);
	});

	it('showIndices off keeps only the marker', async () => {
		setSettings({ 'sequenceLens.unknownToken': '<unk>', 'sequenceLens.decorations.showIndices': false });
		const texts = await decorationsWhere((t) => t.length === 1);
		assert.deepEqual(texts, ['<unk>']);
	});

	it('indexFormat ⟨{t}⟩ {index} writes the time step', async () => {
		setSettings({ 'sequenceLens.indexFormat': '⟨{t}⟩ {index}' });
		const texts = await decorationsWhere((t) => t.length === 12 && t[0].startsWith('⟨1⟩'));
		assert.equal(texts[1], `⟨2⟩ ${expected.tokens[1].index}`);
		assert.equal(texts[7], '⟨8⟩ 10000 <UNK>');
	});

	for (const theme of [
		{ label: 'Default Dark Modern', slug: 'dark' },
		{ label: 'Default Light Modern', slug: 'light' },
		{ label: 'Default High Contrast', slug: 'hc' },
	]) {
		it(`draws the ⟨t⟩ format in ${theme.label} (screenshot)`, async () => {
			setSettings({ 'sequenceLens.indexFormat': '⟨{t}⟩ {index}', 'workbench.colorTheme': theme.label });
			await wb.page.locator(`.monaco-workbench`).first().waitFor();
			// The theme applies asynchronously; the decorations stay, so wait for the body class.
			const themeClass = theme.slug === 'hc' ? 'hc-black' : theme.slug === 'light' ? 'vs' : 'vs-dark';
			await wb.page.locator(`.monaco-workbench.${themeClass}`).first().waitFor({ state: 'attached', timeout: 30_000 });
			const texts = await decorationsWhere((t) => t.length === 12);
			assert.equal(texts[7], '⟨8⟩ 10000 <UNK>');
			await wb.screenshot(`decoration-settings-${theme.slug}`);
		});
	}
});
