/**
 * Add to vocabulary (a hover link on `<UNK>` tokens): adds the token's normalised form to the
 * user's vocabulary file after a confirmation, written atomically, and re-renders the analyses.
 * The built-in vocabulary is never modified: the first add offers to save a copy as the user's
 * vocabulary. Files whose other content a rewrite would lose (a Hugging Face tokenizer.json, a
 * Keras tokenizer config) get the same offer.
 */

import * as vscode from 'vscode';
import { defaultVocabulary } from '../../core/defaultVocabulary';
import type { Vocabulary } from '../../core/vocabulary';
import { VocabularyError } from '../../core/vocabulary';
import { insertWord, type InsertedWord } from '../../core/vocabularyEdit';
import { detectVocabularyFormat, saveVocabulary, VocabularyFileError, type VocabularyFormat } from '../../core/vocabularyFiles';
import type { Analyzer } from '../analyzer';
import { readConfig } from '../config';
import { atomicWrite, exists } from '../fs/atomicWrite';
import { uriFromArgument } from '../util/uriArgument';
import { refreshVocabulary, useAsVocabulary, vocabularyFormatFor } from './useVocabulary';
import { parseAsLoaded } from './loadVocabulary';
import { activeVocabulary } from './vocabularyState';
import { baseName as fileName } from '../util/uriName';

export const addToVocabularyCommandId = 'sequenceLens.addToVocabulary';

/** Formats rewritten in place: they hold nothing but the vocabulary. */
const editableFormats: readonly VocabularyFormat[] = ['text', 'json-map', 'json-list'];

export interface AddToVocabularyArguments {
	/** The normalised word to add. */
	word?: unknown;
	/** The document the hover was on: its folder's settings decide the built-in convention. */
	uri?: unknown;
	/** Answers the confirmation (true adds without asking). */
	confirm?: boolean;
	/** Where to save the copy, instead of the save dialog; an existing file is refused. */
	copyTo?: unknown;
}

export interface AddToVocabularyResult {
	word: string;
	index: number;
	/** |V| after the add. */
	size: number;
	/** Entries whose index moved up by one. */
	shifted: number;
	/** The user's vocabulary file that now holds the word. */
	uri: string;
	/** Whether a copy was saved (of the built-in list or of a file that cannot be rewritten). */
	copied: boolean;
}

export type AddToVocabularyOutcome = AddToVocabularyResult | { error: string };

function fail(error: string): { error: string } {
	void vscode.window.showErrorMessage(vscode.l10n.t('Sequence Lens: {0}', error));
	return { error };
}

/** The message after an add: where the word went and what moved. */
export function addedMessage(word: string, added: InsertedWord): string {
	const size = added.vocabulary.size;
	if (added.shifted === 0) {
		return vscode.l10n.t('Sequence Lens: “{0}” added at {1}; no other index moved (|V| = {2}).', word, added.index, size);
	}
	return added.shifted === 1
		? vscode.l10n.t('Sequence Lens: “{0}” added at {1}; the entry after it moved up by one (|V| = {2}).', word, added.index, size)
		: vscode.l10n.t('Sequence Lens: “{0}” added at {1}; the indices of the {2} entries after it moved up by one (|V| = {3}).', word, added.index, added.shifted, size);
}

async function confirm(word: string, target: string, args: AddToVocabularyArguments): Promise<boolean> {
	if (args.confirm !== undefined) {
		return args.confirm;
	}
	const addItem = vscode.l10n.t('Add');
	const answer = await vscode.window.showInformationMessage(
		vscode.l10n.t('Add “{0}” to {1}? It goes where the vocabulary’s order puts it; the indices after it move up by one.', word, target),
		addItem,
	);
	return answer === addItem;
}

/** Asks where to save a copy (or takes `copyTo`); undefined when the user cancelled. */
async function copyTarget(args: AddToVocabularyArguments, reason: string): Promise<vscode.Uri | { error: string } | undefined> {
	const given = uriFromArgument(args.copyTo);
	if (given) {
		if (await exists(given)) {
			return fail(vscode.l10n.t('{0} already exists; choose another file name (the save dialog asks before replacing a file).', given.fsPath || given.toString()));
		}
		return given;
	}
	if (args.confirm === undefined) {
		const copyItem = vscode.l10n.t('Save a Copy…');
		const answer = await vscode.window.showInformationMessage(
			`${reason} ${vscode.l10n.t('The copy becomes your vocabulary (setting “sequenceLens.vocabularyPath”), and words are added to it from then on.')}`,
			copyItem,
		);
		if (answer !== copyItem) {
			return undefined;
		}
	}
	const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
	return vscode.window.showSaveDialog({
		defaultUri: folder ? vscode.Uri.joinPath(folder, 'vocab.txt') : undefined,
		filters: { [vscode.l10n.t('One token per line')]: ['txt'], [vscode.l10n.t('JSON (token → index)')]: ['json'] },
		title: vscode.l10n.t('Save your vocabulary'),
		saveLabel: vscode.l10n.t('Save Vocabulary'),
	});
}

