/**
 * The ASCII side of a vocabulary's lookup: a hash table keyed by char codes, so a token is found
 * without building its string. The hash is FNV-1a over the codes with A–Z folded to a–z, which
 * lets a scanner compute it while it reads the token (scanLookup.ts).
 */

/** What `AsciiTable.find` returns for a token with a non-ASCII character. */
export const notAscii = -2;

/**
 * Open-addressing hash table of the vocabulary's ASCII entries, keyed by their char codes with
 * A–Z folded to a–z, so both case-sensitive and lowercased lookups probe it without building a
 * string. Entries live in one byte pool; each slot keeps the entry's position and full hash.
 */
export class AsciiTable {
	private readonly pool: Uint8Array;
	/**
	 * Four int32 per slot, together so one probe touches one cache line: the finished hash,
	 * the entry's position + 1 (0 marks an empty slot), its start in the pool, its length.
	 */
	private readonly slots: Int32Array;
	private readonly mask: number;

	/** The first entry that repeats an earlier ASCII entry, as [earlier position, its position]. */
	readonly duplicate: readonly [number, number] | undefined;

	/**
	 * Indexes the ASCII entries; the positions of the others are pushed, in order, to
	 * `notAsciiPositions` when given (the caller indexes those).
	 */
	constructor(entries: readonly string[], notAsciiPositions: number[] = []) {
		let count = 0;
		let chars = 0;
		for (let p = 0; p < entries.length; p++) {
			const entry = entries[p];
			if (isAscii(entry)) {
				count++;
				chars += entry.length;
			} else {
				notAsciiPositions.push(p);
			}
		}
		let capacity = 16;
		while (capacity < count * 2) {
			capacity *= 2;
		}
		const mask = capacity - 1;
		const slots = new Int32Array(capacity * 4);
		const pool = new Uint8Array(chars);
		let duplicate: [number, number] | undefined;
		let at = 0;
		entries: for (let p = 0; p < entries.length; p++) {
			const entry = entries[p];
			const length = entry.length;
			let h = hashSeed;
			let k = 0;
			for (; k < length; k++) {
				const c = entry.charCodeAt(k);
				if (c >= 0x80) {
					continue entries;
				}
				pool[at + k] = c;
				h = Math.imul(h ^ asciiFold[c], hashPrime);
			}
			h = finishHash(h);
			let slot = h & mask;
			for (; slots[slot * 4 + 1] !== 0; slot = (slot + 1) & mask) {
				if (slots[slot * 4] === h && slots[slot * 4 + 3] === length && samePoolRun(pool, slots[slot * 4 + 2], at, length)) {
					// The same token again: keep the first, and remember the first repeat.
					duplicate ??= [slots[slot * 4 + 1] - 1, p];
					continue entries;
				}
			}
			slots[slot * 4] = h;
			slots[slot * 4 + 1] = p + 1;
			slots[slot * 4 + 2] = at;
			slots[slot * 4 + 3] = length;
			at += length;
		}
		this.mask = mask;
		this.slots = slots;
		this.pool = pool;
		this.duplicate = duplicate;
	}

	/** Position of the ASCII token, -1 when absent, `notAscii` when the token has other characters. */
	find(text: string, start: number, end: number, lowercase: boolean): number {
		let h = hashSeed;
		for (let i = start; i < end; i++) {
			const c = text.charCodeAt(i);
			if (c >= 0x80) {
				return notAscii;
			}
			h = Math.imul(h ^ asciiFold[c], hashPrime);
		}
		return this.findHashed(text, start, end, finishHash(h), lowercase);
	}

	/** Position of the ASCII token whose finished hash is `h`, or -1; scanLookup.ts hashes while it scans and calls this. */
	findHashed(text: string, start: number, end: number, h: number, lowercase: boolean): number {
		const length = end - start;
		const pool = this.pool;
		const slots = this.slots;
		const mask = this.mask;
		for (let slot = h & mask; ; slot = (slot + 1) & mask) {
			const base = slot * 4;
			const position = slots[base + 1];
			if (position === 0) {
				return -1;
			}
			if (slots[base] !== h || slots[base + 3] !== length) {
				continue;
			}
			const at = slots[base + 2] - start;
			let i = start;
			if (lowercase) {
				while (i < end && pool[at + i] === asciiFold[text.charCodeAt(i)]) {
					i++;
				}
			} else {
				while (i < end && pool[at + i] === text.charCodeAt(i)) {
					i++;
				}
			}
			if (i === end) {
				return position - 1;
			}
		}
	}
}

// FNV-1a over char codes with A–Z folded to a–z; the table compares the characters after a hash
// match, so the hash only has to spread well.
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

function samePoolRun(pool: Uint8Array, a: number, b: number, length: number): boolean {
	for (let k = 0; k < length; k++) {
		if (pool[a + k] !== pool[b + k]) {
			return false;
		}
	}
	return true;
}

export function isAscii(s: string): boolean {
	for (let i = 0; i < s.length; i++) {
		if (s.charCodeAt(i) >= 0x80) {
			return false;
		}
	}
	return true;
}
