/** Splitting long text into pieces the tagger can label one at a time without a long stall. */

export interface TextChunk {
	start: number;
	end: number;
}

const sentenceEnd = /[.!?…]["'”’)\]]*\s+/gu;

/**
 * Cuts `text` into consecutive chunks of at most `maxChars` UTF-16 code units that together
 * cover it. A cut goes after the last line break in the window, else after the last sentence
 * end, else at the last space, and only as a last resort mid-word (never inside a surrogate
 * pair), so the tagger rarely sees half a sentence.
 */
export function splitChunks(text: string, maxChars: number): TextChunk[] {
	if (!(maxChars >= 2)) throw new RangeError(`splitChunks: maxChars must be at least 2, got ${maxChars}.`);
	const chunks: TextChunk[] = [];
	let pos = 0;
	while (pos < text.length) {
		if (text.length - pos <= maxChars) {
			chunks.push({ start: pos, end: text.length });
			break;
		}
		const limit = pos + maxChars;
		let cut = text.lastIndexOf('\n', limit - 1) + 1;
		if (cut <= pos) {
			cut = -1;
			sentenceEnd.lastIndex = pos;
			let match: RegExpExecArray | null;
			while ((match = sentenceEnd.exec(text)) !== null && match.index + match[0].length <= limit) {
				cut = match.index + match[0].length;
			}
		}
		if (cut <= pos) {
			const window = text.slice(pos, limit);
			const space = window.search(/\s\S*$/u);
			cut = space > 0 ? pos + space + 1 : -1;
		}
		if (cut <= pos) {
			cut = limit;
			const code = text.charCodeAt(cut - 1);
			if (code >= 0xd800 && code <= 0xdbff) cut--;
		}
		chunks.push({ start: pos, end: cut });
		pos = cut;
	}
	return chunks;
}
