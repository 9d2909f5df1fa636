/** The webview's only channel to the host: typed so nothing off-contract can be posted. */

import { parsePanelState, type FromWebview, type PanelState } from '../shared/protocol';

interface VsCodeApi {
	postMessage(message: FromWebview): void;
	getState(): unknown;
	setState(state: PanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface Host {
	post(message: FromWebview): void;
	/** The state saved before a hide/show or a window reload, when it is well formed. */
	getState(): PanelState | undefined;
	setState(state: PanelState): void;
}

export function connectHost(): Host {
	const api = acquireVsCodeApi();
	return {
		post: (message) => api.postMessage(message),
		getState: () => parsePanelState(api.getState()),
		setState: (state) => api.setState(state),
	};
}
