/**
 * Leaflet and its stylesheet, loaded on first use: only map components call this, so every
 * other page (the list view of a map space too) stays free of both.
 */
import type * as Leaflet from 'leaflet';

export type L = typeof Leaflet;

let loading: Promise<L> | undefined;

export function loadLeaflet(): Promise<L> {
	loading ??= Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css')]).then(
		([module]) => (module as unknown as { default?: L }).default ?? (module as unknown as L)
	);
	return loading;
}
