// Playwright helpers for end-to-end tests in a real VS Code: the VS Code server of the
// code-server package (started by scripts/vscodeServer.cjs) with its web workbench in Debian's
// headless Chromium. Every wait is a condition with a time limit, so a hung workbench fails
// the test instead of stalling the run.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import type * as VscodeServer from '../../scripts/vscodeServer.cjs';
import { findRepoRoot } from '../support/repoRoot';

/** The repository root: the folder above this file that holds package.json. */
export const repoRoot = findRepoRoot(__dirname);

/** Screenshots and page logs land here (git-ignored). */
export const testResultsDir = path.join(repoRoot, 'test-results');

// Loaded by absolute path: the compiled file lives under out/, the library stays in scripts/.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vscodeServer = require(path.join(repoRoot, 'scripts', 'vscodeServer.cjs')) as typeof VscodeServer;

/** How long the workbench may take to show up on a loaded two-core machine. */
const workbenchTimeoutMs = 90_000;
/** The default limit of a single UI step (palette, quick open, hover, decorations). */
const stepTimeoutMs = 30_000;

export interface LaunchOptions {
	/**
	 * Folder to open. Default: a fresh temporary copy of test/fixtures/workspace, removed by
	 * close(). A folder passed here is used in place (settings are written into it).
	 */
	workspace?: string;
	/**
	 * A multi-root workspace to open instead of a folder: a `.code-workspace` file, used in place.
	 * `settings` and `theme` then go into its `settings`, and `openFile` is relative to its folder.
	 */
	workspaceFile?: string;
	/** Written into the workspace's .vscode/settings.json, over the fixture's settings. */
	settings?: Record<string, unknown>;
	/**
	 * `dev` (default): the repository folder as a development extension (build it first).
	 * `installed`: the packaged .vsix (`vsix`, else $SEQUENCE_LENS_VSIX, else
	 * dist/sequence-lens.vsix) installed with the server's `--install-extension` into a fresh
	 * extensions folder; the repository folder is then not loaded at all.
	 */
	extension?: 'dev' | 'installed';
	/** Colour theme label, e.g. `Default Light Modern`; sets `workbench.colorTheme`. */
	theme?: string;
	/** The .vsix for `extension: 'installed'`. */
	vsix?: string;
	/** A workspace-relative file to open when the workbench starts (default: none). */
	openFile?: string;
	/**
	 * Start the server with workspace trust on (default off: `--disable-workspace-trust`). The
	 * folder then opens in restricted mode: the trust prompt is answered "No" by the harness.
	 */
	workspaceTrust?: boolean;
	/** Browser viewport; default 1400 × 900. */
	viewport?: { width: number; height: number };
	/** More extension folders loaded as development extensions beside it (benchmark peers). */
	extraDevelopmentPaths?: string[];
}

