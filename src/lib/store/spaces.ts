/**
 * What this device knows about the spaces it takes part in, kept in `meta` so every page
 * works offline: the participant token per joined space (sent by the sync engine), the
 * space's public info (title, purpose, privacy notice, erase policy) and the cached staff
 * account. The token is a credential: it never leaves the device except towards its hub.
 */
import type { AccountView, PublicSpaceView } from '$lib/domain/auth';
import { getDb } from './db';
import { getMeta, metaKeys, setMeta, type Identity } from './meta';
import { watchSpace } from './remote';

type Tokens = Record<string, string>;

/** A space this device joined, with its cached public info when known. */
export interface JoinedSpace {
	id: string;
	info?: PublicSpaceView;
}

/** Every participant token on this device, by space. */
export async function spaceTokens(): Promise<Tokens> {
	return (await getMeta<Tokens>(getDb(), metaKeys.tokens)) ?? {};
}

/** The participant token of a space, if this device joined it. */
export async function spaceToken(space: string): Promise<string | undefined> {
	return (await spaceTokens())[space];
}

/** Keep (or with `null`, forget) the participant token of a space. */
export async function setSpaceToken(space: string, token: string | null): Promise<void> {
	const db = getDb();
	await db.transaction('rw', db.meta, async () => {
		const tokens = await spaceTokens();
		if (token === null) delete tokens[space];
		else tokens[space] = token;
		await setMeta(db, metaKeys.tokens, tokens);
	});
}

/** The cached public info of a space (title, purpose, notice, erase policy). */
export async function cachedSpaceInfo(space: string): Promise<PublicSpaceView | undefined> {
	return getMeta<PublicSpaceView>(getDb(), metaKeys.spaceInfo(space));
}

export async function cacheSpaceInfo(info: PublicSpaceView): Promise<void> {
	await setMeta(getDb(), metaKeys.spaceInfo(info.id), info);
}

/** After a successful join: token, info and "follow this space" in one transaction. */
export async function saveJoin(info: PublicSpaceView, token: string): Promise<void> {
	const db = getDb();
	await db.transaction('rw', db.meta, async () => {
		await setSpaceToken(info.id, token);
		await cacheSpaceInfo(info);
		await watchSpace(info.id);
	});
}

/** The spaces this device holds a token for, by title (then id). */
export async function joinedSpaces(): Promise<JoinedSpace[]> {
	const ids = Object.keys(await spaceTokens());
	const spaces = await Promise.all(
		ids.map(async (id) => {
			const info = await cachedSpaceInfo(id);
			return info ? { id, info } : { id };
		})
	);
	const label = (space: JoinedSpace) => space.info?.title ?? space.id;
	return spaces.sort((a, b) => label(a).localeCompare(label(b)) || a.id.localeCompare(b.id));
}

/** The staff account last seen logged in on this device, or null. */
export async function cachedAccount(): Promise<AccountView | null> {
	return (await getMeta<AccountView | null>(getDb(), metaKeys.account)) ?? null;
}

/** Remember the logged-in account (after login or `/auth/me`), or forget it with `null`. */
export async function setCachedAccount(account: AccountView | null): Promise<void> {
	await setMeta(getDb(), metaKeys.account, account);
}

/** What a space's page needs to know about this device's standing in it. */
export interface SpaceAccess {
	/** This device holds a participant token for the space. */
	joined: boolean;
	info?: PublicSpaceView;
	/** The cached staff account, if someone logged in on this device. */
	account: AccountView | null;
	/** This device's participant id (null before it has an identity). */
	participant: string | null;
}

/** Read-only (it runs in a `liveQuery`): the space page's view of tokens, info and identity. */
export async function spaceAccess(space: string): Promise<SpaceAccess> {
	const db = getDb();
	const [token, info, account, identity] = await Promise.all([
		spaceToken(space),
		cachedSpaceInfo(space),
		cachedAccount(),
		getMeta<Identity>(db, metaKeys.identity)
	]);
	const access: SpaceAccess = {
		joined: !!token,
		account,
		participant: identity?.participant ?? null
	};
	if (info) access.info = info;
	return access;
}
