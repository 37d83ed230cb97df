import { i18n } from '$lib/i18n/index.svelte';
import type { LayoutLoad } from './$types';

// Plaza's pages render in the browser only: they read IndexedDB, and the service worker
// serves one precached shell for every route. API routes are unaffected.
export const ssr = false;

export const load: LayoutLoad = async () => {
	await i18n.init();
	return {};
};
