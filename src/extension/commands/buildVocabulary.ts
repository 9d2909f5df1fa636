/**
 * Build Vocabulary from Workspace…: asks for a folder, a glob, top-N, a minimum frequency, a
 * convention and an order; streams the matching files to the core's corpus builder under a
 * cancellable progress notification; shows what was cut; saves the vocabulary through a save
 * dialog (atomically, never over a file without asking) and offers to make it active.
 *
 * Every question can be answered by an argument instead (scripts, tests); the interactive path
 * is the default.
 */

import * as vscode from 'vscode';
import { buildVocabulary, type BuildResult } from '../../core/corpusBuilder';
import { conventionIds, conventions, isConventionId, type ConventionId } from '../../core/conventions';
import type { Vocabulary } from '../../core/vocabulary';
import { saveVocabulary, VocabularyFileError } from '../../core/vocabularyFiles';
import type { AnalyzeOptions } from '../../core/analyze';
import { analyzeOptions, type Analyzer } from '../analyzer';
import { readConfig } from '../config';
import { atomicWrite, exists } from '../fs/atomicWrite';
import { tokenCount, wordCount } from '../util/countPhrases';
import { uriFromArgument } from '../util/uriArgument';
import { corpusChunks, maxCorpusFileBytes, type CorpusStats } from './corpusFiles';
import type { BuildPreviewProvider } from './buildPreview';
import { useAsVocabulary, vocabularyFormatFor } from './useVocabulary';
import { displayName } from '../util/uriName';

export const buildVocabularyCommandId = 'sequenceLens.buildVocabulary';

export const defaultCorpusGlob = '**/*.{txt,md}';
const defaultTopN = 10_000;
/** How many cut words the preview lists. */
const previewSize = 500;

type Order = 'alphabetical' | 'frequency';

/** Answers to the questions, for scripts and tests; a missing one is asked. */
export interface BuildVocabularyArguments {
	/** The folder to scan (a Uri or a path). */
	folder?: unknown;
	glob?: string;
	/** Most words to keep (specials not counted); 0 keeps every word. */
	topN?: number;
	minFrequency?: number;
	convention?: ConventionId;
	order?: Order;
	/** Where to save: no dialog, and an existing file is refused rather than replaced. */
	target?: unknown;
	/** Answers "Make it the active vocabulary?". */
	activate?: boolean;
	/** Cancels the build (as the notification's Cancel button does). */
	cancellation?: vscode.CancellationToken;
}

export interface BuildVocabularyResult {
	folder: string;
	glob: string;
	files: { matched: number; read: number; skippedBinary: number; skippedLarge: number; unreadable: number };
	tokens: number;
	distinct: number;
	keptWords: number;
	cutWords: number;
	cutTokens: number;
	coverage: number;
	size: number;
	unkIndex: number;
	convention: ConventionId;
	order: Order;
	/** The read-only document listing the cut words. */
	preview: string;
	/** Where it was saved; absent when the save dialog was cancelled. */
	uri?: string;
	activated: boolean;
}

export type BuildVocabularyOutcome = BuildVocabularyResult | { cancelled: true } | { error: string };

const title = () => vscode.l10n.t('Build Vocabulary from Workspace');

function parseCount(value: string, min: number): number | undefined {
	const trimmed = value.trim().replace(/[_,\s]/g, '');
	if (!/^\d+$/.test(trimmed)) {
		return undefined;
	}
	const n = Number(trimmed);
	return Number.isSafeInteger(n) && n >= min ? n : undefined;
}

/** Why a glob cannot be used, or undefined when it can. */
function globProblem(glob: string): string | undefined {
	if (glob.trim() === '') {
		return vscode.l10n.t('Enter a glob pattern, for example {0}.', defaultCorpusGlob);
	}
	let braces = 0;
	for (const c of glob) {
		braces += c === '{' ? 1 : c === '}' ? -1 : 0;
		if (braces < 0) {
			break;
		}
	}
	if (braces !== 0) {
		return vscode.l10n.t('The braces {…} in the pattern do not match.');
	}
	return undefined;
}

