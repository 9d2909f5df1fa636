// Starts and stops the VS Code server that ships inside the `code-server` npm package, and the
// headless Chromium that drives its web workbench. Shared by `npm start`, the integration-test
// shim (scripts/code-shim) and the e2e harness (test/e2e/harness.ts), so all three run VS Code
// the same way. CommonJS so that plain `node` scripts, ESM scripts and compiled TypeScript can
// all load it without a build step.
'use strict';

const childProcess = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');

const repoRoot = path.resolve(__dirname, '..');

/**
 * Prefix that test/integration/suite/index.ts puts on the extension host's console lines when
 * SEQUENCE_LENS_CONSOLE_TAG asks for it: in a test run the workbench logs its own messages in
 * the same console format, and the tag is how the shim tells the tests' output apart.
 */
const hostConsoleTag = '\u2063[sl-host]\u2063';
const codeServerVersion = process.env.CODE_SERVER_VERSION || '4.100.3';

/** Flags proven to keep Debian's Chromium quiet and offline in a container. */
const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

function cacheRoot() {
	if (process.env.SEQUENCE_LENS_CACHE) {
		return process.env.SEQUENCE_LENS_CACHE;
	}
	return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'sequence-lens');
}

/** Where scripts/install-code-server.sh puts the package; it writes `.complete` last. */
function codeServerCacheDir() {
	return path.join(cacheRoot(), `code-server-${codeServerVersion}`);
}

function installedCodeServerDir() {
	const dir = path.join(codeServerCacheDir(), 'node_modules', 'code-server');
	const complete = fs.existsSync(path.join(codeServerCacheDir(), '.complete'));
	return complete && fs.existsSync(serverMain(dir)) ? dir : undefined;
}

function serverMain(codeServerDir) {
	return path.join(codeServerDir, 'lib', 'vscode', 'out', 'server-main.js');
}

/**
 * Returns the code-server package folder, installing it into the cache when `install` is set.
 * The install is the one slow step of a fresh machine (about a minute), hence its own limit.
 */
function ensureCodeServer({ install = true, log = defaultLog } = {}) {
	const existing = installedCodeServerDir();
	if (existing || !install) {
		if (!existing) {
			throw new Error(`code-server ${codeServerVersion} is not installed; run scripts/install-code-server.sh`);
		}
		return existing;
	}
	log(`installing code-server ${codeServerVersion} into ${codeServerCacheDir()}`);
	const result = childProcess.spawnSync('bash', [path.join(repoRoot, 'scripts', 'install-code-server.sh')], {
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
		timeout: 15 * 60_000,
		killSignal: 'SIGKILL',
	});
	if (result.status !== 0) {
		throw new Error(`install-code-server.sh failed (${result.status ?? result.signal})`);
	}
	const dir = result.stdout.trim().split('\n').pop();
	if (!dir || !fs.existsSync(serverMain(dir))) {
		throw new Error(`install-code-server.sh printed no usable path: ${result.stdout}`);
	}
	return dir;
}

function defaultLog(message) {
	process.stderr.write(`[vscode-server] ${message}\n`);
}

/** Rejects with a message naming `what` when `promise` takes longer than `ms`. */
function withTimeout(promise, ms, what) {
	let timer;
	const timeout = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function delay(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function portIsFree(port) {
	return new Promise((resolve) => {
		const probe = net.createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
}

/** The preferred port when it is free, otherwise one the kernel picks. */
async function findFreePort(preferred) {
	if (preferred && (await portIsFree(preferred))) {
		return preferred;
	}
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
	});
}

function httpStatus(url, ms) {
	return new Promise((resolve) => {
		const request = http.get(url, { timeout: ms }, (response) => {
			response.resume();
			resolve(response.statusCode ?? 0);
		});
		request.on('timeout', () => request.destroy());
		request.on('error', () => resolve(0));
	});
}

/** Sends `signal` to the whole process group led by `pid`; the server's children share it. */
function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false;
	}
}

function groupAlive(pid) {
	return killGroup(pid, 0);
}

