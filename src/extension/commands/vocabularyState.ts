/**
 * The vocabulary each document is analysed with, when it is not the built-in default of the
 * convention setting. It lives in one place so the analyzer reads it without knowing how it was
 * loaded (command, setting).
 *
 * In a multi-root workspace every folder may name its own file in `vocabularyPath`, so a
 * vocabulary from a setting belongs to its folder. One chosen by a command (Load Vocabulary…)
 * applies to every folder. Whichever of the two for a folder was set last is the one used.
 */

import * as vscode from 'vscode';
import type { Vocabulary } from '../../core/vocabulary';

export interface ActiveVocabulary {
	readonly vocabulary: Vocabulary;
	/** Where it was read from. */
	readonly uri: vscode.Uri;
}

interface Entry {
	value: ActiveVocabulary;
	/** When it was set, to tell which of a folder's candidates is the newer. */
	readonly order: number;
}

let settingLoad: Promise<void> = Promise.resolve();

let chosen: Entry | undefined;
/** Keyed by folderKey(): the vocabulary the folder's `vocabularyPath` names. */
const fromSettings = new Map<string, Entry>();
let counter = 0;
const changeEmitter = new vscode.EventEmitter<void>();

/** Fires when the vocabulary of some folder changed; listeners ask activeVocabulary() again. */
export const onDidChangeActiveVocabulary = changeEmitter.event;

/** The key of the workspace folder holding `uri` ('' outside every folder). */
export function folderKey(uri: vscode.Uri | undefined): string {
	const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
	return folder ? folder.uri.toString() : '';
}

/**
 * The vocabulary analyses of `scope` use (default: the active editor's document); undefined
 * means the built-in one.
 */
export function activeVocabulary(scope?: vscode.Uri): ActiveVocabulary | undefined {
	const folder = fromSettings.get(folderKey(scope ?? vscode.window.activeTextEditor?.document.uri));
	if (!folder) {
		return chosen?.value;
	}
	return !chosen || folder.order > chosen.order ? folder.value : chosen.value;
}

/** Makes `next` the vocabulary of every folder (undefined: the built-in one everywhere). */
export function setActiveVocabulary(next: ActiveVocabulary | undefined): void {
	chosen = next && { value: next, order: ++counter };
	if (!next) {
		fromSettings.clear();
	}
	changeEmitter.fire();
}

/** A new copy of a file already in use (it changed on disk, a word was added): it replaces the old one wherever it is used. */
export function replaceVocabulary(next: ActiveVocabulary): boolean {
	let replaced = false;
	for (const entry of [chosen, ...fromSettings.values()]) {
		if (entry && entry.value.uri.toString() === next.uri.toString()) {
			entry.value = next;
			replaced = true;
		}
	}
	if (replaced) {
		changeEmitter.fire();
	}
	return replaced;
}

/**
 * Sets the vocabularies the folders' settings name (key → file and its contents). A folder
 * whose file is unchanged keeps its place in the order, so a vocabulary chosen by a command
 * after it stays in use there.
 */
export function setSettingVocabularies(next: ReadonlyMap<string, ActiveVocabulary>): void {
	for (const key of [...fromSettings.keys()]) {
		if (!next.has(key)) {
			fromSettings.delete(key);
		}
	}
	for (const [key, value] of next) {
		const previous = fromSettings.get(key);
		if (previous && previous.value.uri.toString() === value.uri.toString()) {
			previous.value = value;
		} else {
			fromSettings.set(key, { value, order: ++counter });
		}
	}
	changeEmitter.fire();
}

/** The vocabulary the setting of the folder with this key names, as loaded. */
export function settingVocabulary(key: string): ActiveVocabulary | undefined {
	return fromSettings.get(key)?.value;
}

/** A change of the active editor can change which vocabulary activeVocabulary() means. */
export function followActiveEditor(): vscode.Disposable {
	let last = activeVocabulary();
	const fireOnChange = () => {
		const now = activeVocabulary();
		if (now !== last) {
			last = now;
			changeEmitter.fire();
		}
	};
	const subscription = onDidChangeActiveVocabulary(() => {
		last = activeVocabulary();
	});
	return vscode.Disposable.from(vscode.window.onDidChangeActiveTextEditor(fireOnChange), subscription);
}

/** Records the read of `sequenceLens.vocabularyPath`'s file that activation starts. */
export function setSettingVocabularyLoad(load: Promise<void>): void {
	settingLoad = load.catch(() => undefined);
}

/** Settles when the vocabulary named by the settings at activation is loaded (or refused). */
export function settingVocabularyLoaded(): Promise<void> {
	return settingLoad;
}
