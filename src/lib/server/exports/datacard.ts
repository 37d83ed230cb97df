/**
 * The licence and data card every Plaza export carries (the Metagov interoperable deliberative
 * tools specification asks for them): what was collected, where, when and how. The workshop
 * export (server/workshop/export.ts) has its own card with the same licence and shape; map
 * exports (GeoJSON, and the Open311 interface's documentation) use `mapDataCard`.
 */
import type { MapSettings } from '$lib/domain/map';
import type { SpaceRow } from '../spaces/views';

/** Open data under Creative Commons Attribution 4.0, as the workshop exports. */
export const licence = 'CC-BY-4.0';

export interface DataCard {
	what: string;
	where: string;
	when: string;
	how: string;
}

/** The properties of every Feature of the GeoJSON export, in order. */
export const geojsonProperties = [
	'id',
	'title',
	'description',
	'category',
	'categoryLabel',
	'support',
	'comments',
	'language',
	'createdAt',
	'updatedAt',
	'photos'
] as const;

const degrees = (value: number) => Number(value.toFixed(5));

/**
 * An ISO 8601 interval of the map's open period ("start/end", ".." for an open end), else the
 * span of the exported ideas' creation times, else ''.
 */
function period(map: MapSettings, created: string[]): string {
	if (map.opensAt || map.closesAt) return `${map.opensAt ?? '..'}/${map.closesAt ?? '..'}`;
	if (created.length === 0) return '';
	const sorted = [...created].sort();
	return `${sorted[0]}/${sorted.at(-1)}`;
}

/**
 * The data card of a map space; `created`: the ISO creation times of the exported ideas;
 * `language`: the filter of a filtered export, said in `how`.
 */
export function mapDataCard(
	space: Pick<SpaceRow, 'title' | 'purpose' | 'place'>,
	map: MapSettings,
	created: string[] = [],
	language?: string
): DataCard {
	const filtered = language
		? ` Only ideas and comments written in "${language}" are included.`
		: '';
	const centre = `centre ${degrees(map.center.lat)}, ${degrees(map.center.lng)} (WGS 84)`;
	const area = map.boundary ? 'ideas placed inside the map boundary' : '';
	return {
		what: `${space.title}: ${space.purpose}`,
		where: [space.place, centre, area].filter(Boolean).join('; '),
		when: period(map, created),
		how:
			'Collected with Plaza on an idea map: participants placed ideas (points, routes and ' +
			'areas) with a category, a title, a description and up to three photos on their own ' +
			'devices, online or offline, and supported and commented on each other’s ideas; city ' +
			'systems holding an API key of the map may add ideas through its Open311 interface. ' +
			'Support and comment counts are of live contributions. Participants are pseudonymous ' +
			'and no names or ids of people are exported. Ideas hidden by moderators and deleted ' +
			'ones are left out. The languages summary counts contributions and people per ' +
			'language over the whole map, without suppressing small counts.' +
			filtered
	};
}
