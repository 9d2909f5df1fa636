/**
 * The vocabulary loaded by the user, if any. New analyses use it instead of the built-in default
 * of the convention setting; it lives in one place so the analyzer reads it without knowing how
 * it was loaded (command, setting).
 */

import * as vscode from 'vscode';
import type { Vocabulary } from '../../core/vocabulary';

export interface ActiveVocabulary {
	readonly vocabulary: Vocabulary;
	/** Where it was read from. */
	readonly uri: vscode.Uri;
}

let active: ActiveVocabulary | undefined;
const changeEmitter = new vscode.EventEmitter<ActiveVocabulary | undefined>();

export const onDidChangeActiveVocabulary = changeEmitter.event;

export function activeVocabulary(): ActiveVocabulary | undefined {
	return active;
}

export function setActiveVocabulary(next: ActiveVocabulary | undefined): void {
	active = next;
	changeEmitter.fire(next);
}
