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
