// The newer flows in the light, dark and high-contrast themes: decorations with `<UNK>` markers, a
// label correction's underline and hover, and the Build Vocabulary preview. Each theme's
// colours (contributes.colors as the workbench resolved them) must stand out from the editor
// background: 4.5:1 for text, 3:1 for borders and underlines (WCAG 2.1 AA). Index text must
// also stand out from the selection behind it (a selected token's index is drawn on the
// selection). The screenshots land in test-results/ to be looked at.
import * as assert from 'node:assert/strict';
import { launchWorkbench, reportFailure, waitFor, type Workbench } from './harness';
import { underlinedNames } from './nameUnderlines';
import { answerBuildQuestions, startBuildVocabulary } from './vocabularyWorkspace';

const themes = [
	{ label: 'Default Light Modern', slug: 'light' },
	{ label: 'Default Dark Modern', slug: 'dark' },
	{ label: 'Default High Contrast', slug: 'hc' },
	{ label: 'Default High Contrast Light', slug: 'hc-light' },
];

/** The colour variables to check, with the contrast each needs against the editor background. */
const needs: Record<string, number> = {
	'sequenceLens-indexForeground': 4.5,
	'sequenceLens-unknownTokenForeground': 4.5,
	'sequenceLens-unknownTokenBorder': 3,
	'sequenceLens-nameTokenForeground': 3,
};

/** `rgb(…)`, or `rgba(…)` when it is (partly) transparent, of each colour variable as the workbench resolves it. */
function themeColors(wb: Workbench, names: string[]): Promise<Record<string, string>> {
	return wb.page.locator('.part.editor').first().evaluate((editorPart, wanted) => {
		const out: Record<string, string> = {};
		for (const name of wanted) {
			const probe = document.createElement('div');
			// background-color is not inherited: a colour the theme leaves empty reads as transparent.
			probe.style.backgroundColor = `var(--vscode-${name})`;
			editorPart.append(probe);
			out[name] = getComputedStyle(probe).backgroundColor;
			probe.remove();
		}
		return out;
	}, names);
}

/** The channels of `rgb(…)` or `rgba(…)`; alpha 1 when there is none. */
function channels(color: string): [number, number, number, number] {
	const [r, g, b, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
	return [r, g, b, a];
}

/** `color` drawn over the opaque `below`, as `rgb(…)`. */
function over(color: string, below: string): string {
	const [r, g, b, a] = channels(color);
	const [r0, g0, b0] = channels(below);
	return `rgb(${r * a + r0 * (1 - a)}, ${g * a + g0 * (1 - a)}, ${b * a + b0 * (1 - a)})`;
}

function luminance(rgb: string): number {
	const [r, g, b] = channels(rgb);
	const linear = (c: number) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

for (const theme of themes) {
	describe(`the newer flows in ${theme.label}`, function () {
		this.timeout(300_000);
		let wb: Workbench;

		before(async () => {
			// Wide enough for the whole decorated sentence next to the explorer: overlays exist only for visible text.
			wb = await launchWorkbench({ theme: theme.label, openFile: 'reference.txt', viewport: { width: 1600, height: 800 } });
		});
		afterEach(async function () {
			if (this.currentTest?.state === 'failed' && wb) {
				await reportFailure(wb, `themes-${theme.slug}-failure`);
			}
		});
		after(async () => {
			await wb?.close();
		});

		it('draws indices, <UNK> and name underlines in colours that stand out from the editor background', async () => {
			await wb.selectAll();
			await wb.runCommand('Sequence Lens: Tokenize Selection');
			const texts = await wb.waitForAfterDecorations((t) => t.length === 12);
			assert.ok(texts.some((t) => t.includes('<UNK>')), JSON.stringify(texts));
			await waitFor('the four name underlines', async () => ((await underlinedNames(wb)).spans.length === 4 ? true : undefined), 90_000);
			const selections = ['editor-selectionBackground', 'editor-inactiveSelectionBackground'];
			const colors = await themeColors(wb, ['editor-background', ...selections, 'sequenceLens-indexBackground', ...Object.keys(needs)]);
			const own = colors['sequenceLens-indexBackground'];
			const opaque = /^rgb\(/.test(own);
			// High-contrast selections are the opposite colour of the editor (white on black):
			// there the index and <UNK> marker must bring their own background.
			assert.equal(opaque, theme.slug.startsWith('hc'), `indexBackground ${own}`);
			const editor = colors['editor-background'];
			for (const [name, minimum] of Object.entries(needs)) {
				const text = name.endsWith('Foreground') && name !== 'sequenceLens-nameTokenForeground';
				// Index text without a background of its own is drawn on the editor or, when its token is selected, on the selection.
				const backgrounds = !text ? [editor] : opaque ? [own] : [editor, ...selections.map((selection) => over(colors[selection], editor))];
				for (const background of backgrounds) {
					const ratio = contrast(colors[name], background);
					assert.ok(ratio >= minimum, `${name} ${colors[name]} on ${background}: ${ratio.toFixed(2)}:1, needs ${minimum}:1`);
				}
			}
			await wb.hoverWord('221B', 'not in the vocabulary');
			await wb.screenshot(`themes-${theme.slug}-unk-hover`);
		});

		it('shows a label correction as an underline and in the hover', async () => {
			await wb.selectText('London');
			await wb.runCommand('Sequence Lens: Toggle Name Label (y⟨t⟩)');
			await waitFor('five name underlines', async () => ((await underlinedNames(wb)).spans.length === 5 ? true : undefined), 90_000);
			const hover = await wb.hoverWord('London', 'corrected');
			assert.match(hover, /corrected by hand to PER/);
			await wb.screenshot(`themes-${theme.slug}-correction`);
		});

		it('shows the Build Vocabulary preview', async () => {
			await wb.page.keyboard.press('Escape');
			await startBuildVocabulary(wb);
			// Keep five words, so the preview lists the cut ones.
			await answerBuildQuestions(wb, { 2: '5' });
			// The fixture workspace holds one text file: the summary says so in the singular.
			const summary = await wb.waitForNotification('Save it?', 60_000);
			assert.match(summary, /vocabulary built from 1 file of “[^”]+”: \|V\| = 6, 5 words kept/);
			await wb.page.locator('.part.editor .editor-group-container', { hasText: 'Cut:' }).first().waitFor();
			await wb.screenshot(`themes-${theme.slug}-build-preview`);
		});
	});
}
