/**
 * The ideas on a Leaflet map, drawn on one canvas: a cluster index of every idea's centre is
 * asked what the current view shows whenever the map stops moving (`moveend`, which Leaflet
 * also fires after every zoom), and only that is drawn — counted clusters, single pins
 * coloured by category, and the full line or area of a single route or park. Nothing is redrawn
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
import { categoryStyle, ideaPoints, textColourOn, type IdeaLike } from '../ideas';
import type { L } from './load';

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

interface LabelOptions extends Leaflet.CircleMarkerOptions {
	label: string;
	labelColour: string;
}

type LabelledCircle = new (
	latlng: Leaflet.LatLngExpression,
	options: LabelOptions
) => Leaflet.CircleMarker;

/** A canvas circle marker that writes a short label in its middle (a cluster's count). */
function labelledCircle(L: L): LabelledCircle {
	const base = L.CircleMarker.prototype as unknown as { _updatePath(): void };
	return L.CircleMarker.extend({
		_updatePath(this: { options: LabelOptions; _renderer: unknown; _point: Leaflet.Point }) {
			base._updatePath.call(this);
			const renderer = this._renderer as { _drawing?: boolean; _ctx?: CanvasRenderingContext2D };
			const ctx = renderer._ctx;
			if (!renderer._drawing || !ctx) return;
			ctx.globalAlpha = 1;
			ctx.fillStyle = this.options.labelColour;
			ctx.font = '700 13px system-ui, sans-serif';
			ctx.textAlign = 'center';
			ctx.textBaseline = 'middle';
			ctx.fillText(this.options.label, this._point.x, this._point.y + 1);
		}
	}) as unknown as LabelledCircle;
}

const latLngs = (positions: [number, number][]) =>
	positions.map(([lng, lat]) => [lat, lng] as [number, number]);

export class IdeasLayer<T extends IdeaLike> {
	readonly #L: L;
	readonly #map: Leaflet.Map;
	readonly #group: Leaflet.LayerGroup;
	readonly #renderer: Leaflet.Canvas;
	readonly #Cluster: LabelledCircle;
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
		this.#Cluster = labelledCircle(L);
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
			const marker = new this.#Cluster(at, {
				renderer: this.#renderer,
				radius: clusterSize(item.count),
				color: item.mine ? mineOutline : '#ffffff',
				weight: 3,
				fillColor: clusterColour,
				fillOpacity: 0.92,
				label: clusterLabel(item.count),
				labelColour: textColourOn(clusterColour)
			});
			return marker.on('click', (event) => {
				this.#L.DomEvent.stopPropagation(event);
				if (this.#picking) return void this.#map.fire('click', event);
				this.#map.setView(at, expansionZoom(this.#index!, item.id));
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
		const { colour } = categoryStyle(this.#options.categories, idea.fields.category);
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
		return L.circleMarker([geometry.coordinates[1], geometry.coordinates[0]], {
			...common,
			radius: selected ? 11 : mine ? 10 : 8,
			color: outline,
			weight: selected || mine ? 3 : 2,
			fillColor: fill,
			fillOpacity: 1
		});
	}
}
