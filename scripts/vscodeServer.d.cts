// Types of scripts/vscodeServer.cjs for the TypeScript test code that loads it at run time.
import type { BrowserContext, ConsoleMessage } from 'playwright-core';

export interface ServerHandle {
	port: number;
	/** `http://127.0.0.1:<port>` */
	origin: string;
	/** Fresh per run; removed by stop() unless keepState was set. */
	stateDir: string;
	extensionsDir: string;
	codeServerDir: string;
	pid: number;
	logPath: string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	output(): string;
	/** Kills the server's whole process group (extension host and watchers included). */
	stop(): Promise<void>;
}

export interface StartServerOptions {
	codeServerDir?: string;
	port?: number;
	stateDir?: string;
	extensionsDir?: string;
	env?: Record<string, string>;
	keepState?: boolean;
	readyTimeoutMs?: number;
	log?: (message: string) => void;
	/** Leave workspace trust on (no `--disable-workspace-trust`), for tests of restricted mode. */
	workspaceTrust?: boolean;
}

export interface WorkbenchUrlOptions {
	folder?: string;
	/** A `.code-workspace` file to open instead of a folder (ignored when `folder` is set). */
	workspace?: string;
	extensionDevelopmentPath?: string | string[];
	extensionTestsPath?: string;
	openFile?: string;
	skipWelcome?: boolean;
}

export const chromiumArgs: readonly string[];
export const codeServerVersion: string;
export const hostConsoleTag: string;
export const repoRoot: string;
export function chromiumPath(): string;
export function codeServerCacheDir(): string;
export function ensureCodeServer(options?: { install?: boolean; log?: (message: string) => void }): string;
export function findFreePort(preferred?: number): Promise<number>;
export function formatConsoleMessage(message: ConsoleMessage): Promise<{ fromExtensionHost: boolean; level: string; text: string }>;
export function installExtension(options: { codeServerDir: string; vsix: string; extensionsDir: string; stateDir?: string; timeoutMs?: number }): string;
export function installedCodeServerDir(): string | undefined;
export function isWorkbenchChatter(text: string): boolean;
export function killGroup(pid: number, signal: NodeJS.Signals | 0): boolean;
export function launchBrowser(options?: { userDataDir?: string; viewport?: { width: number; height: number }; timeoutMs?: number }): Promise<BrowserContext>;
export function makeStateDir(prefix?: string): string;
export function remoteUri(server: ServerHandle, absolutePath: string): string;
export function startServer(options?: StartServerOptions): Promise<ServerHandle>;
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T>;
export function workbenchUrl(server: ServerHandle, options?: WorkbenchUrlOptions): string;
