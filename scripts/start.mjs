// `npm start`: installs what is missing, builds, and opens the extension in a real VS Code.
//   - the desktop `code` CLI when there is one: `code --extensionDevelopmentPath=<repo> <sample>`;
//   - otherwise the VS Code server of the code-server package on 127.0.0.1 (port 8080 when
//     free), with the extension loaded from this folder as a development extension and the
//     sample file reference.txt open. Ctrl+C (or SIGTERM) stops the server's whole process group.
// SEQUENCE_LENS_VSCODE=server|desktop forces one of the two; PORT picks the preferred port.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const vscodeServer = require('./vscodeServer.cjs');

function step(label, command, args, timeoutMs) {
	console.log(`start: ${label}`);
	const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], timeout: timeoutMs, killSignal: 'SIGKILL' });
	if (result.status !== 0) {
		console.error(`start: ${label} failed (${result.error?.message ?? result.signal ?? `exit code ${result.status}`})`);
		process.exit(1);
	}
}

/** The folder VS Code opens: a copy of the test fixture, kept between runs (git-ignored). */
function sampleWorkspace() {
	const folder = path.join(root, '.tmp', 'sample-workspace');
	if (!fs.existsSync(path.join(folder, 'reference.txt'))) {
		fs.mkdirSync(folder, { recursive: true });
		fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
	}
	return folder;
}

function desktopCode() {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
		const candidate = path.join(dir, 'code');
		try {
			fs.accessSync(candidate, fs.constants.X_OK);
			if (fs.statSync(candidate).isFile()) {
				return candidate;
			}
		} catch {
			// Not in this folder.
		}
	}
	return undefined;
}

async function startServer(folder) {
	const server = await vscodeServer.startServer({ port: Number(process.env.PORT) || 8080 });
	let stopping = false;
	const stop = async (why) => {
		if (stopping) {
			return;
		}
		stopping = true;
		console.log(`\nstart: ${why}: stopping VS Code (process group ${server.pid})`);
		await server.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));
	process.on('SIGHUP', () => void stop('SIGHUP'));
	const url = vscodeServer.workbenchUrl(server, {
		folder,
		extensionDevelopmentPath: root,
		openFile: path.join(folder, 'reference.txt'),
	});
	console.log('');
	console.log('Sequence Lens is running in VS Code (the VS Code server of code-server). Open:');
	console.log('');
	console.log(`  ${url}`);
	console.log('');
	console.log('Select the sentence, then F1 → "Sequence Lens: Tokenize Selection".');
	console.log(`From another machine: ssh -L ${server.port}:127.0.0.1:${server.port} <this host>, then open the same URL.`);
	console.log('Press Ctrl+C to stop.');
	const exit = await server.exited;
	if (!stopping) {
		console.error(`start: the VS Code server exited on its own (${exit.code ?? exit.signal}); its log:\n${server.output()}`);
		await server.stop();
		process.exit(1);
	}
}

async function main() {
	step('installing what is missing (scripts/setup.sh --quick)', 'bash', ['scripts/setup.sh', '--quick'], 25 * 60_000);
	step('building (node esbuild.mjs)', process.execPath, ['esbuild.mjs'], 3 * 60_000);
	const folder = sampleWorkspace();
	const mode = process.env.SEQUENCE_LENS_VSCODE;
	const code = mode === 'server' ? undefined : desktopCode();
	if (code) {
		console.log(`start: opening ${folder} in desktop VS Code (${code})`);
		const result = spawnSync(code, [`--extensionDevelopmentPath=${root}`, folder, path.join(folder, 'reference.txt')], {
			stdio: 'inherit',
			timeout: 60_000,
		});
		process.exit(result.status ?? 1);
	}
	if (mode === 'desktop') {
		console.error('start: SEQUENCE_LENS_VSCODE=desktop but there is no `code` command on PATH');
		process.exit(1);
	}
	await startServer(folder);
}

main().catch((error) => {
	console.error(`start: ${error.message}`);
	process.exit(1);
});
