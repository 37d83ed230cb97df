/**
 * The idea map's pure logic, shared by the map and the list view: each idea's centre, the
 * category filter, sorting (newest, support, distance), category styling and the point
 * features the cluster index is built from. No Leaflet here, so the list never loads it.
 */
import type { MapCategory, MapSettings } from '$lib/domain/map';
import { distanceMetres, geometryCentre } from '$lib/domain/map-geometry';
import type { IdeaGeometry, Position } from '$lib/domain/records';

/** What the map logic needs of an idea (a `MapIdeaView` has all of it). */
export interface IdeaLike {
	id: string;
	author: string;
	fields: { category: string; createdAt: number; title: string };
	geometry: IdeaGeometry | undefined;
	supports: number;
	hidden?: boolean;
}

export type SortOrder = 'newest' | 'support' | 'distance';
export const sortOrders: readonly SortOrder[] = ['newest', 'support', 'distance'];

/** A latitude and longitude, as forms and Leaflet use them. */
export interface LatLng {
	lat: number;
	lng: number;
}

export const toPosition = ({ lat, lng }: LatLng): Position => [lng, lat];
export const toLatLng = ([lng, lat]: Position): LatLng => ({ lat, lng });

/** The position standing for an idea in lists, distances and clusters. */
export function ideaCentre(idea: Pick<IdeaLike, 'geometry'>): Position | undefined {
	return idea.geometry ? geometryCentre(idea.geometry) : undefined;
}

/** The map's centre as a position. */
export function settingsCentre(settings: Pick<MapSettings, 'center'>): Position {
	return [settings.center.lng, settings.center.lat];
}

/**
 * The ideas in the shown categories. `shown` holds the category ids that are on; an idea of a
 * category the map no longer has stays visible (it was placed under a category that existed).
 */
export function filterIdeas<T extends IdeaLike>(
	ideas: readonly T[],
	shown: ReadonlySet<string>,
	categories: readonly Pick<MapCategory, 'id'>[]
): T[] {
	const known = new Set(categories.map((category) => category.id));
	return ideas.filter(
		(idea) =>
			idea.geometry !== undefined &&
			(shown.has(idea.fields.category) || !known.has(idea.fields.category))
	);
}

const newest = (a: IdeaLike, b: IdeaLike) =>
	b.fields.createdAt - a.fields.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The ideas in the chosen order: newest first; most supported first (then newest); nearest
 * to `from` first (then newest). Without `from`, distance falls back to newest.
 */
export function sortIdeas<T extends IdeaLike>(
	ideas: readonly T[],
	order: SortOrder,
	from?: Position
): T[] {
	if (order === 'support')
		return [...ideas].sort((a, b) => b.supports - a.supports || newest(a, b));
	if (order === 'distance' && from) {
		const distance = new Map(ideas.map((idea) => [idea.id, distanceFrom(idea, from)]));
		return [...ideas].sort((a, b) => distance.get(a.id)! - distance.get(b.id)! || newest(a, b));
	}
	return [...ideas].sort(newest);
}

/** Metres from `from` to the idea's centre; Infinity when it has no geometry. */
export function distanceFrom(idea: Pick<IdeaLike, 'geometry'>, from: Position): number {
	const centre = ideaCentre(idea);
	return centre ? distanceMetres(from, centre) : Infinity;
}

/** A distance as people read it: metres below 1 km, then kilometres with one decimal. */
export function roundDistance(metres: number): { value: number; unit: 'm' | 'km' } {
	if (metres < 1000) return { value: Math.round(metres / 10) * 10, unit: 'm' };
	return { value: Math.round(metres / 100) / 10, unit: 'km' };
}

/** The colour, icon and label of an idea's category; a neutral grey for an unknown one. */
export function categoryStyle(
	categories: readonly MapCategory[],
	id: string
): Pick<MapCategory, 'colour' | 'icon' | 'label'> {
	const category = categories.find((c) => c.id === id);
	return category ?? { colour: '#6b7280', icon: 'pin', label: id };
}

/** Black or white, whichever reads better on `colour` (#rrggbb), by WCAG relative luminance. */
export function textColourOn(colour: string): '#000000' | '#ffffff' {
	const channel = (hex: string) => {
		const c = parseInt(hex, 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	const [r, g, b] = [1, 3, 5].map((i) => channel(colour.slice(i, i + 2))) as [
		number,
		number,
		number
	];
	const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	// Contrast with black (L + 0.05) / 0.05 against white 1.05 / (L + 0.05): equal at ≈ 0.179.
	return luminance > 0.179 ? '#000000' : '#ffffff';
}

/** The properties each point of the cluster index carries. */
export interface IdeaPointProperties {
	id: string;
	category: string;
	mine: boolean;
}

export interface IdeaPoint {
	type: 'Feature';
	geometry: { type: 'Point'; coordinates: Position };
	properties: IdeaPointProperties;
}

/** The cluster index's input: one point per idea at its centre. */
export function ideaPoints<T extends IdeaLike>(
	ideas: readonly T[],
	mine: (idea: T) => boolean
): IdeaPoint[] {
	const points: IdeaPoint[] = [];
	for (const idea of ideas) {
		const centre = ideaCentre(idea);
		if (!centre) continue;
		points.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: centre },
			properties: { id: idea.id, category: idea.fields.category, mine: mine(idea) }
		});
	}
	return points;
}

/**
 * Where a keyboard user may place an idea without the map: the map's centre, then "near" each
 * idea (by title, at most `limit`). Values are "lat,lng" strings for a `<select>`.
 */
export function placeChoices<T extends IdeaLike>(
	ideas: readonly T[],
	centre: Position,
	limit = 200
): { value: string; idea?: T }[] {
	const value = ([lng, lat]: Position) => `${lat},${lng}`;
	const near = ideas
		.filter((idea) => ideaCentre(idea))
		.sort((a, b) => a.fields.title.localeCompare(b.fields.title))
		.slice(0, limit)
		.map((idea) => ({ value: value(ideaCentre(idea)!), idea }));
	return [{ value: value(centre) }, ...near];
}
