/**
 * Runs inside Chromium (see ../map.ts): mounts the participant map (IdeaMap.svelte, the same
 * component the app shows) with N synthetic ideas and times, until the canvas has painted,
 * (1) the first full render from mounting, (2) a pan and (3) a zoom out, each redrawn from the
 * cluster index on `moveend`. "Until painted" waits two animation frames after the redraw
 * (so at least one frame, about 16 ms, at any N); the pan's and zoom's main-thread work is
 * timed too. Leaflet is loaded once before timing: module loading is the same for any N.
 * No tile layer: the figures are the ideas' cost alone.
 */
import type * as Leaflet from 'leaflet';
import { mount, unmount } from 'svelte';
import type { MapCategory } from '$lib/domain/map';
import type { IdeaGeometry, Position } from '$lib/domain/records';
import IdeaMap from '$lib/ui/map/IdeaMap.svelte';
import type { IdeaLike } from '$lib/ui/map/ideas';
import { loadLeaflet } from '$lib/ui/map/leaflet/load';

const centre = { lat: 53.5503, lng: 9.9925 };
const categories: MapCategory[] = [
	{ id: 'green', label: 'Greenery', colour: '#1a7f37', icon: 'tree' },
	{ id: 'seat', label: 'Benches', colour: '#9a6700', icon: 'bench' },
	{ id: 'bike', label: 'Cycling', colour: '#0969da', icon: 'bike' },
	{ id: 'sun', label: 'Solar', colour: '#bf3989', icon: 'sun' }
];

/** A deterministic pseudo-random sequence, so every run places the same ideas. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

/** N ideas spread over about 4 × 4 km around the centre: 90% points, 5% routes, 5% areas. */
function ideas(count: number): IdeaLike[] {
	const next = random(count);
	const around = (spread = 0.03): Position => [
		centre.lng + (next() - 0.5) * spread,
		centre.lat + (next() - 0.5) * spread * 0.6
	];
	return Array.from({ length: count }, (_, i) => {
		const at = around();
		const near = (): Position => [at[0] + (next() - 0.5) * 0.002, at[1] + (next() - 0.5) * 0.001];
		let geometry: IdeaGeometry = { type: 'Point', coordinates: at };
		if (i % 20 === 1) geometry = { type: 'LineString', coordinates: [at, near(), near()] };
		if (i % 20 === 2) geometry = { type: 'Polygon', coordinates: [[at, near(), near(), at]] };
		return {
			id: `idea-${i}`,
			author: i % 50 === 0 ? 'me' : 'someone',
			fields: { category: categories[i % categories.length]!.id, createdAt: i, title: `Idea ${i}` },
			geometry,
			supports: i % 7
		};
	});
}

export interface MapTimes {
	first: number;
	pan: number;
	zoom: number;
	/** Main-thread time of the pan's and the zoom's redraw (Leaflet fires moveend in the call). */
	panWork: number;
	zoomWork: number;
	shapes: number;
	/** Shapes drawn after the zoom (no clusters left at zoom 17). */
	zoomShapes: number;
}

async function timeOnce(count: number): Promise<MapTimes> {
	const target = document.getElementById('stage')!;
	let map: Leaflet.Map | undefined;
	let painted: ((shapes: number) => void) | undefined;
	const nextPaint = () => new Promise<number>((resolve) => (painted = resolve));
	const data = ideas(count);

	let waiting = nextPaint();
	const started = performance.now();
	const app = mount(IdeaMap, {
		target,
		props: {
			settings: { center: centre, zoom: 15, boundary: null, categories },
			tiles: undefined,
			ideas: data,
			mine: (idea: IdeaLike) => idea.author === 'me',
			selected: null,
			picking: false,
			draft: null,
			location: null,
			draggable: false,
			onpick: () => undefined,
			onselect: () => undefined,
			onmove: () => undefined,
			onready: (made: Leaflet.Map) => (map = made),
			onrendered: (shapes: number) => painted?.(shapes)
		}
	});
	const shapes = await waiting;
	const first = performance.now() - started;

	waiting = nextPaint();
	let t0 = performance.now();
	map!.panBy([400, 250], { animate: false });
	const panWork = performance.now() - t0;
	await waiting;
	const pan = performance.now() - t0;

	waiting = nextPaint();
	t0 = performance.now();
	map!.setZoom(map!.getZoom() + 2, { animate: false });
	const zoomWork = performance.now() - t0;
	const zoomShapes = await waiting;
	const zoom = performance.now() - t0;

	await unmount(app);
	target.replaceChildren();
	return { first, pan, zoom, panWork, zoomWork, shapes, zoomShapes };
}

export interface MapBenchResult {
	small: MapTimes[];
	large: MapTimes[];
}

async function run(small: number, large: number, runs: number): Promise<MapBenchResult> {
	await loadLeaflet();
	// One warm-up of each, so neither side pays for the first JIT of the drawing code.
	await timeOnce(small);
	await timeOnce(large);
	const result: MapBenchResult = { small: [], large: [] };
	for (let i = 0; i < runs; i++) {
		result.small.push(await timeOnce(small));
		result.large.push(await timeOnce(large));
	}
	return result;
}

(window as unknown as { plazaMapBench: { run: typeof run } }).plazaMapBench = { run };
document.getElementById('state')!.textContent = 'ready';
