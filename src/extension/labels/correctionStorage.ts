/**
 * Where label corrections live on disk: one JSON file per document, named by a hash of the
 * document's URI, in the extension's workspace storage (its global storage when no folder is
 * open). Untitled documents have no file: their corrections stay in memory.
 */

import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { parseCorrections, serializeCorrections } from '../../core/ner/correctionsFile';
import type { LabelCorrection } from '../../core/ner/corrections';
import { atomicWrite } from '../fs/atomicWrite';

const folderName = 'label-corrections';

export function isKeptInMemory(uri: vscode.Uri): boolean {
	return uri.scheme === 'untitled';
}

export class CorrectionStorage {
	constructor(
		private readonly storageUri: vscode.Uri | undefined,
		private readonly globalStorageUri: vscode.Uri,
	) {}

	/** The file that holds the corrections of `uri`, or undefined for documents kept in memory. */
	fileFor(uri: vscode.Uri): vscode.Uri | undefined {
		if (isKeptInMemory(uri)) return undefined;
		const hash = createHash('sha256').update(uri.toString()).digest('hex').slice(0, 32);
		return vscode.Uri.joinPath(this.storageUri ?? this.globalStorageUri, folderName, `${hash}.json`);
	}

	/** The stored corrections of `uri`; an empty list when there is no file. Throws on a damaged file. */
	async read(uri: vscode.Uri): Promise<{ corrections: LabelCorrection[]; skipped: number }> {
		const file = this.fileFor(uri);
		if (!file) return { corrections: [], skipped: 0 };
		let bytes: Uint8Array;
		try {
			bytes = await vscode.workspace.fs.readFile(file);
		} catch (error) {
			if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
				return { corrections: [], skipped: 0 };
			}
			throw error;
		}
		return parseCorrections(new TextDecoder().decode(bytes), uri.toString());
	}

	/** Replaces the stored corrections of `uri` (atomically); an empty list removes the file. */
	async write(uri: vscode.Uri, corrections: readonly LabelCorrection[]): Promise<void> {
		const file = this.fileFor(uri);
		if (!file) return;
		if (corrections.length === 0) {
			await Promise.resolve(vscode.workspace.fs.delete(file)).catch(() => undefined);
			return;
		}
		await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
		await atomicWrite(file, new TextEncoder().encode(serializeCorrections(uri.toString(), corrections)));
	}
}
