/** The sync engine as the UI sees it. */
export { syncEngine, SyncEngine } from './engine';
export { syncStatus } from './status.svelte';
export type { SyncStatusView } from './status.svelte';
export { api, request } from './api';
export {
	lookUpJoinCode,
	joinSpace,
	normaliseJoinCode,
	refreshSpaceInfo,
	reportRecord,
	downloadMyData,
	eraseMyData
} from './participant';
export type { MyHubData } from './participant';
export { hubConfig, fetchHubConfig } from './config';
