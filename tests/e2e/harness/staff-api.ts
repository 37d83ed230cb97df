/**
 * Provisioning through the hub's own API, the way a script of a city's IT department would:
 * set the hub up (first organisation and its admin), then create spaces as that admin. Tests
 * use it for everything that is not what they test; the staff UI itself is covered by
 * staff-flow.e2e.ts.
 */
import {
	expect,
	request,
	type APIRequestContext,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions
} from '@playwright/test';
import { randomBytes } from 'node:crypto';
import type { AccountView, ErasePolicy, SpaceView } from '../../../src/lib/domain/auth';
import type { MapCategory, MapSettings } from '../../../src/lib/domain/map';
import type { PledgeCampaign } from '../../../src/lib/domain/pledge/campaign';
import type { Translations } from '../../../src/lib/domain/translations';

export const sessionCookieName = 'plaza_session';

export interface AdminSession {
	email: string;
	password: string;
	organisation: string;
	/** `plaza_session=…`, ready for a `cookie` header (pullAll). */
	cookie: string;
	account: AccountView;
	/** A request context that sends the admin's cookie. */
	api: APIRequestContext;
}

/** A space created by the admin; participants join it with `joinCode`. */
export interface ProvisionedSpace {
	id: string;
	title: string;
	purpose: string;
	privacyNotice: string;
	erasePolicy: ErasePolicy;
	joinCode: string;
	kind: 'ideas' | 'workshop' | 'map' | 'pledge';
}

/** A map space as the tests join it: with its map settings. */
export interface ProvisionedMapSpace extends ProvisionedSpace {
	kind: 'map';
	map: MapSettings;
}

export interface SpaceOptions {
	title?: string;
	purpose?: string;
	privacyNotice?: string;
	erasePolicy?: ErasePolicy;
	published?: boolean;
	/**
	 * 'workshop' makes a workshop space (issue 4), 'map' an idea map (issue 5, with `map`),
	 * 'pledge' a pledge campaign (issue 6, with `pledge`).
	 */
	kind?: 'ideas' | 'workshop' | 'map' | 'pledge';
	map?: MapSettings;
	pledge?: PledgeCampaign;
	/** Anyone with the link may see the space's impact dashboard. */
	impactPublic?: boolean;
	/** Workshop details: day (YYYY-MM-DD), place, languages offered. */
	date?: string | null;
	place?: string;
	languages?: string[];
	/** The language the texts are written in, and their translations (issue 7). */
	language?: string;
	translations?: Translations;
}

/** POST /api/v1/setup: the hub's first organisation and its admin, logged in. */
export async function setUpHub(baseURL: string): Promise<AdminSession> {
	const api = await request.newContext({ baseURL });
	const setup = {
		organisation: 'City of Testhausen',
		name: 'Ada Admin',
		email: 'admin@testhausen.example',
		password: 'correct horse battery staple'
	};
	const response = await api.post('/api/v1/setup', { data: setup });
	expect(response.status(), await response.text()).toBe(201);
	const cookie = (await api.storageState()).cookies.find((c) => c.name === sessionCookieName);
	if (!cookie) throw new Error(`POST /api/v1/setup set no ${sessionCookieName} cookie`);
	const me = await api.get('/api/v1/auth/me');
	expect(me.status()).toBe(200);
	const { account } = (await me.json()) as { account: AccountView | null };
	if (!account) throw new Error('GET /api/v1/auth/me does not know the admin after setup');
	return {
		email: setup.email,
		password: setup.password,
		organisation: setup.organisation,
		cookie: `${cookie.name}=${cookie.value}`,
		account,
		api
	};
}

/** POST /api/v1/spaces as the admin; the id is unique, so tests on one hub never meet. */
export async function createSpace(
	admin: AdminSession,
	options: SpaceOptions = {}
): Promise<ProvisionedSpace> {
	const id = `e2e-${randomBytes(4).toString('hex')}`;
	const body = {
		id,
		title: options.title ?? `Neighbourhood ${id.slice(4)}`,
		purpose: options.purpose ?? 'Collect ideas for a cooler, greener neighbourhood.',
		privacyNotice:
			options.privacyNotice ??
			'We keep your ideas until the end of the project.\nYou can erase them at any time.',
		erasePolicy: options.erasePolicy ?? 'delete',
		retentionUntil: null,
		published: options.published ?? false
	};
	const kindSettings = [
		'kind',
		'date',
		'place',
		'languages',
		'map',
		'pledge',
		'impactPublic',
		'language',
		'translations'
	] as const;
	const extra = Object.fromEntries(
		kindSettings.flatMap((k) => (k in options ? [[k, options[k]]] : []))
	);
	const response = await admin.api.post('/api/v1/spaces', { data: { ...body, ...extra } });
	expect(response.status(), await response.text()).toBe(201);
	const { space } = (await response.json()) as { space: SpaceView };
	if (!space.joinCode) throw new Error(`POST /api/v1/spaces gave the creator no join code`);
	return { ...body, joinCode: space.joinCode, kind: options.kind ?? 'ideas' };
}

/** A workshop space (kind 'workshop') created by the admin. */
export function createWorkshop(
	admin: AdminSession,
	options: Omit<SpaceOptions, 'kind'> = {}
): Promise<ProvisionedSpace> {
	return createSpace(admin, {
		title: `Workshop ${randomBytes(3).toString('hex')}`,
		purpose: 'Plan a cooler, greener street together.',
		date: '2026-06-12',
		place: 'Town hall, room 2',
		languages: ['en', 'de'],
		...options,
		kind: 'workshop'
	});
}

export const mapCategories: MapCategory[] = [
	{ id: 'green', label: 'Greenery', colour: '#1a7f37', icon: 'tree' },
	{ id: 'seat', label: 'Benches', colour: '#9a6700', icon: 'bench' }
];

/** An idea map (kind 'map') created by the admin; `settings` override the defaults. */
export async function createMapSpace(
	admin: AdminSession,
	settings: Partial<MapSettings> = {},
	options: Omit<SpaceOptions, 'kind' | 'map'> = {}
): Promise<ProvisionedMapSpace> {
	const map: MapSettings = {
		center: { lat: 53.5503, lng: 9.9925 },
		zoom: 16,
		boundary: null,
		categories: mapCategories,
		opensAt: null,
		closesAt: null,
		...settings
	};
	const space = await createSpace(admin, {
		title: `Map ${randomBytes(3).toString('hex')}`,
		purpose: 'Where should the neighbourhood get benches and trees?',
		...options,
		kind: 'map',
		map
	});
	return { ...space, kind: 'map', map };
}

/** A new browser context logged in as the admin (its session cookie), for staff pages. */
export async function staffContext(
	browser: Browser,
	admin: AdminSession,
	baseURL: string,
	options: BrowserContextOptions = {}
): Promise<BrowserContext> {
	const context = await browser.newContext({ ...options, baseURL });
	const value = admin.cookie.slice(sessionCookieName.length + 1);
	await context.addCookies([{ name: sessionCookieName, value, url: baseURL }]);
	return context;
}
