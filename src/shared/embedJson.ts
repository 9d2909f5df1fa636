/**
 * JSON that can sit inside an HTML `<script type="application/json">` element: no `<` survives,
 * so document text such as `</script>` or `<!--` cannot end the element or start markup. The
 * escapes are JSON's own, so `JSON.parse` of the element's text gives back the same value.
 */
export function embedJson(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