/**
 * Groups of servers this process started and has not stopped. They run detached (so that one
 * signal reaches the whole group), which also means they would outlive this process: on exit,
 * and on SIGINT/SIGTERM/SIGHUP when nothing else handles those, they are killed.
 */
const liveGroups = new Map();
let exitHooksInstalled = false;

function installExitHooks() {
	if (exitHooksInstalled) {
		return;
	}
	exitHooksInstalled = true;
	process.on('exit', () => {
		for (const [pid, stateDir] of liveGroups) {
			killGroup(pid, 'SIGKILL');
			if (stateDir) {
				fs.rmSync(stateDir, { recursive: true, force: true });
			}
		}
	});
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		// Decided when the signal comes: a caller that handles it stops its servers itself.
		process.on(signal, () => {
			if (process.listenerCount(signal) === 1) {
				process.exit(signal === 'SIGINT' ? 130 : 143);
			}
		});
	}
}

/** A fresh state folder with a short path: the server puts unix sockets under its TMPDIR. */
function makeStateDir(prefix = 'sl-') {
	const base = fs.existsSync('/tmp') ? '/tmp' : os.tmpdir();
	const dir = fs.mkdtempSync(path.join(base, prefix));
	for (const sub of ['server', 'user', 'ext', 'tmp', 'xdg-config', 'xdg-data', 'xdg-cache', 'browser']) {
		fs.mkdirSync(path.join(dir, sub), { recursive: true });
	}
	return dir;
}

/**
 * Starts `server-main.js` detached in its own process group and waits until `GET /version`
 * answers 200. Resolves to a handle whose `stop()` kills the whole group (server, extension
 * host, file watcher) and removes the state folder unless `keepState` is set.
 */
async function startServer(options = {}) {
	const log = options.log || defaultLog;
	const codeServerDir = options.codeServerDir || ensureCodeServer({ log });
	const stateDir = options.stateDir || makeStateDir();
	const extensionsDir = options.extensionsDir || path.join(stateDir, 'ext');
	const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
	let lastError;
	for (let attempt = 0; attempt < 3; attempt++) {
		const port = await findFreePort(attempt === 0 ? options.port : undefined);
		try {
			return await startOnPort({ ...options, codeServerDir, stateDir, extensionsDir, port, log, readyTimeoutMs });
		} catch (error) {
			// Another process can take the port between the probe and the server's listen.
			lastError = error;
			log(`server start on port ${port} failed: ${error.message}`);
		}
	}
	if (!options.stateDir && !options.keepState) {
		fs.rmSync(stateDir, { recursive: true, force: true });
	}
	throw lastError;
}

async function startOnPort({ codeServerDir, stateDir, extensionsDir, port, log, readyTimeoutMs, env, keepState, host = '127.0.0.1', workspaceTrust = false }) {
	const args = [
		serverMain(codeServerDir),
		'--host', host,
		'--port', String(port),
		'--without-connection-token',
		'--accept-server-license-terms',
		// Without it the server ignores extensionTestsPath in the payload and waits forever.
		'--enable-smoke-test-driver',
		'--server-data-dir', path.join(stateDir, 'server'),
		'--user-data-dir', path.join(stateDir, 'user'),
		'--extensions-dir', extensionsDir,
		'--telemetry-level', 'off',
		// Tests of restricted mode turn workspace trust on; every other run has no trust prompt.
		...(workspaceTrust ? [] : ['--disable-workspace-trust']),
	];
	const logPath = path.join(stateDir, `server-${port}.log`);
	const logFd = fs.openSync(logPath, 'a');
	const child = childProcess.spawn(process.execPath, args, {
		cwd: stateDir,
		detached: true,
		stdio: ['ignore', logFd, logFd],
		env: serverEnv(stateDir, env),
	});
	fs.closeSync(logFd);
	installExitHooks();
	liveGroups.set(child.pid, keepState ? undefined : stateDir);
	let exited;
	const exitPromise = new Promise((resolve) => {
		child.once('exit', (code, signal) => {
			exited = { code, signal };
			resolve(exited);
		});
		child.once('error', (error) => {
			exited = { code: -1, signal: null, error };
			resolve(exited);
		});
	});
	const origin = `http://${host}:${port}`;
	const handle = {
		port,
		origin,
		stateDir,
		extensionsDir,
		codeServerDir,
		pid: child.pid,
		logPath,
		exited: exitPromise,
		/** The server's own stdout and stderr so far. */
		output: () => readText(logPath),
		stop: () => stopServer(handle, child, exitPromise, keepState),
	};
	const deadline = Date.now() + readyTimeoutMs;
	while (true) {
		if (exited) {
			throw new Error(`server exited early (${exited.code ?? exited.signal}): ${tail(readText(logPath))}`);
		}
		if ((await httpStatus(`${origin}/version`, 2000)) === 200) {
			break;
		}
		if (Date.now() > deadline) {
			killGroup(child.pid, 'SIGKILL');
			liveGroups.delete(child.pid);
			throw new Error(`server not ready after ${readyTimeoutMs} ms: ${tail(readText(logPath))}`);
		}
		await delay(100);
	}
	log(`VS Code server ready at ${origin} (pid ${child.pid}, state ${stateDir})`);
	return handle;
}

