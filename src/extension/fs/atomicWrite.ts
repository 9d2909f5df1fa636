/**
 * Writes a file so that readers see either the old content or the whole new content, never a
 * half-written file: the bytes go to a temporary file in the same folder (same file system, so
 * the rename is atomic), which is then renamed over the target.
 */

import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import { baseName } from '../util/uriName';

function tempSibling(target: vscode.Uri): vscode.Uri {
	const name = baseName(target);
	// A dot name keeps it out of the way in explorers; the random part keeps concurrent writers apart.
	return target.with({ path: `${target.path.slice(0, target.path.length - name.length)}.${name}.${randomBytes(6).toString('hex')}.tmp` });
}

export async function atomicWrite(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
	const temp = tempSibling(target);
	await vscode.workspace.fs.writeFile(temp, bytes);
	try {
		if (target.scheme === 'file') {
			await fsp.rename(temp.fsPath, target.fsPath);
		} else {
			await vscode.workspace.fs.rename(temp, target, { overwrite: true });
		}
	} catch (error) {
		await Promise.resolve(vscode.workspace.fs.delete(temp)).catch(() => undefined);
		throw error;
	}
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
	try {
		await vscode.workspace.fs.stat(uri);
		return true;
	} catch {
		return false;
	}
}
