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

/** Whether the person asked their system for less motion. */
function reducedMotion(): boolean {
	return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Map options that honour `prefers-reduced-motion`: CSS cannot stop Leaflet's own zoom, fade
 * and inertia animations, so they are switched off where the person asked for less motion.
 */
export function motionOptions(): Leaflet.MapOptions {
	const still = reducedMotion();
	return {
		zoomAnimation: !still,
		fadeAnimation: !still,
		markerZoomAnimation: !still,
		inertia: !still
	};
}

/** `setView`/`flyTo` options: a jump instead of a glide when less motion is asked for. */
export function viewMotion(): Leaflet.ZoomPanOptions {
	return { animate: !reducedMotion() };
}
