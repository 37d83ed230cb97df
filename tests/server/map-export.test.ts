/**
 * The GeoJSON export of a map space: an RFC 7946 FeatureCollection that an independent
 * validator (@placemarkio/check-geojson) accepts, with the licence and data card, every visible
 * idea with its properties and live counts, and no hidden or deleted idea. Staff only.
 */
import { check } from '@placemarkio/check-geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/domain/auth';
import { newId } from '../../src/lib/domain/ids';
import { geojsonProperties } from '../../src/lib/server/exports/datacard';
import {
	handleExportGeojson,
	mapDataCardExport,
	type IdeaCollection
} from '../../src/lib/server/exports/geojson';
import type { Hub } from '../../src/lib/server/hub';
import { spaceById } from '../../src/lib/server/spaces/views';
import { engines, type TestDatabase } from './engines';
import { createWorld, ctx, uploadBlob, type World } from './helpers';
import { comment, inside, mapIdea, mapSettings, mapSpace, support } from './map/kit';
import { hide, send } from './open311/kit';
import { change } from './workshop/fixtures';

const exportRequest = (space: string) =>
	new Request(`https://plaza.example.org/api/v1/spaces/${space}/export.geojson`);

describe.each(engines)('GeoJSON export on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	let space: string;
	const ids = { point: newId(), line: newId(), area: newId(), hidden: newId(), deleted: newId() };
	const line = {
		type: 'LineString',
		coordinates: [
			[12.125, 54.085],
			[12.135, 54.087]
		]
	};
	// Clockwise, as people draw: valid GeoJSON all the same (the right-hand rule is a SHOULD).
	const area = {
		type: 'Polygon',
		coordinates: [
			[
				[12.15, 54.09],
				[12.15, 54.094],
				[12.154, 54.094],
				[12.154, 54.09],
				[12.15, 54.09]
			]
		]
	};
	let sha = '';

	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
		space = await mapSpace(hub, world, mapSettings(), { published: false });
		const ana = await world.member(space);
		const ben = await world.member(space);
		const photo = await uploadBlob(hub, ana.actor, space, 'a photo of the square', 'image/jpeg');
		expect(photo.response.status).toBe(201);
		sha = photo.name;
		await send(
			hub,
			ana.actor,
			[
				mapIdea(
					space,
					{
						title: 'Benches "with" <b>backs</b>',
						text: 'For older neighbours.\nTwo of them.',
						category: 'green',
						photos: JSON.stringify([sha]),
						language: 'de',
						createdAt: 1_700_000_000_000
					},
					ids.point
				),
				mapIdea(
					space,
					{ category: 'mobility', geometry: JSON.stringify(line), createdAt: 1_700_000_100_000 },
					ids.line
				),
				mapIdea(space, { geometry: JSON.stringify(area), createdAt: 1_700_000_200_000 }, ids.area),
				mapIdea(space, { title: 'Moderated away' }, ids.hidden),
				mapIdea(space, { title: 'Withdrawn' }, ids.deleted)
			],
			ana.participant
		);
		await send(
			hub,
			ana.actor,
			[change('mapIdea', ids.deleted, space, { deleted: true })],
			ana.participant
		);
		const rude = comment(space, ids.point, { text: 'Rude' });
		await send(
			hub,
			ben.actor,
			[support(space, ids.point, ben.participant), comment(space, ids.point), rude],
			ben.participant
		);
		await send(hub, ana.actor, [support(space, ids.point, ana.participant)], ana.participant);
		await hide(hub, world, space, ids.hidden);
		await hide(hub, world, space, rude.id);
	});
	afterAll(() => database.drop());

	it('is GeoJSON an independent validator accepts, as a download', async () => {
		const response = await handleExportGeojson(
			exportRequest(space),
			space,
			ctx(hub, world.facilitator)
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(
			`attachment; filename="${space}-ideas.geojson"`
		);
		const text = await response.text();
		const checked = check(text);
		expect(checked.type).toBe('FeatureCollection');
		// The validator does notice a broken file.
		const broken = text.replace('"LineString"', '"Line"');
		expect(() => check(broken)).toThrow();
	});

	it('holds every visible idea with its properties, and no hidden or deleted one', async () => {
		const response = await handleExportGeojson(exportRequest(space), space, ctx(hub, world.admin));
		const body = (await response.json()) as IdeaCollection;
		expect(body.licence).toBe('CC-BY-4.0');
		expect(body.dataCard).toEqual({
			what: 'A map: Testing',
			where: 'centre 54.09, 12.14 (WGS 84); ideas placed inside the map boundary',
			when: `${new Date(1_700_000_000_000).toISOString()}/${new Date(1_700_000_200_000).toISOString()}`,
			how: expect.stringContaining('hidden by moderators')
		});
		expect(body.features.map((f) => f.id)).toEqual([ids.point, ids.line, ids.area]);
		const [point, lineFeature, areaFeature] = body.features;
		expect(Object.keys(point!.properties)).toEqual([...geojsonProperties]);
		expect(point).toEqual({
			type: 'Feature',
			id: ids.point,
			geometry: { type: 'Point', coordinates: inside },
			properties: {
				id: ids.point,
				title: 'Benches "with" <b>backs</b>',
				description: 'For older neighbours.\nTwo of them.',
				category: 'green',
				categoryLabel: 'Green space',
				support: 2,
				comments: 1,
				language: 'de',
				createdAt: new Date(1_700_000_000_000).toISOString(),
				updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
				photos: [`https://plaza.example.org/api/v1/blobs/${sha}?space=${space}`]
			}
		});
		expect(lineFeature!.geometry).toEqual(line);
		expect(lineFeature!.properties).toMatchObject({
			categoryLabel: 'Mobility',
			support: 0,
			photos: []
		});
		expect(areaFeature!.geometry).toEqual(area);
		const text = JSON.stringify(body);
		for (const gone of ['Moderated away', 'Withdrawn', 'Rude', ids.hidden, ids.deleted])
			expect(text).not.toContain(gone);
		// No names or ids of people leave.
		expect(text).not.toContain('Ana');
		expect(text).not.toContain('authorName');
	});

	it('gives the same card for the data card route of a map space', async () => {
		const row = (await spaceById(hub.db, space))!;
		const card = await mapDataCardExport(hub.db, row);
		expect(card.licence).toBe('CC-BY-4.0');
		expect(card.properties).toEqual(geojsonProperties);
		expect(card.dataCard.when).toContain('/');
	});

	it('uses the open period as "when" when the map has one', async () => {
		const settings = mapSettings({
			opensAt: '2027-05-01T09:00:00.000Z',
			closesAt: null,
			boundary: null
		});
		const open = await mapSpace(hub, world, settings);
		const response = await handleExportGeojson(
			exportRequest(open),
			open,
			ctx(hub, world.facilitator)
		);
		const body = check(await response.text()) as unknown as IdeaCollection;
		expect(body.features).toEqual([]);
		expect(body.dataCard.when).toBe('2027-05-01T09:00:00.000Z/..');
		expect(body.dataCard.where).toBe('centre 54.09, 12.14 (WGS 84)');
	});

	it('is for the staff of the space only, and only for map spaces', async () => {
		const member = await world.member(space);
		const cases: [Actor, number][] = [
			[{ kind: 'anonymous' }, 401],
			[member.actor, 403],
			[world.otherFacilitator, 403]
		];
		for (const [actor, status] of cases)
			expect((await handleExportGeojson(exportRequest(space), space, ctx(hub, actor))).status).toBe(
				status
			);
		const ideas = await world.space();
		const response = await handleExportGeojson(
			exportRequest(ideas),
			ideas,
			ctx(hub, world.facilitator)
		);
		expect(response.status).toBe(404);
		expect(await response.json()).toMatchObject({ error: { code: 'not-found' } });
	});
});
