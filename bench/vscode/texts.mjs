// Deterministic benchmark texts: the same bytes on every run, so runs compare.
import * as fs from 'node:fs';
import * as path from 'node:path';

// Mostly words of the default vocabulary, plus a few that are not (they become <UNK>).
const words = [
	'the', 'of', 'and', 'to', 'in', 'was', 'he', 'that', 'it', 'his', 'with', 'as', 'for', 'had', 'you',
	'not', 'be', 'her', 'on', 'at', 'by', 'which', 'have', 'or', 'from', 'this', 'him', 'but', 'all',
	'she', 'they', 'were', 'my', 'are', 'me', 'one', 'their', 'so', 'an', 'said', 'them', 'we', 'who',
	'would', 'been', 'will', 'no', 'when', 'there', 'if', 'more', 'out', 'up', 'into', 'do', 'any',
	'Holmes', 'Watson', 'London', 'street', 'window', 'morning', 'letter', 'detective', 'quietly',
	'221B', 'zqxv', 'Baskerville', 'hansom', 'gasogene',
];

/** A pseudo-random word stream from a fixed seed (a linear congruential generator). */
function* wordStream(seed = 12345) {
	let state = seed;
	while (true) {
		state = (state * 1103515245 + 12345) % 2147483648;
		yield words[state % words.length];
	}
}

/** `count` words, `perLine` to a line. */
export function wordsText(count, perLine) {
	const stream = wordStream();
	const lines = [];
	for (let i = 0; i < count; i += perLine) {
		const line = [];
		for (let j = i; j < Math.min(count, i + perLine); j++) {
			line.push(stream.next().value);
		}
		lines.push(line.join(' '));
	}
	return lines.join('\n') + '\n';
}

/** About `bytes` bytes of prose-like lines of about 80 characters. */
export function sizedText(bytes) {
	const stream = wordStream(777);
	const lines = [];
	let size = 0;
	while (size < bytes) {
		let line = '';
		while (line.length < 72) {
			line += (line ? ' ' : '') + stream.next().value;
		}
		line += '.';
		lines.push(line);
		size += Buffer.byteLength(line) + 1;
	}
	return lines.join('\n') + '\n';
}

/** Writes the benchmark files into `folder`; returns their names and sizes. */
export function writeTexts(folder) {
	const files = {
		'words1k.txt': wordsText(1000, 10),
		'big1mb.txt': sizedText(1024 * 1024),
		'tokens100k.txt': wordsText(100_000, 10),
	};
	const out = {};
	for (const [name, text] of Object.entries(files)) {
		fs.writeFileSync(path.join(folder, name), text);
		out[name] = Buffer.byteLength(text);
	}
	return out;
}
