/**
 * The participant's calls to the hub outside the sync loop: look a space up by its join code,
 * join it, change one's display name, report a contribution, download and erase one's data.
 * Each needs the hub, so an
 * unreachable hub answers `needs-connection` (the UI says so plainly). Calls about a joined
 * space carry that space's participant token.
 */
import type { PublicSpaceView } from '$lib/domain/auth';
import { PlazaError } from '$lib/domain/errors';
import type { RemoteRecord } from '$lib/domain/protocol';
import { getIdentity, setDisplayName } from '$lib/store/identity';
import { eraseLocalData } from '$lib/store/my-data';
import { cacheSpaceInfo, saveJoin, spaceToken, spaceTokens } from '$lib/store/spaces';
import { api as defaultApi, type Api, type RequestOptions } from './api';

/** What the hub holds about this participant in one space (GET /api/v1/me/data). */
export interface MyHubData {
	space: string;
	participant: string;
	records: RemoteRecord[];
}

async function call<T>(client: Api, path: string, options: RequestOptions = {}): Promise<T> {
	try {
		return await client.request<T>(path, options);
	} catch (error) {
		if (error instanceof PlazaError && error.code === 'network')
			throw new PlazaError('needs-connection', 'This needs a connection to the hub.', 0);
		throw error;
	}
}

/**
 * Only the public fields: a facilitator's join code and staff list are not cached. The
 * workshop fields default as for a space made before workshops existed.
 */
export function publicView(view: PublicSpaceView): PublicSpaceView {
	const { id, title, purpose, privacyNotice, erasePolicy, retentionUntil, published, status } =
		view;
	return {
		id,
		title,
		purpose,
		privacyNotice,
		erasePolicy,
		retentionUntil,
		published,
		status,
		kind: view.kind ?? 'ideas',
		date: view.date ?? null,
		place: view.place ?? '',
		languages: view.languages ?? [],
		map: view.map ?? null,
		pledge: view.pledge ?? null,
		impactPublic: view.impactPublic ?? false,
		language: view.language ?? '',
		translations: view.translations ?? {}
	};
}

/** A join code as people type it: any case, spaces or dashes between the groups. */
export function normaliseJoinCode(input: string): string {
	return input.toUpperCase().replace(/[\s-]/g, '');
}

/** The public view of the space behind a join code, shown before joining. */
export async function lookUpJoinCode(code: string, client = defaultApi): Promise<PublicSpaceView> {
	const path = `/api/v1/join/${encodeURIComponent(normaliseJoinCode(code))}`;
	const { space } = await call<{ space: PublicSpaceView }>(client, path);
	return space;
}

/**
 * Join a space: the hub answers with a participant token, kept with the space's info (so its
 * pages work offline). A non-empty display name also becomes this device's name on ideas.
 */
export async function joinSpace(
	code: string,
	displayName = '',
	client = defaultApi
): Promise<PublicSpaceView> {
	const name = displayName.trim();
	if (name) await setDisplayName(name);
	const { participant } = await getIdentity();
	const body = {
		code: normaliseJoinCode(code),
		participant,
		...(name ? { displayName: name } : {})
	};
	const answer = await call<{ space: PublicSpaceView; token: string }>(client, '/api/v1/join', {
		method: 'POST',
		body: JSON.stringify(body)
	});
	const info = publicView(answer.space);
	await saveJoin(info, answer.token);
	return info;
}

/** How a new display name fared on the hub: the joined spaces it reached, and those it did not. */
export interface NameUpdate {
	updated: string[];
	failed: { space: string; code: string }[];
}

/**
 * Change this device's display name: on the device first (it is the name on new ideas, and
 * it stays even when the hub is away), then on the hub for every space this device joined.
 * Nothing is queued for later: a space the hub did not confirm is reported in `failed`
 * (`needs-connection` offline), so the person can simply save again once online.
 */
export async function updateDisplayName(name: string, client = defaultApi): Promise<NameUpdate> {
	const displayName = name.trim();
	await setDisplayName(displayName);
	const result: NameUpdate = { updated: [], failed: [] };
	const spaces = Object.entries(await spaceTokens()).sort(([a], [b]) => a.localeCompare(b));
	for (const [space, token] of spaces) {
		try {
			await call(client, `/api/v1/me?${new URLSearchParams({ space })}`, {
				method: 'PATCH',
				body: JSON.stringify({ displayName }),
				token
			});
			result.updated.push(space);
		} catch (error) {
			result.failed.push({ space, code: error instanceof PlazaError ? error.code : 'unknown' });
		}
	}
	return result;
}

async function tokenFor(space: string): Promise<string | null> {
	return (await spaceToken(space)) ?? null;
}

/** Refresh the cached public info of a space (title, notice, status), if the hub answers. */
export async function refreshSpaceInfo(space: string, client = defaultApi): Promise<void> {
	const path = `/api/v1/spaces/${encodeURIComponent(space)}`;
	const body = await call<PublicSpaceView | { space: PublicSpaceView }>(client, path, {
		token: await tokenFor(space)
	});
	await cacheSpaceInfo(publicView('space' in body ? body.space : body));
}

/** Report someone else's contribution to the space's facilitators. */
export async function reportRecord(
	space: string,
	record: string,
	reason: string,
	client = defaultApi
): Promise<void> {
	const path = `/api/v1/spaces/${encodeURIComponent(space)}/records/${encodeURIComponent(record)}/report`;
	await call(client, path, {
		method: 'POST',
		body: JSON.stringify({ reason }),
		token: await tokenFor(space)
	});
}

function myDataPath(space: string): string {
	return `/api/v1/me/data?${new URLSearchParams({ space })}`;
}

/** Everything the hub holds that this participant contributed to a space. */
export async function downloadMyData(space: string, client = defaultApi): Promise<MyHubData> {
	return call<MyHubData>(client, myDataPath(space), { token: await tokenFor(space) });
}

/**
 * Erase this participant's data in a space: the hub first (deletes or anonymises per the
 * space's policy, revokes the token), then, only once it confirmed, this device's copy.
 */
export async function eraseMyData(space: string, client = defaultApi): Promise<void> {
	await call(client, myDataPath(space), { method: 'DELETE', token: await tokenFor(space) });
	await eraseLocalData(space);
}