async function pickFolder(argument: unknown): Promise<vscode.Uri | undefined> {
	const given = uriFromArgument(argument);
	if (given) {
		return given;
	}
	const folders = vscode.workspace.workspaceFolders ?? [];
	if (folders.length === 1) {
		return folders[0].uri;
	}
	if (folders.length > 1) {
		const folder = await vscode.window.showWorkspaceFolderPick({
			placeHolder: vscode.l10n.t('Which workspace folder should the vocabulary be built from?'),
		});
		return folder?.uri;
	}
	const picked = await vscode.window.showOpenDialog({
		canSelectFiles: false,
		canSelectFolders: true,
		canSelectMany: false,
		title: vscode.l10n.t('Folder to build a vocabulary from'),
		openLabel: vscode.l10n.t('Scan This Folder'),
	});
	return picked?.[0];
}

async function askCount(prompt: string, initial: number, min: number, step: string): Promise<number | undefined> {
	const answer = await vscode.window.showInputBox({
		title: `${title()} (${step})`,
		prompt,
		value: String(initial),
		validateInput: (value) =>
			parseCount(value, min) === undefined ? vscode.l10n.t('Enter a whole number of at least {0}.', min) : undefined,
	});
	return answer === undefined ? undefined : parseCount(answer, min);
}

async function askConvention(): Promise<ConventionId | undefined> {
	const current = readConfig().convention;
	const items = conventionIds.map((id) => ({
		label: conventions[id].label,
		description: id === current ? vscode.l10n.t('current setting') : undefined,
		detail: conventions[id].description,
		id,
	}));
	items.sort((a, b) => Number(b.id === current) - Number(a.id === current));
	const pick = await vscode.window.showQuickPick(items, {
		title: `${title()} (4/5)`,
		placeHolder: vscode.l10n.t('How the vocabulary is numbered (specials, <UNK>, first word index)'),
	});
	return pick?.id;
}

async function askOrder(convention: ConventionId): Promise<Order | undefined> {
	const natural = conventions[convention].order;
	const items: { label: string; detail: string; order: Order }[] = [
		{ label: vscode.l10n.t('Alphabetical'), detail: vscode.l10n.t('Words in code-point order, as in the course ("a" = 1)'), order: 'alphabetical' },
		{ label: vscode.l10n.t('By frequency'), detail: vscode.l10n.t('Most frequent word first, as Keras and torchtext number words'), order: 'frequency' },
	];
	items.sort((a, b) => Number(b.order === natural) - Number(a.order === natural));
	const pick = await vscode.window.showQuickPick(
		items.map((item) => ({ ...item, description: item.order === natural ? vscode.l10n.t('the convention’s order') : undefined })),
		{ title: `${title()} (5/5)`, placeHolder: vscode.l10n.t('Order of the kept words') },
	);
	return pick?.order;
}

function folderName(folder: vscode.Uri): string {
	const workspaceFolder = vscode.workspace.getWorkspaceFolder(folder);
	if (workspaceFolder && workspaceFolder.uri.toString() === folder.toString()) {
		return workspaceFolder.name;
	}
	return displayName(folder);
}

function percent(x: number): string {
	return `${(x * 100).toFixed(1)}%`;
}

interface Answers {
	folder: vscode.Uri;
	glob: string;
	topN: number;
	minFrequency: number;
	convention: ConventionId;
	order: Order;
}

async function askAll(args: BuildVocabularyArguments): Promise<Answers | undefined> {
	const folder = await pickFolder(args.folder);
	if (!folder) {
		return undefined;
	}
	let glob = typeof args.glob === 'string' && !globProblem(args.glob) ? args.glob : undefined;
	glob ??= await vscode.window.showInputBox({
		title: `${title()} (1/5)`,
		prompt: vscode.l10n.t('Files of “{0}” to read (a glob pattern relative to {1})', folderName(folder), folder.fsPath || folder.toString()),
		value: defaultCorpusGlob,
		validateInput: globProblem,
	});
	if (glob === undefined) {
		return undefined;
	}
	const topN =
		typeof args.topN === 'number' && Number.isSafeInteger(args.topN) && args.topN >= 0
			? args.topN
			: await askCount(vscode.l10n.t('Keep at most this many words, the most frequent (0 keeps them all); specials are not counted'), defaultTopN, 0, '2/5');
	if (topN === undefined) {
		return undefined;
	}
	const minFrequency =
		typeof args.minFrequency === 'number' && Number.isSafeInteger(args.minFrequency) && args.minFrequency >= 1
			? args.minFrequency
			: await askCount(vscode.l10n.t('Keep only words seen at least this many times'), 1, 1, '3/5');
	if (minFrequency === undefined) {
		return undefined;
	}
	const convention = isConventionId(args.convention) ? args.convention : await askConvention();
	if (!convention) {
		return undefined;
	}
	const order = args.order === 'alphabetical' || args.order === 'frequency' ? args.order : await askOrder(convention);
	if (!order) {
		return undefined;
	}
	return { folder, glob, topN, minFrequency, convention, order };
}

