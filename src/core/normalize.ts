/** Lookup normalisation. Display always keeps the original token; only the lookup key changes. */

export type UnicodeForm = 'NFC' | 'NFKC' | 'none';

export interface NormalizeOptions {
	/** Lowercase before lookup (default true). */
	lowercase?: boolean;
	/** Unicode normal form applied before lookup (default NFC). */
	unicodeForm?: UnicodeForm;
	/** Remove combining accents (é → e) before lookup (default false). */
	stripAccents?: boolean;
}

const combiningMarks = /\p{M}+/gu;
const typographicApostrophe = /\u2019/g;

/** The form of `token` that is looked up in the vocabulary. */
export function normalizeToken(token: string, options: NormalizeOptions = {}): string {
	let out = token;
	const form = options.unicodeForm ?? 'NFC';
	if (options.stripAccents) {
		out = out.normalize(form === 'NFKC' ? 'NFKD' : 'NFD').replace(combiningMarks, '').normalize('NFC');
	} else if (form !== 'none') {
		out = out.normalize(form);
	}
	if (options.lowercase ?? true) {
		out = out.toLowerCase();
	}
	// Vocabularies spell contractions with the ASCII apostrophe; text often has the typographic one.
	return out.replace(typographicApostrophe, "'");
}
