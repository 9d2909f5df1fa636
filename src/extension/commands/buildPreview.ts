/**
 * Read-only documents that show what a vocabulary build kept and cut. A content provider
 * rather than an untitled document: nothing to save, no "Save changes?" when it is closed.
 */

import * as vscode from 'vscode';

export const buildPreviewScheme = 'sequence-lens-build';

/** Older previews are forgotten; their tabs then show an empty document. */
const keptPreviews = 5;

export class BuildPreviewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
	private readonly contents = new Map<string, string>();
	private counter = 0;
	private readonly registration = vscode.workspace.registerTextDocumentContentProvider(buildPreviewScheme, this);

	provideTextDocumentContent(uri: vscode.Uri): string {
		return this.contents.get(uri.toString()) ?? '';
	}

	/** Stores `text` under a new URI and returns it; open it with showTextDocument. */
	show(text: string): vscode.Uri {
		const uri = vscode.Uri.from({ scheme: buildPreviewScheme, path: `/${vscode.l10n.t('vocabulary-build-{0}.txt', ++this.counter)}` });
		this.contents.set(uri.toString(), text);
		while (this.contents.size > keptPreviews) {
			const oldest = this.contents.keys().next().value as string;
			this.contents.delete(oldest);
		}
		return uri;
	}

	dispose(): void {
		this.registration.dispose();
		this.contents.clear();
	}
}
