/**
 * Load Vocabulary…: reads a vocabulary file, makes it the active vocabulary for new analyses and
 * re-renders the open ones. Also loads `sequenceLens.vocabularyPath` when it is set.
 */

import * as vscode from 'vscode';
import { uriFromArgument } from '../util/uriArgument';
import { detectVocabularyFormat, loadVocabulary, VocabularyFileError, type LoadVocabularyOptions } from '../../core/vocabularyFiles';
import type { Vocabulary } from '../../core/vocabulary';
import { defaultVocabulary } from '../../core/defaultVocabulary';
import { conventions, type ConventionId } from '../../core/conventions';
import { suggestConvention, type ConventionSuggestion } from '../../core/suggestConvention';
import { reportAnalysisError, type Analyzer } from '../analyzer';
import { configSection, readConfig } from '../config';
import { activeVocabulary, folderKey, followActiveEditor, setActiveVocabulary, setSettingVocabularies, setSettingVocabularyLoad, settingVocabulary, type ActiveVocabulary } from './vocabularyState';
import { VocabularyFileWatcher, type ReloadStatus } from './vocabularyWatcher';
import { reanalyzeOpen, refreshVocabulary, switchVocabulary } from './useVocabulary';
import { baseName as fileName } from '../util/uriName';

export const loadVocabularyCommandId = 'sequenceLens.loadVocabulary';
export const useBuiltInVocabularyCommandId = 'sequenceLens.useBuiltInVocabulary';
/** Not in the palette: the vocabulary new analyses use, and the reloads of its file. */
export const getVocabularyCommandId = 'sequenceLens.getVocabulary';

/** What `sequenceLens.getVocabulary` returns. */
export interface VocabularyInfo {
	name: string;
	size: number;
	unkIndex: number;
	base: number;
	convention: ConventionId;
	/** The file it was read from; absent for the built-in list. */
	uri?: string;
	fileReloads: ReloadStatus;
}

/** Vocabularies loaded with an added <UNK>: reading the file again adds it again. */
const withAddedUnk = new WeakSet<Vocabulary>();

/** What Load Vocabulary returns on success. */
export interface LoadedVocabularyResult {
	name: string;
	size: number;
	unkIndex: number;
	base: number;
	convention: ConventionId;
	kind: 'word' | 'subword';
	uri: string;
	/** Set when a text or JSON-list file looks written for another convention than the one that numbered it. */
	suggestedConvention?: ConventionId;
}

/** What it returns when the file cannot be used; the previous vocabulary stays active. */
export interface LoadVocabularyFailure {
	error: string;
	problem: string;
	uri: string;
}

export interface LoadVocabularyArguments {
	/** Skips the "Add <UNK>" question: true adds it, false refuses the file. */
	addMissingUnk?: boolean;
	/** Numbers a text or JSON-list file by this convention instead of the setting's. */
	convention?: ConventionId;
}

/** Positional files whose layout points to another convention than the one used. */
const suggestions = new WeakMap<Vocabulary, ConventionSuggestion>();

function describe(vocabulary: Vocabulary, uri: vscode.Uri): LoadedVocabularyResult {
	return {
		name: vocabulary.name,
		size: vocabulary.size,
		unkIndex: vocabulary.unkIndex,
		base: vocabulary.base,
		convention: vocabulary.convention,
		kind: vocabulary.kind,
		uri: uri.toString(),
		...(suggestions.has(vocabulary) ? { suggestedConvention: suggestions.get(vocabulary)?.convention } : {}),
	};
}

function failure(uri: vscode.Uri, problem: string, message: string): LoadVocabularyFailure {
	void vscode.window.showErrorMessage(vscode.l10n.t('Sequence Lens: could not load the vocabulary {0}: {1} The previous vocabulary stays active.', fileName(uri), message));
	return { error: message, problem, uri: uri.toString() };
}

