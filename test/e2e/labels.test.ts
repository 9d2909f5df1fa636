// Named-entity labels through the real UI: after Open Reference Example the name tokens get the
// nameTokenForeground underline once the worker has answered, and the matrix panel shows the y row.
import * as assert from 'node:assert/strict';
import { launchWorkbench, waitFor, type Workbench } from './harness';
import { underlinedNames } from './nameUnderlines';

describe('named-entity labels in the real workbench', function () {
	this.timeout(180_000);
	let wb: Workbench;

	before(async () => {
		wb = await launchWorkbench({ theme: 'Default Dark Modern' });
	});
	after(async () => {
		await wb?.close();
	});

	it('underlines Sherlock Holmes and John Watson, not the places, in nameTokenForeground', async () => {
		await wb.runCommand('Sequence Lens: Open Reference Example');
		// The first label loads the tagger in a worker thread: allow for a busy machine.
		const found = await waitFor(
			'the name underlines',
			async () => {
				const u = await underlinedNames(wb);
				return u.spans.length >= 4 ? u : undefined;
			},
			60_000,
		);
		assert.deepEqual(
			found.spans.map((s) => s.text),
			['Sherlock', 'Holmes', 'John', 'Watson'],
		);
		assert.ok(found.themeColor.startsWith('rgb'), found.themeColor);
		for (const s of found.spans) {
			assert.equal(s.color, found.themeColor, `${s.text} is underlined in the theme colour`);
		}
		await wb.screenshot('labels-dark-editor');
	});

	it('shows the y row 1 1 0 1 1 0 0 0 0 0 0 0 in the matrix panel', async () => {
		await wb.runCommand('Sequence Lens: Show One-Hot Matrix');
		const row = wb.webview().locator('.label-row');
		const text = await waitFor(
			'the y row',
			async () => {
				const visible = await row.isVisible().catch(() => false);
				return visible ? row.innerText() : undefined;
			},
			30_000,
		);
		assert.equal(text.trim(), 'y = 1 1 0 1 1 0 0 0 0 0 0 0');
		const names = await wb.webview().locator('.chip.name .chip-text').allInnerTexts();
		assert.deepEqual(names, ['Sherlock', 'Holmes', 'John', 'Watson']);
		await wb.screenshot('labels-dark-matrix');
	});
});