export interface Workbench {
	/** The Playwright page showing the workbench. */
	readonly page: Page;
	/** The workspace folder on disk. */
	readonly workspace: string;
	/** The server's extensions folder (holds the installed extension in `installed` mode). */
	readonly extensionsDir: string;
	/** Every page console message so far, as `[type] text`, extension host lines included. */
	readonly consoleLog: readonly string[];
	/** Closes the browser, kills the server's process group and removes temporary folders. */
	close(): Promise<void>;
	/**
	 * Runs a command from the command palette by its full title as the palette shows it,
	 * e.g. `Sequence Lens: Tokenize Selection`: F1, type `>` + title, wait for the row whose
	 * label is exactly that title, Enter. Retries while the extension's commands are not yet
	 * registered.
	 */
	runCommand(title: string, timeoutMs?: number): Promise<void>;
	/** Opens a workspace file through quick open (Ctrl+P) and waits for its tab to be active. */
	openFile(relativePath: string, timeoutMs?: number): Promise<void>;
	/** Focuses the active text editor and selects all of its text. */
	selectAll(): Promise<void>;
	/** Selects the first occurrence of `text` within one line of the active editor (mouse drag). */
	selectText(text: string, timeoutMs?: number): Promise<void>;
	/** The text of the active editor's rendered lines, in line order. */
	editorText(): Promise<string>;
	/**
	 * The text of every inline `after` decoration in the editor area, in reading order. Monaco
	 * renders them as empty `span[class*="ced-"]` whose text is the CSS `::after` content; the
	 * strings are JSON-decoded, so they are exactly the extension's `contentText`.
	 */
	afterDecorations(): Promise<string[]>;
	/** Polls afterDecorations() until `predicate` holds; returns the last texts read. */
	waitForAfterDecorations(predicate: (texts: string[]) => boolean, timeoutMs?: number): Promise<string[]>;
	/**
	 * Moves the mouse onto the first occurrence of `word` in the editor and returns the hover's
	 * text (innerText of `.monaco-hover`), waiting until it contains `expected` when given.
	 */
	hoverWord(word: string, expected?: string, timeoutMs?: number): Promise<string>;
	/** The content frame of the most recently opened webview (poll it for a known element). */
	webview(): FrameLocator;
	/** Saves a PNG of the page as test-results/<name>.png and returns its path. */
	screenshot(name: string): Promise<string>;
	/** The messages of the notification toasts now shown. */
	notifications(): Promise<string[]>;
	/** Polls notifications() until one contains `text`; returns it. */
	waitForNotification(text: string, timeoutMs?: number): Promise<string>;
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `probe` until it returns a value other than `undefined`, or throws after `timeoutMs`
 * with `what` and the last error in the message.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = stepTimeoutMs, intervalMs = 100): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	while (true) {
		try {
			const value = await probe();
			if (value !== undefined) {
				return value;
			}
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > deadline) {
			const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
		}
		await delay(intervalMs);
	}
}

function prepareWorkspace(options: LaunchOptions): { folder: string; temporary: boolean } {
	let folder = options.workspaceFile ? path.dirname(options.workspaceFile) : options.workspace;
	let temporary = false;
	if (!folder) {
		folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-e2e-ws-'));
		fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
		temporary = true;
	}
	const settings: Record<string, unknown> = { ...options.settings };
	if (options.theme) {
		settings['workbench.colorTheme'] = options.theme;
	}
	if (options.workspaceFile && Object.keys(settings).length > 0) {
		const workspace = JSON.parse(fs.readFileSync(options.workspaceFile, 'utf8')) as { settings?: Record<string, unknown> };
		workspace.settings = { ...workspace.settings, ...settings };
		fs.writeFileSync(options.workspaceFile, JSON.stringify(workspace, null, '\t'));
	} else if (Object.keys(settings).length > 0) {
		const file = path.join(folder, '.vscode', 'settings.json');
		const existing = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, JSON.stringify({ ...existing, ...settings }, null, '\t'));
	}
	return { folder, temporary };
}

/**
 * Starts a fresh VS Code server with the extension (see {@link LaunchOptions.extension}), opens
 * the workspace in headless Chromium and waits until the workbench is interactive. Always call
 * `close()` (an `after` hook), also when a test fails.
 */
/**
 * What a failed test leaves for whoever reads the log: a screenshot named `name`, the
 * notifications on screen and the last error or Sequence Lens lines of the page's console.
 */
export async function reportFailure(wb: Workbench, name: string): Promise<void> {
	await wb.screenshot(name);
	console.log((await wb.notifications()).join('\n'));
	console.log(wb.consoleLog.filter((line) => /error|sequence/i.test(line)).slice(-20).join('\n'));
}

