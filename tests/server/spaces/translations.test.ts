import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, SpaceView } from '../../../src/lib/domain/auth';
import type { Mutation, MutationResult } from '../../../src/lib/domain/protocol';
import type { Hub } from '../../../src/lib/server/hub';
import { handleGetSpace, handleUpdateSpace } from '../../../src/lib/server/spaces/handlers';
import { handleDuplicateSpace } from '../../../src/lib/server/workshop/duplicate';
import { anonymous, count, ctx, invite, request, setUpHub, type Staff } from '../auth/kit';
import { engines, type TestDatabase } from '../engines';
import { device, push, stateOf } from '../helpers';
import { mapSettings } from '../map/kit';
import { activity } from '../workshop/fixtures';
import { createSpace } from './kit';

type ErrorBody = { error: { code: string; message: string } };

describe.each(engines)('texts in several languages on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let admin: Staff;
	let fay: Staff;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		admin = await setUpHub(hub);
		fay = await invite(hub, admin, 'fay@example.org');
	});
	afterAll(() => database.drop());

	const update = (id: string, body: unknown, actor: Actor = fay.actor) =>
		handleUpdateSpace(request('PATCH', `/api/v1/spaces/${id}`, body), id, ctx(hub, actor));
	const get = async (id: string, actor: Actor = anonymous) =>
		((await (await handleGetSpace(id, ctx(hub, actor))).json()) as { space: SpaceView }).space;

	async function send(mutations: Mutation[]): Promise<MutationResult[]> {
		const response = await push(hub, device().body([mutations]), fay.actor);
		return response.results[0]!.mutations;
	}

	it('keeps a space without translations as before: no language, none', async () => {
		const space = await createSpace(hub, fay);
		expect(space.language).toBe('');
		expect(space.translations).toEqual({});
	});

	it('stores the language and translations, drops blank texts, and shows them to anyone', async () => {
		const space = await createSpace(hub, fay, {
			kind: 'map',
			map: mapSettings(),
			published: true,
			languages: ['da', 'ar', 'uk'],
			language: 'da',
			translations: { ar: { title: 'المستأجرون', purpose: '  ' }, uk: { title: '' } }
		});
		expect(space.language).toBe('da');
		expect(space.translations).toEqual({ ar: { title: 'المستأجرون' } });
		const category = mapSettings().categories[0]!.id;
		const changed = await update(space.id, {
			translations: { ar: { title: 'المستأجرون', [`category.${category}`]: 'أشجار' } }
		});
		expect(changed.status, await changed.clone().text()).toBe(200);
		const seen = await get(space.id);
		expect(seen.language).toBe('da');
		expect(seen.translations).toEqual({
			ar: { title: 'المستأجرون', [`category.${category}`]: 'أشجار' }
		});
		expect(seen.joinCode).toBeUndefined();
	});

	it('refuses bad translations with a message naming them, changing nothing', async () => {
		const space = await createSpace(hub, fay, {
			language: 'en',
			translations: { de: { title: 'Mieter' } }
		});
		const audits = await count(hub, 'audit_log');
		const cases: [unknown, RegExp][] = [
			[{ translations: { klingon: { title: 'x' } } }, /"klingon" is not a language code/],
			[{ translations: { de: { motto: 'x' } } }, /"motto" is not a text that can be translated/],
			[{ translations: { de: { title: 'x'.repeat(141) } } }, /at most 140 characters/],
			[{ translations: { de: { title: 7 } } }, /translations/i],
			[{ translations: ['de'] }, /translations/i],
			[{ language: 'english' }, /language: A language is a code/],
			[
				{
					translations: Object.fromEntries(
						Array.from({ length: 29 }, (_, i) => [`x${String.fromCharCode(97 + i)}a`, {}])
					)
				},
				/at most 28 languages/
			]
		];
		for (const [body, message] of cases) {
			const response = await update(space.id, body);
			expect(response.status, JSON.stringify(body)).toBe(400);
			expect(((await response.json()) as ErrorBody).error.message).toMatch(message);
		}
		expect(await count(hub, 'audit_log')).toBe(audits);
		expect((await get(space.id)).translations).toEqual({ de: { title: 'Mieter' } });
	});

	it('lets only the space staff change them', async () => {
		const space = await createSpace(hub, fay, { language: 'en' });
		const body = { translations: { de: { title: 'Mieter' } } };
		expect((await update(space.id, body, anonymous)).status).toBe(401);
		const otto = await invite(hub, admin, 'otto@example.org');
		expect((await update(space.id, body, otto.actor)).status).toBe(403);
		expect((await get(space.id)).translations).toEqual({});
	});

	it('copies translations to a duplicate, except the old title', async () => {
		const source = await createSpace(hub, fay, {
			kind: 'workshop',
			language: 'en',
			translations: { de: { title: 'Mieter', purpose: 'Höfe' }, ar: { title: 'المستأجرون' } }
		});
		const response = await handleDuplicateSpace(
			request('POST', `/api/v1/spaces/${source.id}/duplicate`, {
				id: `${source.id}-copy`,
				title: 'Tenants again'
			}),
			source.id,
			ctx(hub, fay.actor)
		);
		expect(response.status, await response.clone().text()).toBe(201);
		const copy = await get(`${source.id}-copy`);
		expect(copy.language).toBe('en');
		expect(copy.translations?.de).toEqual({ purpose: 'Höfe' });
		expect(copy.translations?.ar ?? {}).toEqual({});
	});

	it('takes an activity with translations, and one without (written by an older app)', async () => {
		const space = (await createSpace(hub, fay, { kind: 'workshop', language: 'en' })).id;
		const options = JSON.stringify([{ id: 'tram', label: 'Tram' }]);
		const translated = activity(space, 'poll', {
			options,
			translations: JSON.stringify({ ar: { prompt: 'ماذا؟', 'option.tram': 'ترام' } })
		});
		const older = activity(space, 'poll', { options });
		delete older.patch.translations;
		const results = await send([translated, older]);
		expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
		const state = await stateOf(hub, space, fay.actor);
		expect(JSON.parse(String(state.get(translated.id)?.fields.translations))).toEqual({
			ar: { prompt: 'ماذا؟', 'option.tram': 'ترام' }
		});
		expect(state.get(older.id)?.fields).not.toHaveProperty('translations');
	});

	it('refuses an activity whose translations are not a translations document', async () => {
		const space = (await createSpace(hub, fay, { kind: 'workshop', language: 'en' })).id;
		const bad = [
			'not json',
			JSON.stringify({ ar: { title: 'x' } }),
			JSON.stringify({ ar: { prompt: 'x'.repeat(501) } }),
			JSON.stringify({ arabic: { prompt: 'x' } })
		];
		const results = await send(
			bad.map((translations) => activity(space, 'poll', { translations }))
		);
		expect(results.map((r) => r.status)).toEqual(bad.map(() => 'rejected'));
		for (const result of results) expect(result.message).toMatch(/translations/);
		expect((await stateOf(hub, space, fay.actor)).size).toBe(0);
	});
});