/**
 * Reads and parses `uri`. Positional formats (text, JSON list) take their base from the convention
 * setting; formats that carry their own indices keep them.
 */
async function readVocabulary(
	uri: vscode.Uri,
	args: LoadVocabularyArguments,
	interactive: boolean,
): Promise<Vocabulary | LoadVocabularyFailure | undefined> {
	let bytes: Uint8Array;
	try {
		bytes = await vscode.workspace.fs.readFile(uri);
	} catch (error) {
		return failure(uri, 'read', error instanceof Error ? error.message : String(error));
	}
	const options: LoadVocabularyOptions = { name: fileName(uri) };
	try {
		const format = detectVocabularyFormat(bytes);
		if (format === 'text' || format === 'json-list') {
			options.convention = args.convention ?? readConfig(uri).convention;
		}
		return withSuggestion(loadVocabulary(bytes, options), format);
	} catch (error) {
		if (!(error instanceof VocabularyFileError)) {
			throw error;
		}
		if (error.problem !== 'missing-unk') {
			return failure(uri, error.problem, error.message);
		}
		let add = args.addMissingUnk;
		if (add === undefined && interactive) {
			const addItem = vscode.l10n.t('Add <UNK>');
			const answer = await vscode.window.showWarningMessage(
				vscode.l10n.t('{0} has no unknown token, so words outside it would have no index.', fileName(uri)),
				{ modal: true, detail: vscode.l10n.t('Add “<UNK>” after the last entry? No existing index moves; the file is not changed.') },
				addItem,
			);
			add = answer === addItem;
			if (!add) {
				return undefined;
			}
		}
		if (!add) {
			return failure(uri, error.problem, error.message);
		}
		try {
			const added = withSuggestion(loadVocabulary(bytes, { ...options, addMissingUnk: true }), detectVocabularyFormat(bytes));
			withAddedUnk.add(added);
			return added;
		} catch (again) {
			if (again instanceof VocabularyFileError) {
				return failure(uri, again.problem, again.message);
			}
			throw again;
		}
	}
}

/**
 * Parses `bytes`, the file `previous` was loaded from, the way Load Vocabulary did: the same name,
 * the same convention for a positional file, and the <UNK> it added added again while the file
 * still has none (one the file has now is the file's own). Throws `VocabularyFileError`.
 */
export function parseAsLoaded(bytes: Uint8Array, previous: Vocabulary): Vocabulary {
	const format = detectVocabularyFormat(bytes);
	const options: LoadVocabularyOptions = { name: previous.name };
	if (format === 'text' || format === 'json-list') {
		options.convention = previous.convention;
	}
	try {
		return loadVocabulary(bytes, options);
	} catch (error) {
		if (!(error instanceof VocabularyFileError && error.problem === 'missing-unk' && withAddedUnk.has(previous))) {
			throw error;
		}
		const added = loadVocabulary(bytes, { ...options, addMissingUnk: true });
		withAddedUnk.add(added);
		return added;
	}
}

function withSuggestion(vocabulary: Vocabulary, format: string): Vocabulary {
	const suggestion = format === 'text' || format === 'json-list' ? suggestConvention(vocabulary.entries) : undefined;
	if (suggestion && suggestion.convention !== vocabulary.convention) {
		suggestions.set(vocabulary, suggestion);
	}
	return vocabulary;
}

/** Offers to number the file by the convention its layout shows (not awaited: the command returns at once). */
async function offerConvention(vocabulary: Vocabulary, uri: vscode.Uri, args: LoadVocabularyArguments): Promise<void> {
	const suggestion = suggestions.get(vocabulary);
	if (!suggestion) {
		return;
	}
	const label = conventions[suggestion.convention].label;
	const switchItem = vscode.l10n.t('Number as {0}', label);
	const answer = await vscode.window.showInformationMessage(
		vscode.l10n.t('{0} looks like a {1} vocabulary ({2}), but it is numbered by the {3} convention, from {4}.', vocabulary.name, label, suggestion.reason, conventions[vocabulary.convention].label, vocabulary.base),
		switchItem,
	);
	if (answer === switchItem) {
		await vscode.commands.executeCommand(loadVocabularyCommandId, uri, { ...args, convention: suggestion.convention });
	}
}

