/**
 * "Copy as code": the shown analysis as a NumPy or PyTorch snippet that rebuilds its index
 * array and one-hot tensor. Pure text, so a unit test runs the NumPy snippet in Python.
 */

import type { CodeFlavour } from '../../shared/protocol';

export interface SnippetInput {
	/** Indices of each example X^(i), in the analysis's convention. */
	examples: readonly ArrayLike<number>[];
	/** |V|. */
	V: number;
	/** Index of column 0. */
	base: number;
	/** Index written into padded time steps of a batch. */
	padIndex: number;
	conventionLabel: string;
	vocabulary: string;
}

function list(values: ArrayLike<number>, padTo: number, pad: number): string {
	const parts: string[] = [];
	for (let t = 0; t < padTo; t++) {
		parts.push(String(t < values.length ? values[t] : pad));
	}
	return `[${parts.join(', ')}]`;
}

/** A Python comment line: no newline in user-controlled text can end the comment early. */
function comment(text: string): string {
	return `# ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;
}

export function codeSnippet(flavour: CodeFlavour, input: SnippetInput): string {
	const m = input.examples.length;
	const maxT = input.examples.reduce((n, ex) => Math.max(n, ex.length), 0);
	const batch = m > 1;
	const data = batch
		? `[\n${input.examples.map((ex) => `    ${list(ex, maxT, input.padIndex)},`).join('\n')}\n]`
		: list(input.examples[0] ?? [], input.examples[0]?.length ?? 0, input.padIndex);
	const shape = batch ? `(m, T_x, |V|) = (${m}, ${maxT}, ${input.V})` : `(T_x, |V|) = (${maxT}, ${input.V})`;
	const head = [
		comment(`Sequence Lens: ${batch ? `a batch of ${m} examples padded with index ${input.padIndex}` : `T_x = ${maxT}`}; ${input.conventionLabel} convention, vocabulary ${input.vocabulary}.`),
		comment(`One-hot column = index - ${input.base}.${batch ? ' Padded steps are rows of zeros unless the padding index is a vocabulary entry.' : ''}`),
	];
	const maskNeeded = batch && (input.padIndex < input.base || input.padIndex >= input.base + input.V);
	if (flavour === 'numpy') {
		return [
			...head,
			'import numpy as np',
			'',
			`x = np.array(${data}, dtype=np.int64)`,
			`V = ${input.V}`,
			...(maskNeeded
				? [
						`columns = x - ${input.base}`,
						'valid = (columns >= 0) & (columns < V)',
						`X = np.zeros(x.shape + (V,), dtype=np.uint8)`,
						'X[valid, columns[valid]] = 1',
					]
				: [`X = np.eye(V, dtype=np.uint8)[x - ${input.base}]`]),
			`${comment(`X.shape == ${shape}`)}`,
			'',
		].join('\n');
	}
	return [
		...head,
		'import torch',
		'import torch.nn.functional as F',
		'',
		`x = torch.tensor(${data}, dtype=torch.long)`,
		`V = ${input.V}`,
		...(maskNeeded
			? [`columns = x - ${input.base}`, 'valid = (columns >= 0) & (columns < V)', 'X = F.one_hot(columns.clamp(0, V - 1), num_classes=V) * valid.unsqueeze(-1)']
			: [`X = F.one_hot(x - ${input.base}, num_classes=V)`]),
		`${comment(`X.shape == ${shape}`)}`,
		'',
	].join('\n');
}
