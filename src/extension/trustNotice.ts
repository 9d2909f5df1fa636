/**
 * In an untrusted workspace VS Code hides the workspace's values of the settings listed in
 * `capabilities.untrustedWorkspaces.restrictedConfigurations`. This says so once, naming the
 * ignored settings, so a folder's vocabulary, pattern or tagger not taking effect is not a mystery.
 */

import * as vscode from 'vscode';
import { configSection } from './config';
import { Disposable } from './util/dispose';

/** Not in the palette: what restricted mode ignores here, for scripts and tests. */
export const getIgnoredSettingsCommandId = 'sequenceLens.getIgnoredSettings';

/** What `sequenceLens.getIgnoredSettings` returns. */
export interface IgnoredSettingsInfo {
	trusted: boolean;
	/** The restricted settings the workspace sets, full names; empty in a trusted workspace. */
	ignored: string[];
	/** The message shown about them, once per session; absent when none was shown. */
	message?: string;
}

/**
 * The restricted settings, full names, as the manifest lists them: VS Code enforces that list, so
 * reading it here keeps the notice from naming fewer settings than are ignored.
 */
export function restrictedSettingsOf(packageJSON: unknown): string[] {
	const listed = (packageJSON as { capabilities?: { untrustedWorkspaces?: { restrictedConfigurations?: unknown } } } | undefined)?.capabilities
		?.untrustedWorkspaces?.restrictedConfigurations;
	return Array.isArray(listed) ? listed.filter((k): k is string => typeof k === 'string' && k.startsWith(`${configSection}.`)) : [];
}

/** Settings VS Code reads from user settings only (scope `machine`): trusting the folder does not make them apply. */
const userOnlySettings: readonly string[] = [`${configSection}.labels.externalCommand`];

/**
 * Which restricted settings the workspace sets. VS Code may already have dropped them from the
 * configuration, so the folders' settings files are read as text too (only searched, never run).
 */
export async function ignoredWorkspaceSettings(restricted: readonly string[]): Promise<string[]> {
	const found = new Set<string>();
	const sources: vscode.Uri[] = (vscode.workspace.workspaceFolders ?? []).map((f) => vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'));
	if (vscode.workspace.workspaceFile?.scheme === 'file') {
		sources.push(vscode.workspace.workspaceFile);
	}
	for (const folder of vscode.workspace.workspaceFolders ?? [undefined]) {
		const c = vscode.workspace.getConfiguration(undefined, folder);
		for (const key of restricted) {
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
		for (const key of restricted) {
			if (text.includes(`"${key}"`)) {
				found.add(key);
			}
		}
	}
	return restricted.filter((k) => found.has(k));
}

/** The message naming `keys`; a user-only setting among them gets its own sentence, since trust does not help it. */
export function ignoredMessage(keys: readonly string[]): string {
	const text = vscode.l10n.t(
		'Sequence Lens: this workspace is not trusted, so its settings {0} are ignored: no file, program or pattern they name is used, and Sequence Lens works with your user settings and its defaults. Trust the workspace to use them.',
		keys.join(', '),
	);
	const userOnly = keys.filter((k) => userOnlySettings.includes(k));
	return userOnly.length === 0 ? text : `${text} ${vscode.l10n.t('{0} is read from user settings only, trusted or not.', userOnly.join(', '))}`;
}

export class TrustNotice extends Disposable {
	private message: string | undefined;
	/** The last check's result. */
	private ignored: Promise<string[]> = Promise.resolve([]);

	constructor(private readonly restricted: readonly string[]) {
		super();
		this.check();
		this._register(
			vscode.workspace.onDidChangeConfiguration((event) => {
				if (restricted.some((k) => event.affectsConfiguration(k))) {
					this.check();
				}
			}),
		);
		this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.check()));
		this._register(
			vscode.commands.registerCommand(getIgnoredSettingsCommandId, async (): Promise<IgnoredSettingsInfo> => {
				const ignored = await this.ignored;
				const info: IgnoredSettingsInfo = { trusted: vscode.workspace.isTrusted, ignored };
				if (this.message !== undefined) {
					info.message = this.message;
				}
				return info;
			}),
		);
	}

	private check(): void {
		if (vscode.workspace.isTrusted) {
			this.ignored = Promise.resolve([]);
			return;
		}
		this.ignored = ignoredWorkspaceSettings(this.restricted);
		void this.ignored.then((keys) => {
			if (keys.length === 0 || this.message !== undefined) {
				return;
			}
			this.message = ignoredMessage(keys);
			const manage = vscode.l10n.t('Manage Workspace Trust');
			void vscode.window.showWarningMessage(this.message, manage).then((answer) => {
				if (answer === manage) {
					void vscode.commands.executeCommand('workbench.trust.manage');
				}
			});
		});
	}
}
