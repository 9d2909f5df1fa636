// A manual label correction survives a window reload: corrected through the real command
// palette, the workbench page is reloaded (a new extension host), the sentence tokenized again,
// and the correction is back from the workspace storage.
import * as assert from 'node:assert/strict';
import { launchWorkbench, waitFor, type Workbench } from './harness';
import { underlinedNames } from './nameUnderlines';

describe('label corrections in the real workbench', function () {
	this.timeout(300_000);
	let wb: Workbench;

	before(async () => {
		// Wide enough for the whole decorated sentence next to the explorer: overlays exist only for visible text.
		wb = await launchWorkbench({ theme: 'Default Light Modern', openFile: 'reference.txt', viewport: { width: 2000, height: 800 } });
	});
	after(async () => {
		await wb?.close();
	});

	async function names(count: number): Promise<string[]> {
		let last: string[] = [];
		try {
			return await waitFor(
				`${count} underlined name tokens`,
				async () => {
					last = (await underlinedNames(wb)).spans.map((s) => s.text);
					return last.length === count ? last : undefined;
				},
				90_000,
			);
		} catch (error) {
			await wb.screenshot(`label-correction-failure-${count}`);
			throw new Error(`${(error as Error).message}; last seen ${JSON.stringify(last)}; notifications ${JSON.stringify(await wb.notifications())}`);
		}
	}

	async function tokenizeFile(): Promise<void> {
		await wb.selectAll();
		await wb.runCommand('Sequence Lens: Tokenize Selection');
	}

	it('underlines London after Toggle Name Label, and again after the window is reloaded', async () => {
		await tokenizeFile();
		assert.deepEqual(await names(4), ['Sherlock', 'Holmes', 'John', 'Watson']);

		await wb.selectText('London');
		await wb.runCommand('Sequence Lens: Toggle Name Label (y⟨t⟩)');
		assert.deepEqual(await names(5), ['Sherlock', 'Holmes', 'John', 'Watson', 'London']);
		const hover = await wb.hoverWord('London', 'corrected');
		assert.match(hover, /y⟨12⟩ = 1/);
		await wb.screenshot('label-correction-light');

		await wb.page.reload();
		await wb.page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 90_000 });
		await wb.openFile('reference.txt');
		await tokenizeFile();
		assert.deepEqual(await names(5), ['Sherlock', 'Holmes', 'John', 'Watson', 'London'], 'the correction came back after the reload');
		const after = await wb.hoverWord('London', 'corrected');
		assert.match(after, /corrected by hand to PER \(the tagger said B-LOC\)/);
		await wb.screenshot('label-correction-after-reload');
	});
});
