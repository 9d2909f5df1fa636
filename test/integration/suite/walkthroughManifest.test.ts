// The walkthrough and the restricted-mode declaration as the running VS Code sees the extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

interface Step {
	id: string;
	description: string;
	media: { markdown?: string };
	completionEvents?: string[];
}

function extension(): vscode.Extension<unknown> {
	const found = vscode.extensions.all.find((e) => (e.packageJSON as { name?: string }).name === 'sequence-lens');
	assert.ok(found, 'the extension under test is installed');
	return found;
}

describe('Getting Started walkthrough and workspace trust', () => {
	it('has the four steps, each with a shipped markdown file and command links that exist', async () => {
		const ext = extension();
		const walkthroughs = (ext.packageJSON as { contributes: { walkthroughs: { id: string; steps: Step[] }[] } }).contributes.walkthroughs;
		const walkthrough = walkthroughs.find((w) => w.id === 'sequenceLens.gettingStarted');
		assert.ok(walkthrough);
		assert.deepEqual(
			walkthrough.steps.map((s) => s.id),
			['openReferenceExample', 'hoverToken', 'showMatrix', 'chooseConvention'],
		);
		const registered = new Set(await vscode.commands.getCommands(true));
		for (const step of walkthrough.steps) {
			assert.ok(step.media.markdown, `${step.id} has markdown`);
			const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, step.media.markdown)));
			assert.match(text, /^# /, `${step.media.markdown} starts with a heading`);
			for (const link of step.description.matchAll(/\(command:([\w.]+)\)/g)) {
				assert.ok(registered.has(link[1]), `${step.id} links to the registered command ${link[1]}`);
			}
			for (const event of step.completionEvents ?? []) {
				const command = /^onCommand:(.+)$/.exec(event)?.[1];
				if (command) {
					assert.ok(registered.has(command), `${step.id} completes on the registered command ${command}`);
				}
			}
		}
	});

	it('restricts every setting that reads a file in untrusted workspaces, and those settings exist', () => {
		const json = extension().packageJSON as {
			capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[]; description: string } };
			contributes: { configuration: { properties: Record<string, { scope?: string }> } };
		};
		const trust = json.capabilities.untrustedWorkspaces;
		assert.equal(trust.supported, 'limited');
		assert.ok(trust.description.length > 0);
		assert.ok(trust.restrictedConfigurations.includes('sequenceLens.vocabularyPath'));
		for (const key of trust.restrictedConfigurations) {
			assert.ok(json.contributes.configuration.properties[key], `${key} is a declared setting`);
		}
		assert.equal(json.contributes.configuration.properties['sequenceLens.vocabularyPath'].scope, 'resource');
	});

	it('registers every command the manifest contributes', async () => {
		const registered = new Set(await vscode.commands.getCommands(true));
		const contributed = (extension().packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands;
		for (const { command } of contributed) {
			assert.ok(registered.has(command), `${command} is registered`);
		}
	});
});
