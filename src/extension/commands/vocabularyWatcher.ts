/**
 * Keeps the loaded vocabulary in step with its file. When the file changes on disk it is read
 * again (the user edited or regenerated it, and indices should follow); a file that no longer
 * parses leaves the loaded copy active, and so does a deleted one. Each outcome is said in a message.
 */

import * as vscode from 'vscode';
import { exists } from '../fs/atomicWrite';
import { Disposable } from '../util/dispose';
import { activeVocabulary, onDidChangeActiveVocabulary } from './vocabularyState';
import { baseName } from '../util/uriName';

/** Editors and generators often write a file in several steps; one reload after they settle. */
const settleMs = 300;

/** What `sequenceLens.getVocabulary` reports about reloads (for scripts and tests). */
export interface ReloadStatus {
	/** How many times the file changed on disk and was read again. */
	reloads: number;
	/** The last reload's outcome: loaded, refused (the loaded copy stayed) or deleted. */
	last?: { outcome: 'loaded' | 'refused' | 'deleted'; problem?: string };
}

/** Reads `uri` again and makes it active; returns the problem when the file was refused. */
export type Reload = (uri: vscode.Uri) => Promise<{ problem?: string }>;

export class VocabularyFileWatcher extends Disposable {
	private watcher: vscode.FileSystemWatcher | undefined;
	private watched: string | undefined;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private readonly status: ReloadStatus = { reloads: 0 };

	get reloadStatus(): ReloadStatus {
		return { reloads: this.status.reloads, last: this.status.last && { ...this.status.last } };
	}

	constructor(private readonly reload: Reload) {
		super();
		this._register(onDidChangeActiveVocabulary(() => this.follow()));
		this._register({ dispose: () => this.stop() });
		this.follow();
	}

	/** Watches the active vocabulary's file, or nothing when the built-in list is active. */
	private follow(): void {
		const uri = activeVocabulary()?.uri;
		if (uri?.toString() === this.watched) {
			return;
		}
		this.stop();
		if (!uri) {
			return;
		}
		this.watched = uri.toString();
		const folder = vscode.Uri.joinPath(uri, '..');
		const name = baseName(uri);
		const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, name));
		watcher.onDidChange(() => this.schedule(uri));
		// A tool that writes a new file and renames it over the old one shows up as a create.
		watcher.onDidCreate(() => this.schedule(uri));
		watcher.onDidDelete(() => this.schedule(uri));
		this.watcher = watcher;
	}

	private stop(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		this.watcher?.dispose();
		this.watcher = undefined;
		this.watched = undefined;
	}

	private schedule(uri: vscode.Uri): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.reloadNow(uri), settleMs);
	}

	private async reloadNow(uri: vscode.Uri): Promise<void> {
		if (this.isDisposed || activeVocabulary()?.uri.toString() !== uri.toString()) {
			return;
		}
		const name = baseName(uri);
		if (!(await exists(uri))) {
			this.record({ outcome: 'deleted' });
			void vscode.window.showWarningMessage(
				vscode.l10n.t('Sequence Lens: the vocabulary file {0} was deleted or moved. The copy loaded before stays active until you load another vocabulary.', name),
			);
			return;
		}
		const { problem } = await this.reload(uri);
		if (problem === undefined) {
			this.record({ outcome: 'loaded' });
			const size = activeVocabulary()?.vocabulary.size ?? 0;
			void vscode.window.showInformationMessage(vscode.l10n.t('Sequence Lens: {0} changed on disk and was loaded again, |V| = {1}.', name, size));
		} else {
			// The reload has already said what is wrong with the file and that the previous copy stays.
			this.record({ outcome: 'refused', problem });
		}
	}

	/** Counts a reload once its outcome is known, so a reader never sees the count without it. */
	private record(last: NonNullable<ReloadStatus['last']>): void {
		this.status.last = last;
		this.status.reloads++;
	}
}
