/**
 * What the map draws besides the ideas: the boundary ideas must fall in, the geometry being
 * drawn (vertices and a dashed preview), the person's location with its accuracy circle, and
 * the one draggable pin of a selected own point idea.
 */
import type * as Leaflet from 'leaflet';
import type { Boundary } from '$lib/domain/map';
import type { Position } from '$lib/domain/records';
import type { Draft } from '../draft';
import type { L } from './load';

const drawColour = '#0b57d0';

const toLatLng = ([lng, lat]: Position): [number, number] => [lat, lng];

/** The boundary's outer and inner rings as a dashed outline (no fill: the map stays readable). */
export function boundaryLayer(L: L, boundary: Boundary, renderer: Leaflet.Renderer): Leaflet.Layer {
	const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
	return L.layerGroup(
		polygons.map((rings) =>
			L.polygon(
				rings.map((ring) => ring.map((p) => toLatLng(p as Position))),
				{
					renderer,
					color: '#1c2321',
					weight: 2,
					dashArray: '6 6',
					fill: false,
					interactive: false
				}
			)
		)
	);
}

/** Redraw the draft into `group`: its vertices and the line or area they make so far. */
export function drawDraft(
	L: L,
	group: Leaflet.LayerGroup,
	draft: Draft | null,
	renderer: Leaflet.Renderer
): void {
	group.clearLayers();
	if (!draft || draft.positions.length === 0) return;
	const points = draft.positions.map(toLatLng);
	const preview = { renderer, color: drawColour, weight: 3, dashArray: '8 6', interactive: false };
	if (draft.kind === 'LineString' && points.length > 1) group.addLayer(L.polyline(points, preview));
	if (draft.kind === 'Polygon' && points.length > 1)
		group.addLayer(L.polygon(points, { ...preview, fillColor: drawColour, fillOpacity: 0.12 }));
	const single = draft.kind === 'Point';
	for (const point of points)
		group.addLayer(
			L.circleMarker(point, {
				renderer,
				radius: single ? 10 : 6,
				color: single ? '#ffffff' : drawColour,
				weight: 3,
				fillColor: single ? drawColour : '#ffffff',
				fillOpacity: 1,
				interactive: false
			})
		);
}

export interface Located {
	lat: number;
	lng: number;
	/** Metres, as the device reports it. */
	accuracy: number;
}

/** The person's position: a dot and a circle as wide as the reported accuracy. */
export function drawLocation(
	L: L,
	group: Leaflet.LayerGroup,
	location: Located | null,
	renderer: Leaflet.Renderer
): void {
	group.clearLayers();
	if (!location) return;
	const at: [number, number] = [location.lat, location.lng];
	const style = { renderer, color: drawColour, interactive: false };
	group.addLayer(
		L.circle(at, { ...style, radius: location.accuracy, weight: 1, fillOpacity: 0.1 })
	);
	group.addLayer(
		L.circleMarker(at, { ...style, radius: 6, weight: 2, fillColor: drawColour, fillOpacity: 1 })
	);
}

/**
 * A draggable pin (one DOM marker) for moving one's own point idea; `onmove` gets the new
 * position when the drag ends. Focusable, with `title` as its name.
 */
export function dragPin(
	L: L,
	at: Position,
	title: string,
	onmove: (position: Position) => void
): Leaflet.Marker {
	// The pin's tip (a rotated teardrop drawn by CSS) sits on the point.
	const icon = L.divIcon({
		className: 'plaza-drag-pin',
		html: '<span></span>',
		iconSize: [28, 28],
		iconAnchor: [14, 34]
	});
	const marker = L.marker(toLatLng(at), {
		draggable: true,
		keyboard: true,
		title,
		icon,
		alt: title
	});
	marker.on('dragend', () => {
		const { lat, lng } = marker.getLatLng();
		onmove([lng, lat]);
	});
	return marker;
}
