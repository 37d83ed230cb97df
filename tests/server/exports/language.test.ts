/**
 * Languages in the space exports (issue 7): `?language=<code>` keeps only the contributions
 * written in that language in the CSV, JSON and GeoJSON exports (votes and supports stay, so
 * the counts of the kept items are right), a bad code is a 400 that changes nothing, and the
 * JSON exports carry a per-language summary over the whole space.
 */
import { check } from '@placemarkio/check-geojson';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/domain/auth';
import { newId } from '../../../src/lib/domain/ids';
import type { Mutation } from '../../../src/lib/domain/protocol';
import { handleExportGeojson, type IdeaCollection } from '../../../src/lib/server/exports/geojson';
import type { LanguageCount } from '../../../src/lib/server/exports/languages';
import type { Hub } from '../../../src/lib/server/hub';
import { openapi } from '../../../src/lib/server/openapi';
import { languagesSummary } from '../../../src/lib/server/openapi/workshop';
import {
	handleExportCsv,
	handleExportDataCard,
	handleExportJson
} from '../../../src/lib/server/workshop/export';
import { engines, type TestDatabase } from '../engines';
import { createWorld, ctx, type World } from '../helpers';
import { validate } from '../json-schema';
import { comment, mapIdea, mapSpace, support } from '../map/kit';
import { hide, send } from '../open311/kit';
import { activity, change, cluster, note, vote } from '../workshop/fixtures';

const get = (space: string, file: string, query = '') =>
	new Request(`https://plaza.example.org/api/v1/spaces/${space}/${file}${query}`);

const badQueries = ['?language=english', '?language=', '?language=EN', '?language=da-dk'];

interface WorkshopJson {
	dataCard: { how: string };
	languages: LanguageCount[];
	notes: { id: string; text: string; language: string; votes: number; clusterVotes: number }[];
	clusters: { id: string }[];
	results: { activity: string; notes?: number; votes?: { item: string; votes: number }[] }[];
}

