/**
 * The ideas on a Leaflet map, drawn on one canvas: a cluster index of every idea's centre is
 * asked what the current view shows whenever the map stops moving (`moveend`, which Leaflet
 * also fires after every zoom), and only that is drawn — counted clusters, single pins
 * in their category's colour with its icon inside, and the full line or area of a single route or park. Nothing is redrawn
 * while the map moves: the canvas pans with it. Cluster counts are painted on the canvas too
 * (a circle marker that writes its label), so no view makes DOM nodes per idea.
 */
import type * as Leaflet from 'leaflet';
import type { MapCategory } from '$lib/domain/map';
import type { IdeaGeometry } from '$lib/domain/records';
import {
	buildIndex,
	clusterLabel,
	clusterSize,
	expansionZoom,
	paddedBBox,
	visibleItems,
	type IdeaIndex,
	type VisibleItem
} from '../clusters';
import { categoryIconPaths } from '../category-icons';
import { categoryStyle, ideaPoints, textColourOn, type IdeaLike } from '../ideas';
import { viewMotion, type L } from './load';

export interface IdeasLayerOptions {
	categories: readonly MapCategory[];
	/** A single idea was tapped (not fired while `picking`: the tap is the map's then). */
	onselect: (id: string) => void;
	/** Called once a redraw is on screen, with the number of shapes drawn. */
	onrendered?: (shapes: number) => void;
}

const clusterColour = '#1f6f4a';
const selectedColour = '#0b57d0';
const hiddenColour = '#6b7280';
const mineOutline = '#1c2321';

export interface MarkOptions extends Leaflet.CircleMarkerOptions {
	/** A short text drawn in the middle (a cluster's count)… */
	label?: string;
	/** …or an icon's 24×24 SVG path (a single idea's category). */
	icon?: string;
	markColour: string;
	/** A second ring outside the outline: the selected idea is told by its shape too. */
	ring?: string;
}

type MarkedCircle = new (
	latlng: Leaflet.LatLngExpression,
	options: MarkOptions
) => Leaflet.CircleMarker;

export type Drawn = {
	options: MarkOptions;
	_renderer: unknown;
	_point: Leaflet.Point;
	_radius: number;
};

/** Paints a marker's mark (and ring) over the circle Leaflet drew; exported for its test. */
export function drawMark(ctx: CanvasRenderingContext2D, marker: Drawn): void {
	const { label, icon, markColour, ring } = marker.options;
	const { x, y } = marker._point;
	const r = marker._radius;
	ctx.save();
	ctx.globalAlpha = 1;
	if (ring) {
		ctx.beginPath();
		ctx.arc(x, y, r + 4, 0, 2 * Math.PI);
		ctx.strokeStyle = ring;
		ctx.lineWidth = 2;
		ctx.setLineDash([]);
		ctx.stroke();
	}
	if (label) {
		ctx.fillStyle = markColour;
		ctx.font = '700 13px system-ui, sans-serif';
		ctx.textAlign = 'center';
		ctx.textBaseline = 'middle';
		ctx.fillText(label, x, y + 1);
	} else if (icon) {
		const size = r * 1.3;
		ctx.translate(x - size / 2, y - size / 2);
		ctx.scale(size / 24, size / 24);
		ctx.strokeStyle = markColour;
		ctx.lineWidth = 2.5;
		ctx.lineCap = 'round';
		ctx.lineJoin = 'round';
		ctx.setLineDash([]);
		ctx.stroke(new Path2D(icon));
	}
	ctx.restore();
}

/** A canvas circle marker with a mark in its middle: a cluster's count or a category's icon. */
function markedCircle(L: L): MarkedCircle {
	const base = L.CircleMarker.prototype as unknown as { _updatePath(): void };
	return L.CircleMarker.extend({
		_updatePath(this: Drawn) {
			base._updatePath.call(this);
			const renderer = this._renderer as { _drawing?: boolean; _ctx?: CanvasRenderingContext2D };
			if (renderer._drawing && renderer._ctx) drawMark(renderer._ctx, this);
		}
	}) as unknown as MarkedCircle;
}

const latLngs = (positions: [number, number][]) =>
	positions.map(([lng, lat]) => [lat, lng] as [number, number]);

export class IdeasLayer<T extends IdeaLike> {
	readonly #L: L;
	readonly #map: Leaflet.Map;
	readonly #group: Leaflet.LayerGroup;
	readonly #renderer: Leaflet.Canvas;
	readonly #Marked: MarkedCircle;
	#options: IdeasLayerOptions;
	#index: IdeaIndex | undefined;
	#ideas = new Map<string, T>();
	#mine: (idea: T) => boolean = () => false;
	#selected: string | null = null;
	#picking = false;