export async function launchWorkbench(options: LaunchOptions = {}): Promise<Workbench> {
	const mode = options.extension ?? 'dev';
	const codeServerDir = vscodeServer.ensureCodeServer();
	const stateDir = vscodeServer.makeStateDir('sl-e2e-');
	const { folder, temporary } = prepareWorkspace(options);
	let server: VscodeServer.ServerHandle | undefined;
	let context: BrowserContext | undefined;
	const cleanup = async () => {
		await context?.close().catch(() => undefined);
		if (server) {
			await server.stop();
		} else {
			fs.rmSync(stateDir, { recursive: true, force: true });
		}
		if (temporary) {
			fs.rmSync(folder, { recursive: true, force: true });
		}
	};
	try {
		const extensionsDir = path.join(stateDir, 'ext');
		if (mode === 'installed') {
			const vsix = path.resolve(options.vsix ?? process.env.SEQUENCE_LENS_VSIX ?? path.join(repoRoot, 'dist', 'sequence-lens.vsix'));
			if (!fs.existsSync(vsix)) {
				throw new Error(`no .vsix at ${vsix}: run \`npm run package\` first`);
			}
			vscodeServer.installExtension({ codeServerDir, vsix, extensionsDir });
		} else if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
			throw new Error('dist/extension.js is missing: run `npm run build` first');
		}
		server = await vscodeServer.startServer({ codeServerDir, stateDir, extensionsDir, log: () => undefined, workspaceTrust: options.workspaceTrust });
		context = await vscodeServer.launchBrowser({ userDataDir: path.join(stateDir, 'browser'), viewport: options.viewport });
		const page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(stepTimeoutMs);
		const consoleLog: string[] = [];
		page.on('console', (message) => {
			consoleLog.push(`[${message.type()}] ${message.text()}`);
		});
		page.on('pageerror', (error) => consoleLog.push(`[pageerror] ${error.message}`));
		const url = vscodeServer.workbenchUrl(server, {
			...(options.workspaceFile ? { workspace: options.workspaceFile } : { folder }),
			extensionDevelopmentPath: [mode === 'dev' ? repoRoot : undefined, ...(options.extraDevelopmentPaths ?? [])].filter((p): p is string => p !== undefined),
			openFile: options.openFile ? path.join(folder, options.openFile) : undefined,
		});
		await page.goto(url, { timeout: workbenchTimeoutMs });
		await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: workbenchTimeoutMs });
		await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: workbenchTimeoutMs });
		if (options.openFile) {
			await waitForActiveTab(page, path.basename(options.openFile), workbenchTimeoutMs);
		}
		return createWorkbench(page, folder, extensionsDir, consoleLog, cleanup);
	} catch (error) {
		if (context) {
			await saveFailureScreenshot(context).catch(() => undefined);
		}
		await cleanup();
		throw error;
	}
}

async function saveFailureScreenshot(context: BrowserContext): Promise<void> {
	const page = context.pages()[0];
	if (page) {
		fs.mkdirSync(testResultsDir, { recursive: true });
		await page.screenshot({ path: path.join(testResultsDir, 'launch-failure.png'), timeout: 5000 });
	}
}

