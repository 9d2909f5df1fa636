// Export… in the label formats (JSONL spans, Hugging Face token classification) in a real
// VS Code, read back as JSON; and the refusal when there are no labels to write.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DocumentAnalysisResult } from '../../../src/shared/api';
import { closeAllEditors, commands, getAnalysis, openText, selectAll, tokenize, updateSetting, waitFor } from './helpers';

interface Exported {
	uri?: string;
	format: string;
	bytes?: number;
	error?: string;
}

function labelled(uri: vscode.Uri): Promise<DocumentAnalysisResult> {
	return waitFor(
		async () => {
			const result = await getAnalysis(uri);
			return result && result.examples.every((x) => x.tokens.every((token) => token.tag !== undefined)) ? result : undefined;
		},
		'labels',
		60_000,
	);
}

describe('Export… of labels', function () {
	this.timeout(90_000);
	let dir: string;
	before(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-export-labels-'));
	});
	afterEach(closeAllEditors);
	after(async () => {
		await updateSetting('labels.enabled', undefined);
		fs.rmSync(dir, { recursive: true, force: true });
	});

	const exportTo = (name: string, format: string) =>
		vscode.commands.executeCommand<Exported | undefined>('sequenceLens.export', vscode.Uri.file(path.join(dir, name)), format);

	it('writes JSONL spans with code-point offsets and the HF layout with conll2003 label ids', async () => {
		const returned = await vscode.commands.executeCommand<DocumentAnalysisResult>(commands.openReferenceExample);
		const result = await labelled(vscode.Uri.parse(returned.uri));
		const tags = result.examples[0].tokens.map((t) => t.tag);

		const spans = await exportTo('reference.jsonl', 'jsonl-spans');
		assert.equal(spans?.format, 'jsonl-spans');
		const lines = fs.readFileSync(path.join(dir, 'reference.jsonl'), 'utf8').split('\n');
		assert.equal(lines.pop(), '', 'the file ends with a line break');
		assert.equal(lines.length, 1);
		const record = JSON.parse(lines[0]) as { text: string; label: [number, number, string][] };
		const codePoints = Array.from(record.text);
		const mentions = record.label.map(([start, end, type]) => `${codePoints.slice(start, end).join('')}/${type}`);
		assert.ok(mentions.includes('Sherlock Holmes/PER'), mentions.join(', '));
		assert.ok(mentions.includes('John Watson/PER'), mentions.join(', '));
		assert.ok(mentions.includes('London/LOC'), mentions.join(', '));

		const hf = await exportTo('reference_ner.jsonl', 'hf-token-classification');
		assert.equal(hf?.format, 'hf-token-classification');
		const row = JSON.parse(fs.readFileSync(path.join(dir, 'reference_ner.jsonl'), 'utf8').trim()) as { tokens: string[]; ner_tags: number[]; label_names: string[] };
		assert.deepEqual(row.tokens, result.examples[0].tokens.map((t) => t.text));
		assert.deepEqual(
			row.ner_tags.map((id) => row.label_names[id]),
			tags,
		);
	});

	it('code-point offsets stay right after characters outside the BMP', async () => {
		const editor = await openText('😀😀 Sherlock Holmes lives in London.');
		selectAll(editor);
		const returned = await tokenize();
		assert.ok(returned);
		await labelled(editor.document.uri);
		await exportTo('emoji.jsonl', 'jsonl-spans');
		const record = JSON.parse(fs.readFileSync(path.join(dir, 'emoji.jsonl'), 'utf8')) as { text: string; label: [number, number, string][] };
		const codePoints = Array.from(record.text);
		for (const [start, end] of record.label) {
			const mention = codePoints.slice(start, end).join('');
			assert.ok(record.text.includes(mention) && /^[A-Z]/.test(mention), `span ${start}…${end} is a capitalised word: ${JSON.stringify(mention)}`);
		}
		assert.ok(record.label.length > 0);
	});

	it('refuses the label formats, saying why, when labelling is off', async () => {
		await updateSetting('labels.enabled', false);
		const editor = await openText('Sherlock Holmes lived in London.');
		selectAll(editor);
		await tokenize();
		const exported = await exportTo('off.jsonl', 'hf-token-classification');
		assert.match(exported?.error ?? '', /labelling is off/);
		assert.equal(fs.existsSync(path.join(dir, 'off.jsonl')), false);
	});
});
