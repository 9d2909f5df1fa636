/**
 * Reads workspace files as a stream of text chunks for the core's corpus builder, skipping
 * binary and huge files and counting what it skipped. Each chunk is followed by a turn of the
 * event loop, so counting a large corpus never holds the extension host for long.
 */

import * as vscode from 'vscode';

/** Larger files are skipped: VS Code itself does not hand files over 50 MB to extensions. */
export const maxCorpusFileBytes = 50 * 1024 * 1024;

/** Text handed to the builder at a time; it bounds how long one counting step takes. */
const chunkCharacters = 1 << 20;

/** Git's test: a NUL byte in the first 8,000 bytes makes a file binary. */
const binaryProbeBytes = 8000;

export interface CorpusStats {
	/** Files the glob matched. */
	matched: number;
	/** Files read and counted. */
	read: number;
	skippedBinary: number;
	skippedLarge: number;
	/** Files that could not be read (deleted meanwhile, no permission). */
	unreadable: number;
}

function isBinary(bytes: Uint8Array): boolean {
	const end = Math.min(bytes.length, binaryProbeBytes);
	for (let i = 0; i < end; i++) {
		if (bytes[i] === 0) {
			return true;
		}
	}
	return false;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The text of `files`, in order, in chunks of at most about a megabyte. A line break separates
 * files, so the last word of one never joins the first word of the next.
 */
export async function* corpusChunks(
	files: readonly vscode.Uri[],
	stats: CorpusStats,
	token: vscode.CancellationToken,
	onFile?: (stats: CorpusStats) => void,
): AsyncGenerator<string> {
	const decoder = new TextDecoder('utf-8');
	for (const uri of files) {
		if (token.isCancellationRequested) {
			return;
		}
		let bytes: Uint8Array;
		try {
			const stat = await vscode.workspace.fs.stat(uri);
			if (stat.size > maxCorpusFileBytes) {
				stats.skippedLarge++;
				onFile?.(stats);
				continue;
			}
			bytes = await vscode.workspace.fs.readFile(uri);
		} catch {
			stats.unreadable++;
			onFile?.(stats);
			continue;
		}
		if (isBinary(bytes)) {
			stats.skippedBinary++;
			onFile?.(stats);
			continue;
		}
		const text = decoder.decode(bytes);
		stats.read++;
		onFile?.(stats);
		// A chunk may end inside a word or a surrogate pair: the builder carries the tail over.
		for (let start = 0; start < text.length; start += chunkCharacters) {
			yield text.slice(start, start + chunkCharacters);
			await nextTurn();
		}
		yield '\n';
	}
}