async function waitForActiveTab(page: Page, label: string, timeoutMs: number): Promise<void> {
	await page
		.locator('.part.editor .tabs-container .tab.active', { hasText: label })
		.first()
		.waitFor({ state: 'visible', timeout: timeoutMs });
	await page.locator('.part.editor .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

function createWorkbench(page: Page, workspace: string, extensionsDir: string, consoleLog: string[], cleanup: () => Promise<void>): Workbench {
	const quickInput = page.locator('.quick-input-widget');
	const quickInputBox = quickInput.locator('.quick-input-box input');

	/** Index of the palette row whose label is exactly `label`, or undefined. */
	const exactRowIndex = (label: string) =>
		quickInput.locator('.quick-input-list .monaco-list-row').evaluateAll((rows, wanted) => {
			const index = rows.findIndex((row) => {
				const name = row.querySelector('.label-name');
				return (name?.textContent ?? '').trim() === wanted;
			});
			return index >= 0 ? index : undefined;
		}, label);

	const closeQuickInput = async () => {
		if (await quickInput.isVisible()) {
			await page.keyboard.press('Escape');
			await quickInput.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
		}
	};

	const activeEditor = () => page.locator('.part.editor .editor-group-container.active .monaco-editor').first();

	const focusEditor = async () => {
		const editor = activeEditor();
		await editor.waitFor({ state: 'visible' });
		await editor.locator('.view-lines').click({ position: { x: 2, y: 2 } });
	};

	/** Viewport-relative boxes of the first occurrence of `text` inside one rendered line. */
	const textBox = (text: string) =>
		activeEditor().evaluate((editor, wanted) => {
			const lines = Array.from(editor.querySelectorAll('.view-lines .view-line'));
			lines.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
			for (const line of lines) {
				const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
				const nodes: Text[] = [];
				let joined = '';
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					nodes.push(node as Text);
					joined += (node as Text).data;
				}
				// Monaco renders spaces as non-breaking ones.
				const at = joined.replace(/\u00a0/g, ' ').indexOf(wanted);
				if (at < 0) {
					continue;
				}
				const locate = (offset: number): [Text, number] => {
					let rest = offset;
					for (const node of nodes) {
						if (rest <= node.data.length) {
							return [node, rest];
						}
						rest -= node.data.length;
					}
					const last = nodes[nodes.length - 1];
					return [last, last.data.length];
				};
				const range = document.createRange();
				range.setStart(...locate(at));
				range.setEnd(...locate(at + wanted.length));
				const rect = range.getBoundingClientRect();
				const view = (editor.querySelector('.editor-scrollable') ?? editor).getBoundingClientRect();
				return {
					left: rect.left,
					right: rect.right,
					top: rect.top,
					bottom: rect.bottom,
					// How far the editor must scroll to show the whole text (0 when it is visible).
					scrollX: rect.left < view.left ? rect.left - view.left - 20 : rect.right > view.right ? rect.right - view.right + 20 : 0,
					scrollY: rect.top < view.top ? rect.top - view.top - 20 : rect.bottom > view.bottom ? rect.bottom - view.bottom + 20 : 0,
					viewX: (view.left + view.right) / 2,
					viewY: (view.top + view.bottom) / 2,
				};
			}
			return undefined;
		}, text);

	/**
	 * The box of `text` once it is inside the editor's visible area: text beyond it (a long
	 * line, a narrow editor beside a panel) is scrolled into view with the mouse wheel.
	 */
	const visibleTextBox = async (text: string) => {
		const box = await textBox(text);
		if (!box) {
			return undefined;
		}
		if (box.scrollX === 0 && box.scrollY === 0) {
			return box;
		}
		await page.mouse.move(box.viewX, box.viewY);
		await page.mouse.wheel(box.scrollX, box.scrollY);
		await delay(150);
		return undefined;
	};

	const workbench: Workbench = {
		page,
		workspace,
		extensionsDir,
		consoleLog,
		close: cleanup,

		async runCommand(title, timeoutMs = stepTimeoutMs) {
			await waitFor(`the command palette row "${title}"`, async () => {
				await closeQuickInput();
				await page.keyboard.press('F1');
				await quickInputBox.waitFor({ state: 'visible', timeout: 5000 });
				await quickInputBox.fill(`>${title}`, { timeout: 5000 });
				// The list filters as it is typed; give it a moment before deciding.
				const index = await waitFor('the filtered list', () => exactRowIndex(title), 10_000).catch(() => undefined);
				if (index === undefined) {
					return undefined;
				}
				await quickInput.locator('.quick-input-list .monaco-list-row').nth(index).click({ timeout: 5000 });
				return true;
			}, timeoutMs, 250);
			await quickInput.waitFor({ state: 'hidden', timeout: 5000 });
		},

		async openFile(relativePath, timeoutMs = stepTimeoutMs) {
			const name = path.basename(relativePath);
			const row = quickInput.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
			const open = async () => {
				await closeQuickInput();
				await page.keyboard.press('Control+P');
				await quickInputBox.waitFor({ state: 'visible', timeout: 5000 });
				await quickInputBox.fill(relativePath, { timeout: 5000 });
			};
			await open();
			// The first file search of a workspace can take seconds on a loaded machine: wait for
			// it rather than restarting it, and reopen only if the widget went away.
			await waitFor(`quick open to list ${relativePath}`, async () => {
				if (!(await quickInput.isVisible())) {
					await open();
					return undefined;
				}
				return (await row.isVisible()) ? true : undefined;
			}, timeoutMs, 200);
			// Quick open's list re-renders while its file search completes, so the row found can
			// vanish or hold another file by the time it is clicked: check the tab that opened and
			// start over a couple of times before failing.
			const attempts = 3;
			for (let attempt = 1; ; attempt++) {
				try {
					await row.click({ timeout: 5000 });
					await waitForActiveTab(page, name, attempt < attempts ? Math.min(timeoutMs, 10_000) : timeoutMs);
					return;
				} catch (error) {
					if (attempt >= attempts) {
						throw error;
					}
				}
				await open();
				await waitFor(`quick open to list ${relativePath} again`, async () => ((await row.isVisible()) ? true : undefined), timeoutMs, 200);
			}
		},

		async selectAll() {
			await focusEditor();
			await page.keyboard.press('Control+A');
			await waitFor('a selection in the editor', async () =>
				(await activeEditor().locator('.selected-text').count()) > 0 ? true : undefined, 5000);
		},

		async selectText(text, timeoutMs = stepTimeoutMs) {
			const box = await waitFor(`"${text}" visible in the editor`, () => visibleTextBox(text), timeoutMs);
			const y = (box.top + box.bottom) / 2;
			await page.mouse.click(box.left + 1, y);
			await page.keyboard.down('Shift');
			try {
				await page.mouse.click(box.right - 1, y);
			} finally {
				await page.keyboard.up('Shift');
			}
			await waitFor('a selection in the editor', async () =>
				(await activeEditor().locator('.selected-text').count()) > 0 ? true : undefined, 5000);
		},

		async editorText() {
			return activeEditor().evaluate((editor) => {
				const lines = Array.from(editor.querySelectorAll('.view-lines .view-line'));
				lines.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
				return lines.map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ')).join('\n');
			});
		},

		async afterDecorations() {
			return page.locator('.part.editor').first().evaluate((editorPart) => {
				const spans = Array.from(editorPart.querySelectorAll('span[class*="ced-"]'));
				const placed = spans
					.map((span) => ({ rect: span.getBoundingClientRect(), content: getComputedStyle(span, '::after').content }))
					.filter(({ content }) => content !== '' && content !== 'none' && content !== 'normal');
				placed.sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
				return placed.map(({ content }) => {
					try {
						return String(JSON.parse(content));
					} catch {
						return content;
					}
				});
			});
		},

		async waitForAfterDecorations(predicate, timeoutMs = stepTimeoutMs) {
			let last: string[] = [];
			try {
				return await waitFor('the after decorations', async () => {
					last = await workbench.afterDecorations();
					return predicate(last) ? last : undefined;
				}, timeoutMs);
			} catch (error) {
				throw new Error(`${(error as Error).message}; last seen: ${JSON.stringify(last)}`);
			}
		},

		async hoverWord(word, expected, timeoutMs = stepTimeoutMs) {
			const hover = page.locator('.monaco-hover:not(.hidden)');
			let attempt = 0;
			return waitFor(`a hover over "${word}"${expected ? ` containing "${expected}"` : ''}`, async () => {
				const box = await visibleTextBox(word);
				if (!box) {
					return undefined;
				}
				// Leaving the word and coming back restarts the hover delay if a try was missed.
				await page.mouse.move(box.left + (box.right - box.left) / 2 + (attempt++ % 3) - 1, box.bottom + 200);
				await page.mouse.move(box.left + (box.right - box.left) / 2 + (attempt % 3) - 1, (box.top + box.bottom) / 2, { steps: 3 });
				const text = await waitFor('the hover widget', async () => {
					if ((await hover.count()) === 0) {
						return undefined;
					}
					const shown = (await hover.last().innerText()).trim();
					return shown && (!expected || shown.includes(expected)) ? shown : undefined;
				}, 3000).catch(() => undefined);
				return text;
			}, timeoutMs, 200);
		},

		webview() {
			return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
		},

		async screenshot(name) {
			fs.mkdirSync(testResultsDir, { recursive: true });
			const file = path.join(testResultsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
			await page.screenshot({ path: file });
			return file;
		},

		async notifications() {
			return page
				.locator('.notifications-toasts .notification-toast .notification-list-item-message')
				.evaluateAll((items) => items.map((item) => (item as HTMLElement).innerText.trim()));
		},

		async waitForNotification(text, timeoutMs = stepTimeoutMs) {
			return waitFor(`a notification containing "${text}"`, async () =>
				(await workbench.notifications()).find((message) => message.includes(text)), timeoutMs);
		},
	};
	return workbench;
}