async function write(uri: vscode.Uri, vocabulary: Vocabulary, format: VocabularyFormat): Promise<{ error: string } | undefined> {
	let content: string;
	try {
		content = saveVocabulary(vocabulary, format);
	} catch (error) {
		if (error instanceof VocabularyFileError) {
			return fail(error.message);
		}
		throw error;
	}
	try {
		await atomicWrite(uri, new TextEncoder().encode(content));
	} catch (error) {
		return fail(vscode.l10n.t('could not write {0}: {1}', uri.fsPath || uri.toString(), error instanceof Error ? error.message : String(error)));
	}
	return undefined;
}

/**
 * The file as it is now, parsed as Load Vocabulary parsed it (so a <UNK> it added is added again);
 * the loaded copy when the file no longer parses or now numbers differently.
 */
function reread(bytes: Uint8Array, loaded: Vocabulary): Vocabulary {
	try {
		const fresh = parseAsLoaded(bytes, loaded);
		return fresh.convention === loaded.convention && fresh.base === loaded.base ? fresh : loaded;
	} catch {
		return loaded;
	}
}

async function addToVocabulary(analyzer: Analyzer, args: AddToVocabularyArguments): Promise<AddToVocabularyOutcome | undefined> {
	if (typeof args.word !== 'string' || args.word === '') {
		return fail(vscode.l10n.t('Add to vocabulary needs a word; use the link in the hover of an <UNK> token.'));
	}
	const word = args.word;
	// The vocabulary of the document the hover was on: each folder may have its own.
	const active = activeVocabulary(uriFromArgument(args.uri));
	let current: Vocabulary;
	let target: vscode.Uri | undefined;
	let format: VocabularyFormat | undefined;
	let copyReason: string | undefined;
	if (!active) {
		current = defaultVocabulary(readConfig(uriFromArgument(args.uri)).convention);
		copyReason = vscode.l10n.t('The built-in vocabulary is never changed. Save a copy as your vocabulary and add “{0}” to it?', word);
	} else {
		current = active.vocabulary;
		let bytes: Uint8Array | undefined;
		try {
			bytes = await vscode.workspace.fs.readFile(active.uri);
			format = detectVocabularyFormat(bytes);
		} catch {
			format = undefined;
		}
		if (bytes && format && editableFormats.includes(format) && active.vocabulary.kind === 'word') {
			target = active.uri;
			// The file as it is now, so a change made to it since it was loaded is kept; the
			// loaded copy stands in when the file no longer parses on its own.
			current = reread(bytes, current);
		} else {
			copyReason = vscode.l10n.t('{0} holds more than a word list, so it is not rewritten. Save a copy as your vocabulary and add “{1}” to it?', fileName(active.uri), word);
		}
	}
	let added: InsertedWord;
	try {
		added = insertWord(current, word, target ? current.name : undefined);
	} catch (error) {
		if (error instanceof VocabularyError) {
			return fail(error.message);
		}
		throw error;
	}
	let copied = false;
	if (!target) {
		const chosen = await copyTarget(args, copyReason ?? '');
		if (!chosen || !(chosen instanceof vscode.Uri)) {
			return chosen;
		}
		target = chosen;
		format = vocabularyFormatFor(chosen);
		copied = true;
	} else if (!(await confirm(word, fileName(target), args))) {
		return undefined;
	}
	const failed = await write(target, added.vocabulary, format ?? vocabularyFormatFor(target));
	if (failed) {
		return failed;
	}
	const named = insertWord(current, word, fileName(target));
	if (copied) {
		await useAsVocabulary(analyzer, named.vocabulary, target);
	} else {
		refreshVocabulary(analyzer, { vocabulary: named.vocabulary, uri: target });
	}
	void vscode.window.showInformationMessage(addedMessage(word, added));
	return { word, index: added.index, size: added.vocabulary.size, shifted: added.shifted, uri: target.toString(), copied };
}

export function registerAddToVocabularyCommand(analyzer: Analyzer): vscode.Disposable {
	return vscode.commands.registerCommand(addToVocabularyCommandId, (args?: unknown) =>
		addToVocabulary(analyzer, typeof args === 'object' && args !== null ? (args as AddToVocabularyArguments) : {}),
	);
}
