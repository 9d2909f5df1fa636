import * as vscode from 'vscode';
import { TokenizerError } from '../../core/tokenize';

/** The document was edited (or closed) while its pattern ran in the worker: the result is stale. */
export class DocumentChangedError extends TokenizerError {
	constructor() {
		super(vscode.l10n.t('the document changed while the tokenizer pattern ran; run the command again.'));
	}
}
