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
 *
 * Map tiles (issue 5): GET image requests whose path ends like a slippy-map tile,
 * `/{z}/{x}/{y}.png` (or .jpg, .jpeg, .webp, optionally `@2x`), from any origin. The tile server
 * is hub configuration that can change without a new service worker, so tiles are told by
 * the shape every XYZ tile server uses rather than by one template; fetches from the page (a
 * facilitator saving an area) are not images and pass by. A tile saved for offline use
 * (cache `plaza-tiles-saved`, written by the page, `$lib/pwa/tile-cache.ts`, never expires)
 * wins; otherwise the network, given 4 s, and failing that (offline, timed out, an error
 * status) the tiles this device has seen (`plaza-tiles-seen`: at most 3000, for 30 days). A
 * tile in neither fails, and the map shows its placeholder. Neither cache is a precache: a
 * new version keeps them.
 */
import { build, files, version } from '$service-worker';
import {
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	precacheAndRoute
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import { NetworkFirst } from 'workbox-strategies';

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

// ---- Map tiles (see the header) -------------------------------------------------------------
const savedTiles = 'plaza-tiles-saved';
const tilePath = /\/\d{1,2}\/\d{1,8}\/\d{1,8}(?:@2x)?\.(?:png|jpe?g|webp)$/i;
const seenTiles = new NetworkFirst({
	cacheName: 'plaza-tiles-seen',
	networkTimeoutSeconds: 4,
	// Tile servers often answer with Vary; a tile is a tile whoever asked.
	matchOptions: { ignoreVary: true },
	plugins: [
		// An error status (the tile server is down, a 404 past its zoom) falls back to the cache.
		{
			fetchDidSucceed: async ({ response }) => {
				if (!response.ok && response.type !== 'opaque')
					throw new Error(`tile answered ${response.status}`);
				return response;
			}
		},
		new CacheableResponsePlugin({ statuses: [0, 200] }),
		new ExpirationPlugin({ maxEntries: 3000, maxAgeSeconds: 30 * 86_400, purgeOnQuotaError: true })
	]
});
registerRoute(
	({ request, url }) =>
		request.destination === 'image' &&
		url.protocol.startsWith('http') &&
		tilePath.test(url.pathname),
	async (options) => {
		const saved = await caches
			.open(savedTiles)
			.then((cache) => cache.match(options.request.url, { ignoreVary: true }))
			.catch(() => undefined);
		return saved ?? seenTiles.handle(options);
	}
);

self.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Taking control of uncontrolled pages on first install is safe: they run this version.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
