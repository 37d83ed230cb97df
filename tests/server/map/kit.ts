/**
 * Builders for map spaces and their records in the server suites: map settings with a
 * boundary, a map space made directly in SQL (as `World.space` makes others), and map ideas,
 * supports and comments with every field a creation needs.
 */
import { randomBytes } from 'node:crypto';
import { newId, oncePerPersonId } from '../../../src/lib/domain/ids';
import type { MapSettings } from '../../../src/lib/domain/map';
import type { Fields } from '../../../src/lib/domain/merge';
import type { Mutation } from '../../../src/lib/domain/protocol';
import { supportTarget, type IdeaGeometry } from '../../../src/lib/domain/records/map';
import type { Hub } from '../../../src/lib/server/hub';
import { newSpace, type SpaceOptions, type World } from '../helpers';
import { change } from '../workshop/fixtures';

/** A rectangle around Rostock's city centre with the Neuer Markt cut out as a hole. */
export const boundary: NonNullable<MapSettings['boundary']> = {
	type: 'Polygon',
	coordinates: [
		[
			[12.12, 54.08],
			[12.16, 54.08],
			[12.16, 54.1],
			[12.12, 54.1],
			[12.12, 54.08]
		],
		[
			[12.138, 54.087],
			[12.142, 54.087],
			[12.142, 54.089],
			[12.138, 54.089],
			[12.138, 54.087]
		]
	]
};

/** A position inside the boundary, one outside it and one in its hole. */
export const inside: [number, number] = [12.13, 54.09];
export const outside: [number, number] = [12.2, 54.09];
export const inHole: [number, number] = [12.14, 54.088];

export function mapSettings(overrides: Partial<MapSettings> = {}): MapSettings {
	return {
		center: { lat: 54.09, lng: 12.14 },
		zoom: 14,
		boundary,
		categories: [
			{ id: 'mobility', label: 'Mobility', colour: '#1a7f37', icon: 'bike' },
			{ id: 'green', label: 'Green space', colour: '#0b6e4f', icon: 'tree' }
		],
		opensAt: null,
		closesAt: null,
		...overrides
	};
}

/** A map space of the world's organisation, facilitated by `world.facilitator` unless said. */
export async function mapSpace(
	hub: Hub,
	world: World,
	settings: MapSettings = mapSettings(),
	options: SpaceOptions = {}
): Promise<string> {
	const id = options.id ?? newSpace('map');
	await hub.db.query(
		`INSERT INTO spaces (id, organisation, title, purpose, privacy_notice, erase_policy,
			retention_until, published, status, join_code, kind, map_settings)
		VALUES ($1, $2, 'A map', 'Testing', 'Notice', $3, NULL, $4, $5, $6, 'map', ($7::text)::jsonb)`,
		[
			id,
			world.organisation,
			options.erasePolicy ?? 'delete',
			options.published ?? false,
			options.status ?? 'open',
			randomBytes(5).toString('hex').toUpperCase(),
			JSON.stringify(settings)
		]
	);
	for (const account of options.facilitators ?? [world.facilitator])
		await hub.db.query('INSERT INTO space_facilitators (space, account) VALUES ($1, $2)', [
			id,
			account.accountId
		]);
	return id;
}

export const point = (position: [number, number]): string =>
	JSON.stringify({ type: 'Point', coordinates: position } satisfies IdeaGeometry);

export function mapIdea(space: string, overrides: Fields = {}, id = newId()): Mutation {
	return change('mapIdea', id, space, {
		title: 'A bench by the fountain',
		text: 'Somewhere to rest in the shade.',
		category: 'green',
		geometry: point(inside),
		photos: '[]',
		language: 'en',
		authorName: 'Ana',
		createdAt: 1_700_000_000_000,
		...overrides
	});
}

export const supportId = (space: string, idea: string, participant: string) =>
	oncePerPersonId(space, supportTarget(idea), participant);

export function support(space: string, idea: string, participant: string): Mutation {
	return change('support', supportId(space, idea, participant), space, {
		idea,
		createdAt: 1_700_000_000_000
	});
}

export function comment(space: string, idea: string, overrides: Fields = {}): Mutation {
	return change('comment', newId(), space, {
		idea,
		text: 'Yes, and a water tap too.',
		language: 'en',
		authorName: 'Ben',
		createdAt: 1_700_000_000_000,
		...overrides
	});
}