describe.each(engines)('language filter and summary of the exports on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	const post = (actor: Actor, mutations: Mutation[], participant?: string) =>
		send(hub, actor, mutations, participant);

	/**
	 * A brainstorm with notes in Danish (Ana, Ben and a facilitator typing in a paper card),
	 * English (Ana; one more by Ben deleted) and Arabic (Ben), one Danish note hidden; a cluster
	 * of a Danish and the Arabic note, and dots on notes and on the cluster.
	 */
	async function workshop() {
		const space = await world.space({ kind: 'workshop' });
		const staff = world.facilitator;
		const brainstorm = activity(space, 'brainstorm', { position: 0 });
		const dots = activity(space, 'dot-vote', { dots: 5, maxPerItem: 3, target: brainstorm.id });
		await post(staff, [brainstorm, dots]);
		const ana = await world.member(space);
		const ben = await world.member(space);
		const at = (n: number) => 1_700_000_000_000 + n;
		const n = {
			trees: note(space, brainstorm.id, { text: 'Flere træer', language: 'da', createdAt: at(1) }),
			english: note(space, brainstorm.id, { text: 'More trees', createdAt: at(2) }),
			hidden: note(space, brainstorm.id, { text: 'Skjult', language: 'da', createdAt: at(3) }),
			arabic: note(space, brainstorm.id, {
				text: 'مزيد من الأشجار',
				language: 'ar',
				createdAt: at(4)
			}),
			bikes: note(space, brainstorm.id, { text: 'Cykelstier', language: 'da', createdAt: at(5) }),
			gone: note(space, brainstorm.id, { text: 'Gone', createdAt: at(6) }),
			paper: note(space, brainstorm.id, { text: 'Bænke', language: 'da', createdAt: at(7) })
		};
		await post(ana.actor, [n.trees, n.english, n.hidden], ana.participant);
		await post(ben.actor, [n.arabic, n.bikes, n.gone], ben.participant);
		await post(staff, [n.paper]);
		await post(ben.actor, [change('note', n.gone.id, space, { deleted: true })], ben.participant);
		await hide(hub, world, space, n.hidden.id);
		const group = cluster(space, brainstorm.id, 'Green');
		await post(staff, [
			group,
			change('note', n.trees.id, space, { cluster: group.id }),
			change('note', n.arabic.id, space, { cluster: group.id })
		]);
		const carol = await world.member(space);
		await post(
			carol.actor,
			[
				vote(space, dots.id, n.trees.id, carol.participant, 3),
				vote(space, dots.id, n.english.id, carol.participant, 1),
				vote(space, dots.id, group.id, carol.participant, 1)
			],
			carol.participant
		);
		const ids = Object.fromEntries(Object.entries(n).map(([key, m]) => [key, m.id]));
		return { space, brainstorm: brainstorm.id, dots: dots.id, ids };
	}

	const workshopSummary: LanguageCount[] = [
		{ language: 'da', contributions: 3, people: 3 },
		{ language: 'ar', contributions: 1, people: 1 },
		{ language: 'en', contributions: 1, people: 1 }
	];

	async function json(space: string, query = '', actor: Actor = world.facilitator) {
		const response = await handleExportJson(
			get(space, 'export.json', query),
			space,
			ctx(hub, actor)
		);
		expect(response.status).toBe(200);
		return (await response.json()) as WorkshopJson;
	}

	it('filters the CSV export to the notes of one language, their vote counts intact', async () => {
		const { space, ids } = await workshop();
		const response = await handleExportCsv(
			get(space, 'export.csv', '?language=da'),
			space,
			ctx(hub, world.facilitator)
		);
		expect(response.status).toBe(200);
		const rows = Papa.parse<Record<string, string>>(await response.text(), { header: true }).data;
		expect(rows.map((r) => [r.text, r.language, r.votes, r.cluster_votes])).toEqual([
			['Flere træer', 'da', '3', '1'],
			['Cykelstier', 'da', '0', '0'],
			['Bænke', 'da', '0', '0']
		]);
		const all = await handleExportCsv(get(space, 'export.csv'), space, ctx(hub, world.facilitator));
		const unfiltered = Papa.parse<Record<string, string>>(await all.text(), { header: true }).data;
		expect(unfiltered.map((r) => r.language)).toEqual(['da', 'en', 'ar', 'da', 'da']);
		expect(ids.trees).toBeDefined();
	});

	it('filters the JSON export, keeps votes and clusters, and says so in the card', async () => {
		const { space, ids, brainstorm, dots } = await workshop();
		const arabic = await json(space, '?language=ar');
		expect(arabic.notes.map((n) => [n.id, n.language, n.votes, n.clusterVotes])).toEqual([
			[ids.arabic, 'ar', 0, 1]
		]);
		expect(arabic.clusters).toHaveLength(1);
		expect(arabic.results.find((r) => r.activity === brainstorm)!.notes).toBe(1);
		expect(arabic.results.find((r) => r.activity === dots)!.votes).toEqual(
			(await json(space)).results.find((r) => r.activity === dots)!.votes
		);
		expect(arabic.dataCard.how).toContain('Only notes written in "ar" are included.');
		expect((await json(space)).dataCard.how).not.toContain('Only notes');
		const pt = await json(space, '?language=pt-BR');
		expect(pt.notes).toEqual([]);
		expect(pt.results.find((r) => r.activity === brainstorm)!.notes).toBe(0);
	});

	it('sums up contributions and people per language over the whole workshop', async () => {
		const { space } = await workshop();
		const all = await json(space);
		expect(all.languages).toEqual(workshopSummary);
		// The summary ignores the filter.
		expect((await json(space, '?language=en')).languages).toEqual(workshopSummary);
		expect((await json(space, '?language=en')).notes.map((n) => n.text)).toEqual(['More trees']);
		expect(validate(all.languages, languagesSummary, openapi)).toEqual([]);
		// Anonymous counts: no author ids or names of people.
		const text = JSON.stringify(all.languages);
		expect(text).not.toContain('Ana');
		expect(text).not.toContain(world.facilitator.accountId);
	});

	it('refuses a bad language with 400 in the one error shape and changes nothing', async () => {
		const { space } = await workshop();
		const before = JSON.stringify(await json(space));
		const { n: records } = (
			await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM records WHERE space = $1', [
				space
			])
		)[0]!;
		for (const query of badQueries) {
			const answers = [
				await handleExportCsv(get(space, 'export.csv', query), space, ctx(hub, world.facilitator)),
				await handleExportJson(
					get(space, 'export.json', query),
					space,
					ctx(hub, world.facilitator)
				),
				await handleExportGeojson(get(space, 'export.geojson', query), space, ctx(hub, world.admin))
			];
			for (const response of answers) {
				expect(response.status, query).toBe(400);
				const body = (await response.json()) as { error: { code: string; message: string } };
				expect(Object.keys(body)).toEqual(['error']);
				expect(body.error.code).toBe('invalid-request');
				expect(body.error.message).toMatch(/language/i);
			}
		}
		expect(JSON.stringify(await json(space))).toBe(before);
		const after = await hub.db.query<{ n: number }>(
			'SELECT count(*)::int AS n FROM records WHERE space = $1',
			[space]
		);
		expect(Number(after[0]!.n)).toBe(Number(records));
	});

	it('still answers 401 and 403 with a good language', async () => {
		const { space } = await workshop();
		const member = await world.member(space);
		const request = () => get(space, 'export.json', '?language=da');
		expect((await handleExportJson(request(), space, ctx(hub, { kind: 'anonymous' }))).status).toBe(
			401
		);
		expect((await handleExportJson(request(), space, ctx(hub, member.actor))).status).toBe(403);
	});

	it('mentions the parameter and the unsuppressed summary in the data card', async () => {
		const { space } = await workshop();
		const response = await handleExportDataCard(space, ctx(hub, world.facilitator));
		const card = (await response.json()) as {
			parameters: { language: string };
			summaries: { languages: string };
			dataCard: { how: string };
		};
		expect(card.parameters.language).toContain('language=<code>');
		expect(card.summaries.languages).toContain('no suppression');
		expect(card.dataCard.how).toContain('without suppressing small counts');
	});

	/**
	 * A map with a Danish idea by Ana (supported by both, commented on in Danish and English by
	 * Ben, plus a hidden Danish comment), an English idea by Ben with a Danish comment by Ana,
	 * and a hidden Danish idea by Ben.
	 */
	async function map() {
		const space = await mapSpace(hub, world);
		const ana = await world.member(space);
		const ben = await world.member(space);
		const ids = { danish: newId(), english: newId(), hidden: newId() };
		await post(
			ana.actor,
			[mapIdea(space, { title: 'Flere bænke', language: 'da', createdAt: 1 }, ids.danish)],
			ana.participant
		);
		await post(
			ben.actor,
			[
				mapIdea(space, { title: 'Bike racks', createdAt: 2 }, ids.english),
				mapIdea(space, { title: 'Skjult', language: 'da', createdAt: 3 }, ids.hidden)
			],
			ben.participant
		);
		const rude = comment(space, ids.danish, { text: 'Grimt', language: 'da' });
		await post(
			ben.actor,
			[
				support(space, ids.danish, ben.participant),
				comment(space, ids.danish, { text: 'Ja tak', language: 'da' }),
				comment(space, ids.danish, { text: 'Yes please' }),
				rude
			],
			ben.participant
		);
		await post(
			ana.actor,
			[
				support(space, ids.danish, ana.participant),
				comment(space, ids.english, { text: 'Godt', language: 'da' })
			],
			ana.participant
		);
		await hide(hub, world, space, ids.hidden);
		await hide(hub, world, space, rude.id);
		return { space, ids };
	}

	const mapSummary: LanguageCount[] = [
		{ language: 'da', contributions: 3, people: 2 },
		{ language: 'en', contributions: 2, people: 1 }
	];

	async function geojson(space: string, query = '') {
		const response = await handleExportGeojson(
			get(space, 'export.geojson', query),
			space,
			ctx(hub, world.facilitator)
		);
		expect(response.status).toBe(200);
		return check(await response.text()) as unknown as IdeaCollection;
	}

	it('filters the GeoJSON export to the ideas of a language, comments counted in it', async () => {
		const { space, ids } = await map();
		const counts = (body: IdeaCollection) =>
			body.features.map((f) => [
				f.id,
				f.properties.language,
				f.properties.support,
				f.properties.comments
			]);
		expect(counts(await geojson(space))).toEqual([
			[ids.danish, 'da', 2, 2],
			[ids.english, 'en', 0, 1]
		]);
		const danish = await geojson(space, '?language=da');
		expect(counts(danish)).toEqual([[ids.danish, 'da', 2, 1]]);
		expect(danish.dataCard.how).toContain('Only ideas and comments written in "da"');
		expect(counts(await geojson(space, '?language=en'))).toEqual([[ids.english, 'en', 0, 0]]);
		expect((await geojson(space, '?language=fr')).features).toEqual([]);
	});

	it('sums up the map per language in the GeoJSON and JSON exports, whatever the filter', async () => {
		const { space } = await map();
		expect((await geojson(space)).languages).toEqual(mapSummary);
		expect((await geojson(space, '?language=en')).languages).toEqual(mapSummary);
		expect((await json(space)).languages).toEqual(mapSummary);
		const card = await handleExportDataCard(space, ctx(hub, world.facilitator));
		const body = (await card.json()) as { parameters: object; summaries: object };
		expect(Object.keys(body.parameters)).toEqual(['language']);
		expect(Object.keys(body.summaries)).toEqual(['languages']);
	});
});