	constructor(L: L, map: Leaflet.Map, options: IdeasLayerOptions) {
		this.#L = L;
		this.#map = map;
		this.#options = options;
		this.#renderer = L.canvas({ padding: 0.25 });
		this.#group = L.layerGroup().addTo(map);
		this.#Marked = markedCircle(L);
		map.on('moveend', this.redraw);
	}

	/** New ideas (or a new filter): rebuild the index and draw the current view. */
	setIdeas(ideas: readonly T[], mine: (idea: T) => boolean): void {
		this.#ideas = new Map(ideas.map((idea) => [idea.id, idea]));
		this.#mine = mine;
		this.#index = buildIndex(ideaPoints(ideas, mine));
		this.redraw();
	}

	setCategories(categories: readonly MapCategory[]): void {
		if (categories === this.#options.categories) return;
		this.#options = { ...this.#options, categories };
		this.redraw();
	}

	setSelected(id: string | null): void {
		if (id === this.#selected) return;
		this.#selected = id;
		this.redraw();
	}

	/** While picking, a tap on an idea is a tap on the map (to place a point or a vertex). */
	setPicking(picking: boolean): void {
		this.#picking = picking;
	}

	/** Draw what the current view shows. */
	redraw = (): void => {
		this.#group.clearLayers();
		if (!this.#index) return;
		const bounds = this.#map.getBounds();
		const bbox = paddedBBox([
			bounds.getWest(),
			bounds.getSouth(),
			bounds.getEast(),
			bounds.getNorth()
		]);
		const items = visibleItems(this.#index, bbox, this.#map.getZoom());
		for (const item of items) this.#group.addLayer(this.#draw(item));
		const onrendered = this.#options.onrendered;
		if (onrendered)
			requestAnimationFrame(() => requestAnimationFrame(() => onrendered(items.length)));
	};

	remove(): void {
		this.#map.off('moveend', this.redraw);
		this.#group.remove();
	}

	#draw(item: VisibleItem): Leaflet.Layer {
		const at: [number, number] = [item.position[1], item.position[0]];
		if (item.kind === 'cluster') {
			const marker = new this.#Marked(at, {
				renderer: this.#renderer,
				radius: clusterSize(item.count),
				color: item.mine ? mineOutline : '#ffffff',
				weight: 3,
				fillColor: clusterColour,
				fillOpacity: 0.92,
				label: clusterLabel(item.count),
				markColour: textColourOn(clusterColour)
			});
			return marker.on('click', (event) => {
				this.#L.DomEvent.stopPropagation(event);
				if (this.#picking) return void this.#map.fire('click', event);
				this.#map.setView(at, expansionZoom(this.#index!, item.id), viewMotion());
			});
		}
		const idea = this.#ideas.get(item.id)!;
		const shape = this.#shape(idea);
		return shape.on('click', (event) => {
			this.#L.DomEvent.stopPropagation(event);
			if (this.#picking) return void this.#map.fire('click', event);
			this.#options.onselect(idea.id);
		});
	}

	#shape(idea: T): Leaflet.Path {
		const L = this.#L;
		const { colour, icon } = categoryStyle(this.#options.categories, idea.fields.category);
		const mine = this.#mine(idea);
		const selected = idea.id === this.#selected;
		const fill = idea.hidden ? hiddenColour : colour;
		const outline = selected ? selectedColour : mine ? mineOutline : '#ffffff';
		const common: Leaflet.PathOptions = {
			renderer: this.#renderer,
			dashArray: idea.hidden ? '4 4' : undefined
		};
		const geometry = idea.geometry as IdeaGeometry;
		if (geometry.type === 'LineString')
			return L.polyline(latLngs(geometry.coordinates), {
				...common,
				color: selected ? selectedColour : fill,
				weight: selected || mine ? 7 : 5,
				opacity: 0.9
			});
		if (geometry.type === 'Polygon')
			return L.polygon(latLngs(geometry.coordinates[0]!), {
				...common,
				color: selected || mine ? outline : fill,
				weight: selected || mine ? 4 : 2,
				fillColor: fill,
				fillOpacity: 0.3
			});
		return new this.#Marked([geometry.coordinates[1], geometry.coordinates[0]], {
			...common,
			radius: selected ? 13 : mine ? 12 : 11,
			color: outline,
			weight: selected || mine ? 3 : 2,
			fillColor: fill,
			fillOpacity: 1,
			icon: categoryIconPaths[icon] ?? categoryIconPaths.pin,
			markColour: textColourOn(fill),
			ring: selected ? selectedColour : undefined
		});
	}
}
