/**
 * The hash shared by the `words` scanner and the vocabulary's ASCII table, so the scanner can
 * hash a token while it reads it and the lookup need not read the token twice. FNV-1a over
 * char codes with A–Z folded to a–z; the table compares the characters after a hash match, so
 * the hash only has to spread well.
 */

export const hashSeed = 0x811c9dc5 | 0;
export const hashPrime = 0x01000193;

/** ASCII code → the code with A–Z folded to a–z. */
export const asciiFold = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) {
	asciiFold[c] = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/** Spreads the FNV-1a state so the low bits used as the slot are well mixed. */
export function finishHash(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x45d9f3b);
	return h ^ (h >>> 16);
}
