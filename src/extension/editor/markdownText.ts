/**
 * Text that fills a placeholder of a localised Markdown sentence (a token, a file name): a
 * translator's sentence is one string, so user text cannot be appended with
 * MarkdownString.appendText and is escaped here the same way instead.
 */

/** `text` as Markdown that shows exactly that text and can never be a link, emphasis or HTML. */
export function markdownText(text: string): string {
	return (
		text
			// CommonMark lets a backslash escape any ASCII punctuation.
			.replace(/[\\`*_{}[\]()#+\-!~<>|&]/g, '\\$&')
			// Markdown collapses runs of spaces and reads line breaks as structure.
			.replace(/ {2,}|\t/g, (run) => '&nbsp;'.repeat(run.length))
			.replace(/\r\n|\r|\n/g, ' ')
	);
}

/**
 * `text` as a Markdown code span that shows exactly that text, whatever backticks it holds. Per
 * CommonMark the fence must be longer than every backtick run inside, a span may not start or
 * end with a backtick (so a space pads both sides then), and one space is stripped from each side
 * when both sides have one (so such text gets one more on each side).
 */
export function markdownCode(text: string): string {
	// Inside a code span a line ending is only a space, but a line starting with "#" or "-" would
	// still be read as block structure before the span is found.
	const flat = text.replace(/\r\n|\r|\n/g, ' ');
	if (flat === '') {
		// A code span cannot be empty; a single space is the nearest thing that still shows a box.
		return '` `';
	}
	let longest = 0;
	for (const run of flat.match(/`+/g) ?? []) {
		longest = Math.max(longest, run.length);
	}
	const fence = '`'.repeat(longest + 1);
	const stripped = flat.startsWith(' ') && flat.endsWith(' ') && /[^ ]/.test(flat);
	const pad = flat.startsWith('`') || flat.endsWith('`') || stripped ? ' ' : '';
	return `${fence}${pad}${flat}${pad}${fence}`;
}
