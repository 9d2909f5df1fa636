// Writes l10n/bundle.l10n.json: every string the extension passes to `vscode.l10n.t`, found with
// the TypeScript parser (the role of `@vscode/l10n-dev export`, which is not a dependency here).
// Translators copy the file to bundle.l10n.<locale>.json and translate the values.
//
//   node scripts/export-l10n.mjs          # write the bundle
//   node scripts/export-l10n.mjs --check  # exit 1 when the committed bundle is out of date
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceRoot = path.join(repoRoot, 'src', 'extension');
const bundlePath = path.join(repoRoot, 'l10n', 'bundle.l10n.json');

function sourceFiles(dir) {
	return fs
		.readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.ts'))
		.map((f) => path.join(dir, f))
		.sort();
}

/** `l10n.t('…')` or `vscode.l10n.t('…')` with a literal first argument. */
function isL10nCall(node) {
	if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) {
		return false;
	}
	const callee = node.expression;
	if (callee.name.text !== 't') {
		return false;
	}
	const target = callee.expression;
	return (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n');
}

const strings = new Map();
const problems = [];
for (const file of sourceFiles(sourceRoot)) {
	const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
	const visit = (node) => {
		if (isL10nCall(node)) {
			const first = node.arguments[0];
			if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
				strings.set(first.text, first.text);
			} else {
				const { line } = source.getLineAndCharacterOfPosition(node.getStart());
				problems.push(`${path.relative(repoRoot, file)}:${line + 1}: l10n.t needs a string literal as its message`);
			}
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
}

if (problems.length > 0) {
	console.error(problems.join('\n'));
	process.exit(1);
}
const bundle = Object.fromEntries([...strings.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const text = JSON.stringify(bundle, null, '\t') + '\n';
if (process.argv.includes('--check')) {
	const current = fs.existsSync(bundlePath) ? fs.readFileSync(bundlePath, 'utf8') : '';
	if (current !== text) {
		console.error(`${path.relative(repoRoot, bundlePath)} is out of date: run node scripts/export-l10n.mjs`);
		process.exit(1);
	}
	console.log(`${path.relative(repoRoot, bundlePath)}: ${strings.size} strings, up to date`);
} else {
	fs.mkdirSync(path.dirname(bundlePath), { recursive: true });
	fs.writeFileSync(bundlePath, text);
	console.log(`wrote ${path.relative(repoRoot, bundlePath)}: ${strings.size} strings`);
}
