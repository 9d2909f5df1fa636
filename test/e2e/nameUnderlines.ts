// Reads the name underline (the nameTokenForeground decoration) back from the real editor.
import type { Workbench } from './harness';

export interface Underlined {
	text: string;
	color: string;
}

/**
 * The words under a 2px bottom border only (the name decoration), in reading order, and the
 * theme's nameTokenForeground colour. Border decorations are drawn as overlay boxes behind the
 * text (`.view-overlays`), so each box is matched to the text span it lies under.
 */
export function underlinedNames(wb: Workbench): Promise<{ spans: Underlined[]; themeColor: string }> {
	return wb.page.locator('.part.editor').first().evaluate((editorPart) => {
		const probe = document.createElement('div');
		probe.style.color = 'var(--vscode-sequenceLens-nameTokenForeground)';
		// The theme variables live on the workbench element, not on body.
		editorPart.append(probe);
		const themeColor = getComputedStyle(probe).color;
		probe.remove();
		const words = Array.from(editorPart.querySelectorAll('.view-line span[class*="mtk"]'))
			.filter((span) => (span.textContent ?? '').trim() !== '')
			.map((span) => ({ text: span.textContent ?? '', rect: span.getBoundingClientRect() }));
		const boxes = Array.from(editorPart.querySelectorAll('.view-overlays div[class*="ced-"]'))
			.map((box) => ({ style: getComputedStyle(box), rect: box.getBoundingClientRect() }))
			.filter(({ style }) => style.borderBottomStyle === 'solid' && style.borderBottomWidth === '2px' && style.borderTopStyle === 'none')
			.sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
		const spans = boxes.map(({ style, rect }) => {
			const word = words.find((w) => {
				const middle = w.rect.left + w.rect.width / 2;
				return middle > rect.left && middle < rect.right && w.rect.top < rect.bottom && w.rect.bottom > rect.top;
			});
			return { text: word?.text ?? '?', color: style.borderBottomColor };
		});
		return { spans, themeColor };
	});
}