async function runBuild(
	answers: Answers,
	stats: CorpusStats,
	cancellation: vscode.CancellationToken | undefined,
): Promise<BuildResult | 'cancelled'> {
	const name = folderName(answers.folder);
	return vscode.window.withProgress(
		{
			location: vscode.ProgressLocation.Notification,
			title: vscode.l10n.t('Building a vocabulary from “{0}”', name),
			cancellable: true,
		},
		async (progress, token) => {
			const abort = new AbortController();
			const cancelled = () => abort.signal.aborted;
			const listeners = [token, cancellation].filter((t) => t !== undefined).map((t) => t.onCancellationRequested(() => abort.abort()));
			if (token.isCancellationRequested || cancellation?.isCancellationRequested) {
				abort.abort();
			}
			const either: vscode.CancellationToken = {
				get isCancellationRequested() {
					return cancelled();
				},
				onCancellationRequested: token.onCancellationRequested,
			};
			try {
				progress.report({ message: vscode.l10n.t('finding files ({0})…', answers.glob) });
				const files = cancelled() ? [] : await vscode.workspace.findFiles(new vscode.RelativePattern(answers.folder, answers.glob), undefined, undefined, either);
				if (cancelled()) {
					return 'cancelled';
				}
				files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
				stats.matched = files.length;
				let words = 0;
				const report = () => {
					const done = stats.read + stats.skippedBinary + stats.skippedLarge + stats.unreadable;
					progress.report({
						message:
							files.length === 1
								? vscode.l10n.t('{0} of 1 file · {1}', done, wordCount(words))
								: vscode.l10n.t('{0} of {1} files · {2}', done, files.length, wordCount(words)),
						increment: files.length > 0 ? 100 / files.length : undefined,
					});
				};
				const result = await buildVocabulary(corpusChunks(files, stats, either, report), {
					...tokenizeOptions(answers.folder),
					topN: answers.topN === 0 ? undefined : answers.topN,
					minFrequency: answers.minFrequency,
					convention: answers.convention,
					order: answers.order,
					name: vocabularyName(answers),
					cutPreviewSize: previewSize,
					signal: abort.signal,
					onProgress: (p) => {
						words = p.tokens;
					},
				});
				return cancelled() ? 'cancelled' : result;
			} catch (error) {
				if (cancelled()) {
					return 'cancelled';
				}
				throw error;
			} finally {
				listeners.forEach((l) => l.dispose());
			}
		},
	);
}

/**
 * The corpus is tokenized and normalised exactly as the editor will look its words up (the
 * analysis options of the folder, without their vocabulary). A user pattern is left out: it
 * runs only in its guarded worker, never over a corpus on the extension host.
 */
function tokenizeOptions(folder: vscode.Uri): Omit<AnalyzeOptions, 'vocabulary' | 'pattern'> {
	const { vocabulary: _vocabulary, pattern: _pattern, ...options } = analyzeOptions(readConfig(folder), folder);
	return options;
}

function vocabularyName(answers: Answers): string {
	return vscode.l10n.t('{0} ({1})', folderName(answers.folder), answers.glob);
}

