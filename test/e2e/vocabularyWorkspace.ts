// The vocabulary tests' shared set-up: a temporary workspace of small text files (one folder, or
// several opened as a multi-root workspace), where a folder's `words.txt` is its vocabulary,
// launched in the real workbench; and Build Vocabulary from Workspace… started from the palette
// and answered question by question.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchWorkbench, waitFor, type Workbench } from './harness';

export const buildVocabularyTitle = 'Sequence Lens: Build Vocabulary from Workspace…';

/** Decoration texts without their bidi isolates and `<UNK>` markers: the indices alone. */
export const indices = (texts: string[]): string => texts.map((t) => t.replace(/[\u2066-\u2069]/g, '').replace(/\s*<UNK>/, '')).join(' ');

/** A folder's files by relative path (sub-folders are made as needed). */
export type FolderFiles = Record<string, string | Buffer>;

export interface VocabularyWorkspaceOptions {
	/** Start of the temporary folder's name. */
	prefix: string;
	/** The files of a single-folder workspace. */
	files?: FolderFiles;
	/** Instead of `files`: named folders, opened in this order through a `.code-workspace` file. */
	folders?: Record<string, FolderFiles>;
	/** A file to open at start (relative to the folder, or to the parent of the named folders). */
	openFile?: string;
	/** More user settings of the workspace. */
	settings?: Record<string, unknown>;
	/** Default `Default Light Modern`. */
	theme?: string;
}

export interface VocabularyWorkspace {
	readonly wb: Workbench;
	/** The temporary folder: the workspace folder, or the parent of the named folders. */
	readonly root: string;
	/** Closes the workbench and removes the folder. */
	close(): Promise<void>;
}

function writeFolder(dir: string, files: FolderFiles): void {
	for (const [name, content] of Object.entries(files)) {
		const file = path.join(dir, name);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, content);
	}
	if ('words.txt' in files) {
		// The same relative path in every folder: each resolves it against its own folder.
		fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
		fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'sequenceLens.vocabularyPath': 'words.txt' }));
	}
}

/** Writes the workspace under a fresh temporary folder and opens it in the real workbench. */
export async function launchVocabularyWorkspace(options: VocabularyWorkspaceOptions): Promise<VocabularyWorkspace> {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix));
	try {
		const common = {
			openFile: options.openFile,
			theme: options.theme ?? 'Default Light Modern',
			settings: { 'files.hotExit': 'off', 'workbench.reduceMotion': 'on', ...options.settings },
		};
		let wb: Workbench;
		if (options.folders) {
			for (const [name, files] of Object.entries(options.folders)) {
				writeFolder(path.join(root, name), files);
			}
			const workspaceFile = path.join(root, 'folders.code-workspace');
			fs.writeFileSync(workspaceFile, JSON.stringify({ folders: Object.keys(options.folders).map((name) => ({ path: name })), settings: {} }));
			wb = await launchWorkbench({ workspaceFile, ...common });
		} else {
			writeFolder(root, options.files ?? {});
			wb = await launchWorkbench({ workspace: root, ...common });
		}
		return {
			wb,
			root,
			close: async () => {
				await wb.close();
				fs.rmSync(root, { recursive: true, force: true });
			},
		};
	} catch (error) {
		fs.rmSync(root, { recursive: true, force: true });
		throw error;
	}
}

/**
 * Runs Build Vocabulary from Workspace… from the palette, as the harness's runCommand does but
 * leaving the widget open: the command's first question (or folder pick) follows in it. Takes
 * the screenshot `screenshot`, when given, of the palette row before choosing it.
 */
export async function startBuildVocabulary(wb: Workbench, screenshot?: string): Promise<void> {
	const quickInput = wb.page.locator('.quick-input-widget');
	const input = quickInput.locator('.quick-input-box input');
	await waitFor(`the palette row "${buildVocabularyTitle}"`, async () => {
		if (await quickInput.isVisible()) {
			await wb.page.keyboard.press('Escape');
		}
		await wb.page.keyboard.press('F1');
		await input.waitFor({ state: 'visible', timeout: 5000 });
		await input.fill(`>${buildVocabularyTitle}`);
		const row = quickInput.locator('.quick-input-list .monaco-list-row', { hasText: 'Build Vocabulary from Workspace' }).first();
		return (await row.waitFor({ timeout: 10_000 }).then(() => true).catch(() => false)) ? true : undefined;
	}, 60_000, 250);
	if (screenshot) {
		await wb.screenshot(screenshot);
	}
	await wb.page.keyboard.press('Enter');
}

/**
 * Answers the five questions of Build Vocabulary from Workspace…, each once its `(n/5)` shows:
 * with the text given for its number, else with the proposed answer.
 */
export async function answerBuildQuestions(wb: Workbench, answers: Partial<Record<1 | 2 | 3 | 4 | 5, string>> = {}): Promise<void> {
	const quickInput = wb.page.locator('.quick-input-widget');
	for (const n of [1, 2, 3, 4, 5] as const) {
		const step = `(${n}/5)`;
		await waitFor(`the question ${step}`, async () => ((await quickInput.innerText().catch(() => '')).includes(step) ? true : undefined));
		const answer = answers[n];
		if (answer !== undefined) {
			await quickInput.locator('.quick-input-box input').fill(answer);
		}
		await wb.page.keyboard.press('Enter');
	}
}
