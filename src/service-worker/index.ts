/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Plaza's service worker. It precaches the whole build plus the app shell ('/'), and answers
 * every navigation (except the hub's /api/) with that shell, so the app and its deep links
 * open offline. A new version installs and then WAITS: only the page may tell it to take over
 * (a SKIP_WAITING message after the person tapped "Reload"), because a tab that loses its old
 * lazily loaded chunks mid-workshop breaks (DESIGN: "The app shell").
 */
import { build, files, version } from '$service-worker';
import {
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	precacheAndRoute
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;

const shell = '/';

// Hashed build files need no revision; everything else changes with the app version.
const manifest = [
	...build.map((url) => ({ url, revision: url.includes('/immutable/') ? null : version })),
	...files.map((url) => ({ url, revision: version })),
	{ url: shell, revision: version }
];

precacheAndRoute(manifest);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL(shell), { denylist: [/^\/api\//] }));

self.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Taking control of uncontrolled pages on first install is safe: they run this version.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
