/**
 * The label corrections of each document, in memory and on disk. Loaded on first use per
 * document, moved along with every edit (core/ner/reanchor.ts), written after each change, and
 * undoable one step at a time. Nothing here touches the document itself.
 */

import * as vscode from 'vscode';
import type { LabelCorrection } from '../../core/ner/corrections';
import { followEdits, reanchorToText } from '../../core/ner/reanchor';
import { Disposable } from '../util/dispose';
import { isKeptInMemory, type CorrectionStorage } from './correctionStorage';
import { displayName } from '../util/uriName';

/** Steps of undo kept per document. */
const undoDepth = 100;
/** Edits move corrections on every keystroke: their new offsets are written after a pause. */
const writeDelayMs = 500;

interface DocumentCorrections {
	list: LabelCorrection[];
	/** Earlier lists, newest last; moved along with edits like the list itself. */
	undo: LabelCorrection[][];
	/** Set when the stored file could not be read: it is then never overwritten. */
	readError?: string;
	writeTimer?: ReturnType<typeof setTimeout>;
	/** The last write in flight; writes of one document run one after another. */
	writing: Promise<void>;
}

export class CorrectionStore extends Disposable {
	private readonly docs = new Map<string, DocumentCorrections>();
	private readonly loading = new Map<string, Promise<DocumentCorrections>>();
	private readonly changeEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
	/** Fires when the corrections that apply to a document change (not when they only move). */
	readonly onDidChange = this.changeEmitter.event;
	private readonly warnedMemory = new Set<string>();