function summaryLines(answers: Answers, stats: CorpusStats, result: BuildResult): string[] {
	const s = result.summary;
	const v = result.vocabulary;
	const lines = [
		vscode.l10n.t('Folder: {0} ({1})', folderName(answers.folder), answers.folder.fsPath || answers.folder.toString()),
		vscode.l10n.t('Files: {0} matched {1}, {2} read', stats.matched, answers.glob, stats.read),
	];
	if (stats.skippedBinary > 0 || stats.skippedLarge > 0 || stats.unreadable > 0) {
		lines.push(
			vscode.l10n.t(
				'Skipped: {0} binary, {1} larger than {2} MB, {3} unreadable',
				stats.skippedBinary,
				stats.skippedLarge,
				maxCorpusFileBytes / (1024 * 1024),
				stats.unreadable,
			),
		);
	}
	lines.push(
		vscode.l10n.t('Words: {0}, {1} distinct', tokenCount(s.tokens), s.distinct),
		vscode.l10n.t(
			'Kept: {0} (top-N {1}, minimum frequency {2}); they cover {3} of the tokens',
			wordCount(s.keptWords),
			answers.topN === 0 ? vscode.l10n.t('no limit') : answers.topN,
			answers.minFrequency,
			percent(s.coverage),
		),
		vscode.l10n.t('Cut: {0}, {1} that will map to {2}', wordCount(s.cutWords), tokenCount(s.cutTokens), v.unkToken),
		vscode.l10n.t('|V| = {0} under the {1} convention ({2} order), {3} = {4}', v.size, conventions[answers.convention].label, answers.order, v.unkToken, v.unkIndex),
	);
	return lines;
}

function previewText(answers: Answers, stats: CorpusStats, result: BuildResult): string {
	const lines = [vscode.l10n.t('Vocabulary built from a workspace folder: not saved yet'), '', ...summaryLines(answers, stats, result), ''];
	if (result.cut.length === 0) {
		lines.push(vscode.l10n.t('Nothing was cut: every word of the corpus is in the vocabulary.'));
	} else {
		lines.push(
			result.summary.cutWords > result.cut.length
				? vscode.l10n.t('The {0} most frequent of the {1} cut words (count, word):', result.cut.length, result.summary.cutWords)
				: result.cut.length === 1
					? vscode.l10n.t('The cut word (count, word):')
					: vscode.l10n.t('The {0} cut words, most frequent first (count, word):', result.cut.length),
		);
		for (const w of result.cut) {
			lines.push(`${String(w.count).padStart(8)}  ${JSON.stringify(w.word)}`);
		}
	}
	return `${lines.join('\n')}\n`;
}

async function save(vocabulary: Vocabulary, answers: Answers, targetArgument: unknown): Promise<vscode.Uri | { error: string } | undefined> {
	let uri = uriFromArgument(targetArgument);
	if (uri) {
		if (await exists(uri)) {
			const error = vscode.l10n.t('{0} already exists; choose another file name (the save dialog asks before replacing a file).', uri.fsPath || uri.toString());
			void vscode.window.showErrorMessage(vscode.l10n.t('Sequence Lens: {0}', error));
			return { error };
		}
	} else {
		uri = await vscode.window.showSaveDialog({
			defaultUri: vscode.Uri.joinPath(answers.folder, 'vocab.txt'),
			filters: { [vscode.l10n.t('One token per line')]: ['txt'], [vscode.l10n.t('JSON (token → index)')]: ['json'] },
			title: vscode.l10n.t('Save the vocabulary'),
			saveLabel: vscode.l10n.t('Save Vocabulary'),
		});
		if (!uri) {
			return undefined;
		}
	}
	let content: string;
	try {
		content = saveVocabulary(vocabulary, vocabularyFormatFor(uri));
	} catch (error) {
		if (error instanceof VocabularyFileError) {
			void vscode.window.showErrorMessage(vscode.l10n.t('Sequence Lens: {0}', error.message));
			return { error: error.message };
		}
		throw error;
	}
	try {
		await atomicWrite(uri, new TextEncoder().encode(content));
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		void vscode.window.showErrorMessage(vscode.l10n.t('Sequence Lens: could not write {0}: {1}', uri.fsPath || uri.toString(), message));
		return { error: message };
	}
	return uri;
}

