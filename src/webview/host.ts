/** The webview's only channel to the host: typed so nothing off-contract can be posted. */

import type { FromWebview } from '../shared/protocol';

/** What the webview keeps across hide/show (`setState` survives the iframe being torn down). */
export interface PersistedState {
	analysisId: number;
	example: number;
	scrollTop: number;
	selectedRow: number;
}

interface VsCodeApi {
	postMessage(message: FromWebview): void;
	getState(): PersistedState | undefined;
	setState(state: PersistedState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface Host {
	post(message: FromWebview): void;
	getState(): PersistedState | undefined;
	setState(state: PersistedState): void;
}

export function connectHost(): Host {
	const api = acquireVsCodeApi();
	return {
		post: (message) => api.postMessage(message),
		getState: () => api.getState(),
		setState: (state) => api.setState(state),
	};
}
