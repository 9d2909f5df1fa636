/**
 * JSONL entity spans in the doccano / spaCy layout: one `{"text": …, "label": [[start, end, type]]}`
 * object per line. Those tools index Python strings, whose offsets count code points, while the
 * core counts UTF-16 code units, so offsets are converted here at the boundary.
 */

export interface JsonlSpanExample {
	text: string;
	/** Offsets in UTF-16 code units into `text`. */
	spans: readonly { start: number; end: number; type: string }[];
}

export interface JsonlSpanRecord {
	text: string;
	/** `[start, end, type]` with code-point offsets. */
	label: [number, number, string][];
}

/**
 * Code-point offset of each UTF-16 offset 0…text.length. An offset that falls between the two
 * halves of a surrogate pair maps to the code point it splits (which a span should never do).
 */
export function codePointOffsets(text: string): Int32Array {
	const out = new Int32Array(text.length + 1);
	let cp = 0;
	for (let i = 0; i < text.length; i++) {
		out[i] = cp;
		const c = text.charCodeAt(i);
		const isHigh = c >= 0xd800 && c <= 0xdbff;
		const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
		if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
			out[i + 1] = cp;
			i++;
		}
		cp++;
	}
	out[text.length] = cp;
	return out;
}

/** One example as a record with code-point offsets, spans in document order. */
export function toJsonlSpanRecord(example: JsonlSpanExample): JsonlSpanRecord {
	const map = codePointOffsets(example.text);
	const label = example.spans
		.filter((s) => s.end > s.start)
		.map((s): [number, number, string] => {
			if (s.start < 0 || s.end > example.text.length) {
				throw new RangeError(`toJsonlSpans: span ${s.start}…${s.end} lies outside a text of ${example.text.length} code units.`);
			}
			return [map[s.start], map[s.end], s.type];
		})
		.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	return { text: example.text, label };
}

/** One JSON object per line, each line ending with a line break. */
export function toJsonlSpans(examples: readonly JsonlSpanExample[]): string {
	return examples.map((ex) => JSON.stringify(toJsonlSpanRecord(ex)) + '\n').join('');
}
