/** The sync engine as the UI sees it. */
export { syncEngine, SyncEngine } from './engine';
export { syncStatus } from './status.svelte';
export type { SyncStatusView } from './status.svelte';
export { api, request } from './api';
