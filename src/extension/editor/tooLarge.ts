/**
 * VS Code does not hand documents over 50 MB to extensions: such a file's editor has no
 * TextEditor in the extension API. Without this check a command on it would say "open an
 * editor first" while one is plainly open.
 */

import * as vscode from 'vscode';

/** The message for the active tab when it is a text file VS Code keeps from extensions, else undefined. */
export function tooLargeForExtensionsMessage(): string | undefined {
	const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
	if (!(input instanceof vscode.TabInputText)) {
		return undefined;
	}
	const uri = input.uri.toString();
	if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri)) {
		return undefined;
	}
	const name = input.uri.path.slice(input.uri.path.lastIndexOf('/') + 1);
	return vscode.l10n.t(
		'Sequence Lens: {0} is too large for extensions: VS Code hands extensions only documents up to 50 MB. Tokenize a part of it saved as a file of its own.',
		name,
	);
}
