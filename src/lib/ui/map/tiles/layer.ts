/**
 * The one tile layer every Plaza map uses, from the hub's tile configuration
 * (`hubConfig().tiles`). Tiles load with CORS (`crossOrigin: 'anonymous'`), so the service
 * worker can keep the ones a person has seen and a saved area can be read back. A tile that
 * cannot load (offline and never seen, or the tile server down) shows a plain light-grey
 * placeholder with a faint grid: the map stays usable and ideas stay visible on top.
 *
 * Leaflet is passed in (`await import('leaflet')`), so this module costs nothing until a map
 * is shown and never touches `window` during server rendering.
 */
import type * as Leaflet from 'leaflet';
import type { TileConfig } from '$lib/domain/map';
import { tileSubdomains } from '$lib/domain/tiles';

const placeholderSvg =
	'<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">' +
	'<rect width="256" height="256" fill="#ececec"/>' +
	'<path d="M64 0V256M128 0V256M192 0V256M0 64H256M0 128H256M0 192H256" ' +
	'stroke="#dedede" stroke-width="1" fill="none"/>' +
	'<rect x="0.5" y="0.5" width="255" height="255" stroke="#d4d4d4" fill="none"/></svg>';

/** The image a missing tile shows (a data: URI: the Content-Security-Policy allows data: images). */
export const placeholderTileUrl = `data:image/svg+xml,${encodeURIComponent(placeholderSvg)}`;

/** Plain text for Leaflet's attribution control, which renders HTML. */
export function escapeAttribution(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

/** Leaflet options of the tile layer for `tiles` (exported for tests). */
export function tileLayerOptions(tiles: TileConfig): Leaflet.TileLayerOptions {
	return {
		crossOrigin: 'anonymous',
		maxZoom: tiles.maxZoom,
		maxNativeZoom: tiles.maxZoom,
		attribution: escapeAttribution(tiles.attribution),
		subdomains: [...tileSubdomains],
		detectRetina: false,
		errorTileUrl: placeholderTileUrl,
		className: 'plaza-tiles'
	};
}

/** A tile layer from the hub's tile configuration; add it to a map with `.addTo(map)`. */
export function createTileLayer(L: typeof Leaflet, tiles: TileConfig): Leaflet.TileLayer {
	return L.tileLayer(tiles.url, tileLayerOptions(tiles));
}