/** Makes `vocabulary` active in every folder and re-renders every open analysis with it. */
function activate(analyzer: Analyzer, vocabulary: Vocabulary, uri: vscode.Uri): LoadedVocabularyResult {
	switchVocabulary(analyzer, { vocabulary, uri });
	warnIfSubword(vocabulary);
	return describe(vocabulary, uri);
}

function warnIfSubword(vocabulary: Vocabulary): void {
	if (vocabulary.kind === 'subword') {
		void vscode.window.showWarningMessage(
			vscode.l10n.t('Sequence Lens: {0} is a subword vocabulary; whole words are looked up, so words it would split into pieces show as <UNK>.', vocabulary.name),
		);
	}
}

async function loadVocabularyCommand(
	analyzer: Analyzer,
	argument?: unknown,
	args: LoadVocabularyArguments = {},
): Promise<LoadedVocabularyResult | LoadVocabularyFailure | undefined> {
	let uri = uriFromArgument(argument);
	if (!uri) {
		const picked = await vscode.window.showOpenDialog({
			canSelectMany: false,
			openLabel: vscode.l10n.t('Load Vocabulary'),
			title: vscode.l10n.t('Load a vocabulary file'),
			defaultUri: activeVocabulary()?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri,
			filters: { [vscode.l10n.t('Vocabularies')]: ['txt', 'json', 'vocab'], [vscode.l10n.t('All files')]: ['*'] },
		});
		uri = picked?.[0];
	}
	if (!uri) {
		return undefined;
	}
	const loaded = await readVocabulary(uri, args, true);
	if (!loaded || !('entries' in loaded)) {
		return loaded;
	}
	const result = activate(analyzer, loaded, uri);
	void offerConvention(loaded, uri, args);
	void vscode.window.setStatusBarMessage(vscode.l10n.t('Sequence Lens: vocabulary {0} loaded, |V| = {1}', loaded.name, loaded.size), 4000);
	return result;
}

/**
 * `sequenceLens.vocabularyPath` of `folder` (default: the first folder) as a URI. A relative
 * path resolves against where it is set: the folder for a folder setting, the
 * `.code-workspace` file's folder for a workspace setting of a multi-root workspace, else the
 * folder itself.
 */
export function vocabularyPathUri(folder = vscode.workspace.workspaceFolders?.[0]): vscode.Uri | undefined {
	const inspected = vscode.workspace.getConfiguration(configSection, folder).inspect<unknown>('vocabularyPath');
	// Restricted mode: only the user's own value counts (the manifest restricts this setting).
	const trusted = vscode.workspace.isTrusted;
	const value = trusted ? (inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue) : inspected?.globalValue;
	if (typeof value !== 'string' || value.trim() === '') {
		return undefined;
	}
	const path = value.trim();
	if (/^([a-z]:[\\/]|[\\/])/i.test(path)) {
		return vscode.Uri.file(path);
	}
	const workspaceFile = vscode.workspace.workspaceFile;
	if (trusted && inspected?.workspaceFolderValue === undefined && inspected?.workspaceValue !== undefined && workspaceFile?.scheme === 'file') {
		return vscode.Uri.joinPath(workspaceFile, '..', path);
	}
	return folder ? vscode.Uri.joinPath(folder.uri, path) : undefined;
}

/**
 * Loads the file each folder's setting names (documents outside every folder follow the first
 * folder). A file read before is read again only when the setting now names another one; a
 * file that cannot be used leaves that folder with what it had, and the message says why.
 */
