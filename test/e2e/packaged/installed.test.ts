// The packaged artifact, not the development folder: the .vsix from `npm run package`,
// installed with the server's --install-extension, must run the reference example.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { launchWorkbench, type Workbench } from '../harness';

describe('packaged extension (.vsix installed into VS Code)', function () {
	this.timeout(180_000);
	let workbench: Workbench | undefined;

	before(async () => {
		workbench = await launchWorkbench({ extension: 'installed' });
	});

	after(async () => {
		await workbench?.close();
	});

	it('is installed in the extensions folder, not loaded from the repository', () => {
		const installed = fs.readdirSync(workbench!.extensionsDir).filter((name) => name.startsWith('sequence-lens.sequence-lens-'));
		assert.equal(installed.length, 1, `extensions folder holds: ${fs.readdirSync(workbench!.extensionsDir).join(', ')}`);
	});

	it('opens the reference example and tokenizes it, 221B as <UNK> with index 10000', async () => {
		const wb = workbench!;
		await wb.runCommand('Sequence Lens: Open Reference Example');
		await wb.runCommand('Sequence Lens: Tokenize Selection');
		const texts = await wb.waitForAfterDecorations((t) => t.length >= 12);
		await wb.screenshot('packaged-reference-example');
		assert.equal(texts.length, 12, JSON.stringify(texts));
		const unknown = texts.filter((text) => text.includes('10000'));
		assert.equal(unknown.length, 1, JSON.stringify(texts));
		assert.match(unknown[0], /<UNK>/);
	});
});
