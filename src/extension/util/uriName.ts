/** The names under which the extension shows files and folders in its messages. */

import type * as vscode from 'vscode';

/** The last segment of the URI's path (`notes.txt` for `file:///home/me/notes.txt`); empty for a root. */
export function baseName(uri: vscode.Uri): string {
	return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** {@link baseName}, or the whole URI when its path has no last segment. */
export function displayName(uri: vscode.Uri): string {
	return baseName(uri) || uri.toString();
}