async function loadFromSettings(analyzer: Analyzer): Promise<void> {
	const targets: [string, vscode.Uri | undefined][] = (vscode.workspace.workspaceFolders ?? []).map((folder) => [folderKey(folder.uri), vocabularyPathUri(folder)]);
	targets.push(['', vocabularyPathUri()]);
	// Folders naming the same file share one read of it.
	const reads = new Map<string, Promise<Vocabulary | LoadVocabularyFailure | undefined>>();
	const next = new Map<string, ActiveVocabulary>();
	for (const [key, uri] of targets) {
		if (!uri) {
			continue;
		}
		let read = reads.get(uri.toString());
		if (!read) {
			// No question from a setting: a file without <UNK> is refused with the message saying why.
			read = readVocabulary(uri, { addMissingUnk: false }, false);
			reads.set(uri.toString(), read);
		}
		const loaded = await read;
		const kept = settingVocabulary(key);
		if (loaded && 'entries' in loaded) {
			next.set(key, { vocabulary: loaded, uri });
		} else if (kept?.uri.toString() === uri.toString()) {
			next.set(key, kept);
		}
	}
	setSettingVocabularies(next);
	for (const vocabulary of new Set([...next.values()].map((v) => v.vocabulary))) {
		warnIfSubword(vocabulary);
	}
	reanalyzeOpen(analyzer);
}

export function registerVocabularyCommands(analyzer: Analyzer): vscode.Disposable[] {
	const watcher = new VocabularyFileWatcher(async (uri) => {
		const previous = activeVocabulary()?.vocabulary;
		// The same numbering as before: a convention chosen for a text file stays chosen.
		const loaded = await readVocabulary(uri, { addMissingUnk: previous !== undefined && withAddedUnk.has(previous), convention: previous?.convention }, false);
		// Another vocabulary (or the built-in one) may have been chosen while the file was read: it stays.
		if (activeVocabulary()?.vocabulary !== previous) {
			return { problem: 'cancelled' };
		}
		if (loaded && 'entries' in loaded) {
			refreshVocabulary(analyzer, { vocabulary: loaded, uri });
			warnIfSubword(loaded);
			return {};
		}
		return { problem: loaded?.problem ?? 'cancelled' };
	});
	// Activation is the first use: the setting's vocabulary is read then, and open analyses re-render when it arrives.
	setSettingVocabularyLoad(loadFromSettings(analyzer));
	return [
		watcher,
		followActiveEditor(),
		vscode.commands.registerCommand(getVocabularyCommandId, (): VocabularyInfo => {
			const active = activeVocabulary();
			const vocabulary = active?.vocabulary ?? defaultVocabulary(readConfig().convention);
			const info: VocabularyInfo = {
				name: vocabulary.name,
				size: vocabulary.size,
				unkIndex: vocabulary.unkIndex,
				base: vocabulary.base,
				convention: vocabulary.convention,
				fileReloads: watcher.reloadStatus,
			};
			if (active) {
				info.uri = active.uri.toString();
			}
			return info;
		}),
		vscode.commands.registerCommand(loadVocabularyCommandId, (argument?: unknown, args?: LoadVocabularyArguments) =>
			loadVocabularyCommand(analyzer, argument, args ?? {}),
		),
		vscode.commands.registerCommand(useBuiltInVocabularyCommandId, () => {
			const dropped = activeVocabulary() !== undefined;
			setActiveVocabulary(undefined);
			if (dropped) {
				void analyzer.reanalyzeAll(vscode.workspace.textDocuments, reportAnalysisError);
			}
			return { convention: readConfig().convention };
		}),
		// Restricted mode hides the workspace's vocabularyPath; trusting the folder reveals it.
		vscode.workspace.onDidGrantWorkspaceTrust(() => void loadFromSettings(analyzer)),
		vscode.workspace.onDidChangeConfiguration((event) => {
			if (event.affectsConfiguration(`${configSection}.vocabularyPath`)) {
				void loadFromSettings(analyzer);
			}
		}),
	];
}