function serverEnv(stateDir, extra) {
	const env = { ...process.env, ...extra };
	// An empty gallery keeps the server from reaching the marketplace on an offline machine.
	env.EXTENSIONS_GALLERY = '{}';
	env.XDG_CONFIG_HOME = path.join(stateDir, 'xdg-config');
	env.XDG_DATA_HOME = path.join(stateDir, 'xdg-data');
	env.XDG_CACHE_HOME = path.join(stateDir, 'xdg-cache');
	env.TMPDIR = path.join(stateDir, 'tmp');
	for (const name of ['ELECTRON_RUN_AS_NODE', 'VSCODE_IPC_HOOK_CLI', 'VSCODE_CWD', 'VSCODE_NLS_CONFIG', 'VSCODE_HANDLES_UNCAUGHT_ERRORS']) {
		delete env[name];
	}
	return env;
}

async function stopServer(handle, child, exitPromise, keepState) {
	if (handle.stopped) {
		return handle.stopped;
	}
	handle.stopped = (async () => {
		killGroup(child.pid, 'SIGTERM');
		const deadline = Date.now() + 5000;
		// The leader can exit before its children: wait for the whole group, not only the pid.
		while (groupAlive(child.pid) && Date.now() < deadline) {
			await delay(100);
		}
		if (groupAlive(child.pid)) {
			killGroup(child.pid, 'SIGKILL');
			await withTimeout(exitPromise, 5000, 'server exit after SIGKILL').catch(() => undefined);
		}
		liveGroups.delete(child.pid);
		if (!keepState) {
			fs.rmSync(handle.stateDir, { recursive: true, force: true, maxRetries: 3 });
		}
	})();
	return handle.stopped;
}