	constructor(private readonly storage: CorrectionStorage) {
		super();
		this._register(vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)));
		// A closed document may change on disk unseen: its corrections are read (and re-anchored) again when it reopens.
		this._register(vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)));
		this._register({ dispose: () => void this.flush() });
	}

	/** The attached and detached corrections of `uri` as far as they are loaded (empty before). */
	list(uri: vscode.Uri): readonly LabelCorrection[] {
		return this.docs.get(uri.toString())?.list ?? [];
	}

	canUndo(uri: vscode.Uri): boolean {
		return (this.docs.get(uri.toString())?.undo.length ?? 0) > 0;
	}

	/** Reads the stored corrections of `uri` once and checks them against the open document's text. */
	async ensureLoaded(uri: vscode.Uri): Promise<void> {
		await this.loaded(uri);
	}

	private loaded(uri: vscode.Uri): Promise<DocumentCorrections> {
		const key = uri.toString();
		const loaded = this.docs.get(key);
		if (loaded) return Promise.resolve(loaded);
		let pending = this.loading.get(key);
		if (!pending) {
			pending = this.load(uri).finally(() => this.loading.delete(key));
			this.loading.set(key, pending);
		}
		return pending;
	}

	private async load(uri: vscode.Uri): Promise<DocumentCorrections> {
		const key = uri.toString();
		let list: LabelCorrection[] = [];
		let readError: string | undefined;
		try {
			const read = await this.storage.read(uri);
			list = read.corrections;
			if (read.skipped > 0) {
				void vscode.window.showWarningMessage(
					read.skipped === 1
						? vscode.l10n.t('Sequence Lens: 1 damaged label correction of {0} was skipped.', displayName(uri))
						: vscode.l10n.t('Sequence Lens: {0} damaged label corrections of {1} were skipped.', read.skipped, displayName(uri)),
				);
			}
		} catch (error) {
			readError = error instanceof Error ? error.message : String(error);
			void vscode.window.showWarningMessage(
				vscode.l10n.t(
					'Sequence Lens: the label corrections of {0} could not be read ({1}). The file is left untouched; new corrections are kept in memory only.',
					displayName(uri),
					readError,
				),
			);
		}
		const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
		if (document && list.length > 0) {
			list = reanchorToText(list, document.getText());
		}
		// Another load may have won the race while this one read the file.
		const existing = this.docs.get(key);
		if (existing) return existing;
		const doc: DocumentCorrections = { list, undo: [], readError, writing: Promise.resolve() };
		this.docs.set(key, doc);
		if (list.length > 0) this.changeEmitter.fire(uri);
		return doc;
	}

	/**
	 * Replaces the corrections of `uri` with `list` as one undoable step and writes them; the
	 * returned promise settles when they are on disk. A write failure is reported, and the
	 * corrections stay in memory.
	 */
	async update(uri: vscode.Uri, list: LabelCorrection[]): Promise<void> {
		const doc = await this.loaded(uri);
		doc.undo.push(doc.list);
		if (doc.undo.length > undoDepth) doc.undo.shift();
		doc.list = list;
		this.changeEmitter.fire(uri);
		this.noteMemoryOnly(uri);
		await this.write(uri, doc);
	}

	/** Restores the list before the last update; false when there is nothing to undo. */
	async undo(uri: vscode.Uri): Promise<boolean> {
		const doc = await this.loaded(uri);
		const previous = doc.undo.pop();
		if (!previous) return false;
		doc.list = previous;
		this.changeEmitter.fire(uri);
		await this.write(uri, doc);
		return true;
	}

	/** Writes every pending change now (deactivation). */
	async flush(): Promise<void> {
		const writes: Promise<void>[] = [];
		for (const [key, doc] of this.docs) {
			if (doc.writeTimer) {
				clearTimeout(doc.writeTimer);
				doc.writeTimer = undefined;
				writes.push(this.write(vscode.Uri.parse(key), doc));
			}
		}
		await Promise.all(writes);
	}

	private forget(uri: vscode.Uri): void {
		const key = uri.toString();
		const doc = this.docs.get(key);
		if (!doc) return;
		if (doc.writeTimer) void this.write(uri, doc);
		this.docs.delete(key);
	}

	private noteMemoryOnly(uri: vscode.Uri): void {
		const key = uri.toString();
		if (isKeptInMemory(uri) && !this.warnedMemory.has(key)) {
			this.warnedMemory.add(key);
			void vscode.window.showInformationMessage(
				vscode.l10n.t(
					'Sequence Lens: {0} is untitled, so its label corrections are kept in memory only and are lost when it or the window closes. Save it to a file before correcting to keep them.',
					displayName(uri),
				),
			);
		}
	}

	private write(uri: vscode.Uri, doc: DocumentCorrections): Promise<void> {
		if (doc.writeTimer) {
			clearTimeout(doc.writeTimer);
			doc.writeTimer = undefined;
		}
		if (doc.readError !== undefined || isKeptInMemory(uri)) return doc.writing;
		const snapshot = doc.list;
		doc.writing = doc.writing
			.then(() => this.storage.write(uri, snapshot))
			.catch((error: unknown) => {
				void vscode.window.showErrorMessage(
					vscode.l10n.t(
						'Sequence Lens: could not save the label corrections of {0} ({1}). They are kept in memory for this window.',
						displayName(uri),
						error instanceof Error ? error.message : String(error),
					),
				);
			});
		return doc.writing;
	}

	private onEdit(event: vscode.TextDocumentChangeEvent): void {
		if (event.contentChanges.length === 0) return;
		const doc = this.docs.get(event.document.uri.toString());
		if (!doc || (doc.list.length === 0 && doc.undo.length === 0)) return;
		const uri = event.document.uri;
		// Copied only when an edit writes into a correction or one is detached (followEdits): typing elsewhere costs O(corrections).
		let text: string | undefined;
		const newText = () => (text ??= event.document.getText());
		const before = doc.list;
		doc.list = followEdits(before, event.contentChanges, newText);
		doc.undo = doc.undo.map((list) => followEdits(list, event.contentChanges, newText));
		// Nothing moved (the edit came after every correction): nothing to announce or write.
		if (doc.list === before) return;
		if (doc.list.some((c, k) => c.detached !== before[k]?.detached) || doc.list.length !== before.length) {
			this.changeEmitter.fire(uri);
		}
		if (doc.writeTimer) clearTimeout(doc.writeTimer);
		doc.writeTimer = setTimeout(() => void this.write(uri, doc), writeDelayMs);
	}
}