async function buildVocabularyCommand(analyzer: Analyzer, preview: BuildPreviewProvider, args: BuildVocabularyArguments): Promise<BuildVocabularyOutcome | undefined> {
	const answers = await askAll(args);
	if (!answers) {
		return undefined;
	}
	const stats: CorpusStats = { matched: 0, read: 0, skippedBinary: 0, skippedLarge: 0, unreadable: 0 };
	const result = await runBuild(answers, stats, args.cancellation);
	if (result === 'cancelled') {
		void vscode.window.showInformationMessage(vscode.l10n.t('Sequence Lens: vocabulary build cancelled; nothing was saved.'));
		return { cancelled: true };
	}
	if (stats.read === 0) {
		const error = vscode.l10n.t('no readable text file in “{0}” matches {1} ({2} matched, {3} binary, {4} too large).', folderName(answers.folder), answers.glob, stats.matched, stats.skippedBinary, stats.skippedLarge);
		void vscode.window.showWarningMessage(vscode.l10n.t('Sequence Lens: {0}', error));
		return { error };
	}
	const previewUri = preview.show(previewText(answers, stats, result));
	// Beside the editor the user works in, or in the editor area when none is open.
	const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
	await vscode.window.showTextDocument(previewUri, { preview: true, preserveFocus: true, viewColumn: column });

	const out: BuildVocabularyResult = {
		folder: answers.folder.toString(),
		glob: answers.glob,
		files: { ...stats },
		tokens: result.summary.tokens,
		distinct: result.summary.distinct,
		keptWords: result.summary.keptWords,
		cutWords: result.summary.cutWords,
		cutTokens: result.summary.cutTokens,
		coverage: result.summary.coverage,
		size: result.vocabulary.size,
		unkIndex: result.vocabulary.unkIndex,
		convention: answers.convention,
		order: answers.order,
		preview: previewUri.toString(),
		activated: false,
	};

	if (args.target === undefined) {
		// A notification rather than a modal dialog: the preview beside it stays readable.
		const saveItem = vscode.l10n.t('Save…');
		const skipped = stats.skippedBinary + stats.skippedLarge + stats.unreadable;
		// The counted phrases are strings of their own, so each language words its singular and plural.
		const answer = await vscode.window.showInformationMessage(
			vscode.l10n.t(
				'Sequence Lens: vocabulary built from {0} of “{1}”{2}: |V| = {3}, {4} (they cover {5} of the tokens), {6} cut. Save it?',
				stats.read === 1 ? vscode.l10n.t('1 file') : vscode.l10n.t('{0} files', stats.read),
				folderName(answers.folder),
				skipped > 0 ? vscode.l10n.t(' ({0} skipped: binary, too large or unreadable)', skipped) : '',
				result.vocabulary.size,
				result.summary.keptWords === 1 ? vscode.l10n.t('1 word kept') : vscode.l10n.t('{0} words kept', result.summary.keptWords),
				percent(result.summary.coverage),
				result.summary.cutWords,
			),
			saveItem,
		);
		if (answer !== saveItem) {
			return out;
		}
	}
	const saved = await save(result.vocabulary, answers, args.target);
	if (!saved) {
		return out;
	}
	if (!(saved instanceof vscode.Uri)) {
		return { ...out, error: saved.error };
	}
	out.uri = saved.toString();
	let activate = args.activate;
	if (activate === undefined) {
		const useItem = vscode.l10n.t('Use It');
		const answer = await vscode.window.showInformationMessage(
			vscode.l10n.t('Sequence Lens: saved {0}. Make it the active vocabulary?', saved.fsPath || saved.toString()),
			useItem,
		);
		activate = answer === useItem;
	}
	if (activate) {
		await useAsVocabulary(analyzer, result.vocabulary, saved);
		out.activated = true;
	}
	return out;
}

export function registerBuildVocabularyCommand(analyzer: Analyzer, preview: BuildPreviewProvider): vscode.Disposable {
	return vscode.commands.registerCommand(buildVocabularyCommandId, (args?: unknown) =>
		buildVocabularyCommand(
			analyzer,
			preview,
			// The explorer's context menu passes the folder it was opened on.
			args instanceof vscode.Uri ? { folder: args } : typeof args === 'object' && args !== null ? (args as BuildVocabularyArguments) : {},
		),
	);
}
