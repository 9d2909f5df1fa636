/**
 * In an untrusted workspace VS Code hides the workspace's values of the settings listed in
 * `capabilities.untrustedWorkspaces.restrictedConfigurations`. This says so once, naming the
 * ignored settings, so a folder's vocabulary or pattern not taking effect is not a mystery.
 */

import * as vscode from 'vscode';
import { configSection } from './config';
import { Disposable } from './util/dispose';

/** The restricted settings (package.json lists the same, with the section prefix). */
export const restrictedSettings: readonly string[] = ['vocabularyPath', 'tokenizerPattern'];

/**
 * Which restricted settings the workspace sets. VS Code may already have dropped them from the
 * configuration, so the folders' settings files are read as text too (only searched, never run).
 */
export async function ignoredWorkspaceSettings(): Promise<string[]> {
	const found = new Set<string>();
	const sources: vscode.Uri[] = (vscode.workspace.workspaceFolders ?? []).map((f) => vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'));
	if (vscode.workspace.workspaceFile?.scheme === 'file') {
		sources.push(vscode.workspace.workspaceFile);
	}
	for (const folder of vscode.workspace.workspaceFolders ?? [undefined]) {
		const c = vscode.workspace.getConfiguration(configSection, folder);
		for (const key of restrictedSettings) {
			const i = c.inspect(key);
			if (i?.workspaceValue !== undefined || i?.workspaceFolderValue !== undefined) {
				found.add(key);
			}
		}
	}
	for (const uri of sources) {
		let text: string;
		try {
			text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
		} catch {
			continue;
		}
		for (const key of restrictedSettings) {
			if (text.includes(`"${configSection}.${key}"`)) {
				found.add(key);
			}
		}
	}
	return restrictedSettings.filter((k) => found.has(k)).map((k) => `${configSection}.${k}`);
}

export class TrustNotice extends Disposable {
	private shown = false;
	/** The last check's result, for the tests. */
	ignored: Promise<string[]> = Promise.resolve([]);

	constructor() {
		super();
		this.check();
		this._register(
			vscode.workspace.onDidChangeConfiguration((event) => {
				if (restrictedSettings.some((k) => event.affectsConfiguration(`${configSection}.${k}`))) {
					this.check();
				}
			}),
		);
	}

	private check(): void {
		if (vscode.workspace.isTrusted) {
			this.ignored = Promise.resolve([]);
			return;
		}
		this.ignored = ignoredWorkspaceSettings();
		void this.ignored.then((keys) => {
			if (keys.length === 0 || this.shown) {
				return;
			}
			this.shown = true;
			const manage = vscode.l10n.t('Manage Workspace Trust');
			void vscode.window
				.showWarningMessage(
					vscode.l10n.t(
						'Sequence Lens: this workspace is not trusted, so its settings {0} are ignored (the built-in vocabulary and the default tokenizer pattern are used). Trust the workspace to use them.',
						keys.join(', '),
					),
					manage,
				)
				.then((answer) => {
					if (answer === manage) {
						void vscode.commands.executeCommand('workbench.trust.manage');
					}
				});
		});
	}
}
