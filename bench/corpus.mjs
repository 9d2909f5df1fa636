// Benchmark texts: a deterministic English corpus sampled from real word frequencies, and
// whatever real English prose the machine already has (licence texts, fortune files, package
// READMEs). Nothing is downloaded and no third-party text is stored in the repository.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: a small seeded PRNG, so every run and every machine gets the same corpus. */
export function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Samples indices 0…n−1 with Zipf weights 1/(r + 1), the shape of word frequencies. */
function zipfSampler(n, random) {
	const cumulative = new Float64Array(n);
	let total = 0;
	for (let r = 0; r < n; r++) {
		total += 1 / (r + 1);
		cumulative[r] = total;
	}
	return () => {
		const u = random() * total;
		let lo = 0;
		let hi = n - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (cumulative[mid] < u) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
}

const capitalize = (w) => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * A deterministic English-like text of at least `minChars` UTF-16 units. Words follow Zipf's
 * law over `wordsByFrequency` (the default vocabulary's own ranks); a share `rareShare` comes
 * from `rareWords` (real words ranked below the vocabulary), so the corpus has an honest
 * out-of-vocabulary rate. Sentences are capitalised, "I" is upper case, some words are names
 * (title case) or acronyms (upper case), with commas, semicolons, quotes, parentheses, numbers,
 * hyphenated compounds, a share of paragraphs typeset with ’ and “ ”, lines wrapped at 72
 * columns and blank lines between paragraphs.
 */
export function generateCorpus({ wordsByFrequency, rareWords, minChars, seed = 0x5eed, rareShare = 0.04 }) {
	const random = prng(seed);
	const common = zipfSampler(wordsByFrequency.length, random);
	const rare = zipfSampler(rareWords.length, random);
	const word = () => (random() < rareShare ? rareWords[rare()] : wordsByFrequency[common()]);
	const paragraphs = [];
	let size = 0;
	while (size < minChars) {
		const typographic = random() < 0.15;
		const sentences = [];
		const sentenceCount = 2 + Math.floor(random() * 6);
		for (let s = 0; s < sentenceCount; s++) {
			const length = 4 + Math.floor(random() * 22);
			const parts = [];
			for (let k = 0; k < length; k++) {
				let w = word();
				const roll = random();
				if (roll < 0.01) {
					w = String(Math.floor(random() * (random() < 0.5 ? 100 : 3000)));
				} else if (roll < 0.015) {
					w = `${w}-${word()}`;
				}
				if (w === 'i' || w.startsWith("i'")) w = capitalize(w);
				else if (k === 0) w = capitalize(w);
				else if (roll > 0.97) w = capitalize(w);
				else if (roll > 0.968) w = w.toUpperCase();
				if (typographic) w = w.replaceAll("'", '\u2019');
				const p = random();
				if (k < length - 1) {
					if (p < 0.07) w += ',';
					else if (p < 0.075) w += ';';
					else if (p < 0.078) w += ':';
					else if (p < 0.08) w += ' —';
				}
				parts.push(w);
			}
			if (random() < 0.03) {
				const at = Math.floor(random() * parts.length);
				parts[at] = `(${parts[at]}`;
				parts[parts.length - 1] += ')';
			}
			const end = random();
			let sentence = parts.join(' ') + (end < 0.85 ? '.' : end < 0.95 ? '?' : '!');
			if (random() < 0.12) sentence = typographic ? `\u201c${sentence}\u201d` : `"${sentence}"`;
			sentences.push(sentence);
		}
		const paragraph = wrap(sentences.join(' '), 72);
		paragraphs.push(paragraph);
		size += paragraph.length + 2;
	}
	return paragraphs.join('\n\n') + '\n';
}

function wrap(text, width) {
	const out = [];
	let line = '';
	for (const w of text.split(' ')) {
		if (line && line.length + 1 + w.length > width) {
			out.push(line);
			line = w;
		} else {
			line = line ? `${line} ${w}` : w;
		}
	}
	if (line) out.push(line);
	return out.join('\n');
}

function filesUnder(dir, accept, limit = 5000) {
	const found = [];
	const walk = (d, depth) => {
		if (found.length >= limit || depth > 6) return;
		let names;
		try {
			names = readdirSync(d, { withFileTypes: true });
		} catch {
			return;
		}
		for (const entry of names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
			const full = path.join(d, entry.name);
			if (entry.isDirectory()) walk(full, depth + 1);
			else if (entry.isFile() && accept(entry.name, full)) found.push(full);
		}
	};
	if (existsSync(dir)) walk(dir, 0);
	return found;
}

function readText(file) {
	try {
		const buffer = readFileSync(file);
		if (buffer.includes(0)) return '';
		return buffer.toString('utf8');
	} catch {
		return '';
	}
}

// Fortune files of people's sayings and literature; the computing, definitions and art files
// are left out as being mostly jargon or drawings rather than prose.
const fortuneFiles = ['fortunes', 'literature', 'people', 'wisdom', 'humorists', 'love', 'men-women', 'education', 'work', 'family', 'politics', 'food', 'pets', 'science', 'songs-poems', 'miscellaneous', 'platitudes', 'kids', 'law', 'medicine', 'news', 'sports', 'pratchett', 'riddles'];

/**
 * Real English prose found on this machine, by source. Each source is text written by people
 * for people: licence texts (legal prose), fortune-cookie quotations (Debian's `fortunes`
 * package, when installed) and package READMEs (technical prose; code blocks removed).
 */
export function localProse(root) {
	const sources = [];
	// Several names link to the same licence (GPL → GPL-3); read each file once.
	const licences = [...new Set(filesUnder('/usr/share/common-licenses', () => true).map((f) => realpathSync(f)))];
	sources.push({ name: 'Debian licence texts (common-licenses)', files: licences, text: licences.map(readText).join('\n\n') });
	const fortuneDir = '/usr/share/games/fortunes';
	const fortunes = fortuneFiles.map((n) => path.join(fortuneDir, n)).filter((f) => existsSync(f));
	if (fortunes.length) {
		// The files separate quotations with lines holding only "%".
		const text = fortunes.map(readText).join('\n').replace(/^%$/gm, '');
		sources.push({ name: 'fortune quotations (Debian fortunes)', files: fortunes, text });
	}
	const readmes = filesUnder(path.join(root, 'node_modules'), (name) => /^readme\.md$/i.test(name), 2000);
	const stripped = readmes
		.map(readText)
		.map((t) =>
			t
				.replace(/```[\s\S]*?```/g, '')
				.replace(/`[^`\n]*`/g, '')
				.replace(/<[^>\n]*>/g, '')
				.replace(/\]\([^)\n]*\)/g, ']')
				.replace(/https?:\/\/\S+/g, ''),
		);
	sources.push({ name: 'npm package READMEs (code removed)', files: readmes, text: stripped.join('\n\n') });
	return sources.filter((s) => s.text.length > 0);
}