function readText(file) {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

function tail(text, lines = 20) {
	return text.trim().split('\n').slice(-lines).join('\n');
}

/** A `vscode-remote://` URI for an absolute path on the server's machine. */
function remoteUri(server, absolutePath) {
	const encoded = path.resolve(absolutePath).split('/').map(encodeURIComponent).join('/');
	return `vscode-remote://127.0.0.1:${server.port}${encoded}`;
}

/**
 * The workbench URL for `folder`, with the development-extension and test entries that the
 * workbench reads from its `payload` query parameter (the web equivalents of the desktop flags
 * `--extensionDevelopmentPath`, `--extensionTestsPath` and a file argument).
 */
function workbenchUrl(server, { folder, workspace, extensionDevelopmentPath, extensionTestsPath, openFile, skipWelcome = true } = {}) {
	const payload = [];
	for (const dev of [extensionDevelopmentPath].flat().filter(Boolean)) {
		payload.push(['extensionDevelopmentPath', remoteUri(server, dev)]);
	}
	if (extensionTestsPath) {
		payload.push(['extensionTestsPath', remoteUri(server, extensionTestsPath)]);
	}
	if (openFile) {
		payload.push(['openFile', remoteUri(server, openFile)]);
	}
	if (skipWelcome) {
		payload.push(['skipWelcome', 'true']);
	}
	const query = [];
	if (folder) {
		query.push(`folder=${encodeURIComponent(path.resolve(folder))}`);
	} else if (workspace) {
		// A multi-root workspace: its .code-workspace file.
		query.push(`workspace=${encodeURIComponent(path.resolve(workspace))}`);
	}
	if (payload.length > 0) {
		query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
	}
	return `${server.origin}/${query.length ? '?' + query.join('&') : ''}`;
}

/**
 * Installs a .vsix into `extensionsDir` with the server's own CLI, the path a user's
 * `code --install-extension` takes. Returns the CLI's output.
 */
function installExtension({ codeServerDir, vsix, extensionsDir, stateDir, timeoutMs = 120_000 }) {
	const scratch = stateDir || makeStateDir('sl-install-');
	const result = childProcess.spawnSync(process.execPath, [
		serverMain(codeServerDir),
		'--accept-server-license-terms',
		'--server-data-dir', path.join(scratch, 'server'),
		'--user-data-dir', path.join(scratch, 'user'),
		'--extensions-dir', extensionsDir,
		'--install-extension', path.resolve(vsix),
		'--force',
	], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		env: serverEnv(scratch),
		timeout: timeoutMs,
		killSignal: 'SIGKILL',
	});
	if (!stateDir) {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
	const output = `${result.stdout}${result.stderr}`;
	if (result.status !== 0) {
		throw new Error(`--install-extension ${vsix} failed (${result.status ?? result.signal}): ${output}`);
	}
	return output;
}

function chromiumPath() {
	return process.env.SEQUENCE_LENS_CHROMIUM || '/usr/bin/chromium';
}

/** Headless Chromium with a fresh profile in `userDataDir`; returns Playwright's context. */
async function launchBrowser({ userDataDir, viewport = { width: 1400, height: 900 }, timeoutMs = 60_000 } = {}) {
	const { chromium } = require('playwright-core');
	return chromium.launchPersistentContext(userDataDir, {
		executablePath: chromiumPath(),
		headless: true,
		args: chromiumArgs,
		viewport,
		timeout: timeoutMs,
	});
}

/**
 * Turns a page console message into text. The extension host forwards its console as
 * `('%c INFO', 'color: #33f', format, ...args)`: the first two arguments only style the prefix.
 * Returns `{ fromExtensionHost, text }`.
 */
async function formatConsoleMessage(message) {
	let args;
	try {
		args = await Promise.all(message.args().map((handle) => handle.jsonValue().catch(() => undefined)));
	} catch {
		args = [];
	}
	if (args.length >= 2 && typeof args[0] === 'string' && /^%c\s*\w*\s*$/.test(args[0]) && typeof args[1] === 'string') {
		return { fromExtensionHost: true, level: args[0].replace('%c', '').trim(), text: util.format(...args.slice(2)) };
	}
	return { fromExtensionHost: false, level: message.type(), text: message.text() };
}

/** Log lines the workbench itself writes while it starts; not the extension's output. */
const workbenchChatter = [
	/^Ignoring fetching additional builtin extensions/,
	/^Updating additional builtin extensions cache/,
	/^(Resolving|Resolved) connection token/,
	/^Creating a socket/,
	/^\[Service Worker\]/,
	/^ChatSessionStore:/,
	/^Creation of workbench contribution/,
	/^Started local extension host/,
	/^Extension host \(\w+\) is unresponsive/,
];

function isWorkbenchChatter(text) {
	return workbenchChatter.some((pattern) => pattern.test(text));
}

module.exports = {
	chromiumArgs,
	chromiumPath,
	codeServerCacheDir,
	codeServerVersion,
	ensureCodeServer,
	findFreePort,
	formatConsoleMessage,
	hostConsoleTag,
	installExtension,
	installedCodeServerDir,
	isWorkbenchChatter,
	killGroup,
	launchBrowser,
	makeStateDir,
	remoteUri,
	repoRoot,
	startServer,
	withTimeout,
	workbenchUrl,
};
