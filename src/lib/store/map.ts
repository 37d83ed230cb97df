/**
 * A participant's idea-map writes over the generic write path (write.ts): map ideas with
 * their geometry and photos, supports (once per person, by `supportTarget`) and comments.
 * Photo bytes are kept as blobs first (blobs.ts), so the push holds the idea's outbox row until
 * the hub has every photo it names. The hub has the last word on categories, the boundary and
 * the open period; its refusals show on the record.
 */
import { PlazaError } from '$lib/domain/errors';
import { oncePerPersonId } from '$lib/domain/ids';
import type { Fields } from '$lib/domain/merge';
import {
	mapLimits,
	parsePhotos,
	supportTarget,
	type CommentFields,
	type IdeaGeometry,
	type MapIdeaFields
} from '$lib/domain/records';
import { storeBlob } from './blobs';
import { getDb } from './db';
import { ensureIdentity } from './meta';
import { createRecord, deleteRecord, putOncePerPerson, updateRecord } from './write';

/** Bytes of a compressed photo, ready to keep as a blob. */
export interface PhotoBytes {
	bytes: Uint8Array;
	type: string;
}

/** What a person gives for a map idea; the store adds the creation time. */
export interface MapIdeaInput {
	title: string;
	text: string;
	category: string;
	geometry: IdeaGeometry;
	language: string;
	authorName: string;
}

/** A change to a map idea; `photos` is the whole new list of blob names (kept + new). */
export type MapIdeaChange = Partial<
	Pick<MapIdeaInput, 'title' | 'text' | 'category' | 'geometry'>
> & { photos?: string[] };

async function storePhotos(space: string, photos: PhotoBytes[]): Promise<string[]> {
	const names: string[] = [];
	for (const photo of photos) names.push(await storeBlob(space, photo.bytes, photo.type));
	return [...new Set(names)];
}

function checkPhotoCount(count: number): void {
	if (count > mapLimits.photos)
		throw new PlazaError('invalid-record', `An idea has at most ${mapLimits.photos} photos.`);
}

/**
 * Add an idea to a map space with up to three photos; returns its id. The blobs are stored
 * first: a crash in between leaves only bytes that are uploaded and never shown.
 */
export async function addMapIdea(
	space: string,
	input: MapIdeaInput,
	photos: PhotoBytes[] = []
): Promise<string> {
	checkPhotoCount(photos.length);
	const names = await storePhotos(space, photos);
	const { geometry, ...rest } = input;
	const fields: Omit<MapIdeaFields, 'createdAt'> = {
		...rest,
		geometry: JSON.stringify(geometry),
		photos: JSON.stringify(names)
	};
	return createRecord('mapIdea', space, fields as unknown as Fields);
}

/** A live map idea of this device, or a `not-found` error. */
async function liveIdea(id: string) {
	const record = await getDb().records.get(id);
	if (!record || record.deleted || record.type !== 'mapIdea')
		throw new PlazaError('not-found', 'This idea no longer exists.', 404);
	return record;
}

/**
 * Change a map idea (text, category, geometry — a dragged pin — or photos); `newPhotos` are
 * kept as blobs and appended to `change.photos` (or to the current list). {} writes nothing.
 */
export async function updateMapIdea(
	id: string,
	change: MapIdeaChange,
	newPhotos: PhotoBytes[] = []
): Promise<void> {
	const { geometry, photos, ...rest } = change;
	const patch: Fields = { ...rest };
	if (geometry) patch.geometry = JSON.stringify(geometry);
	if (photos || newPhotos.length > 0) {
		const record = await liveIdea(id);
		const current = photos ?? parsePhotos(String(record.fields.photos)) ?? [];
		checkPhotoCount(current.length + newPhotos.length);
		const added = await storePhotos(record.space, newPhotos);
		patch.photos = JSON.stringify([...new Set([...current, ...added])]);
	}
	await updateRecord(id, patch);
}

/** Delete a map idea (a tombstone, like every delete). */
export async function deleteMapIdea(id: string): Promise<void> {
	await deleteRecord(id);
}

/** The id of this person's support of `idea` (the same on every device of theirs). */
export async function supportId(space: string, idea: string): Promise<string> {
	const db = getDb();
	const { participant } = await db.transaction('rw', db.meta, () => ensureIdentity(db));
	return oncePerPersonId(space, supportTarget(idea), participant);
}

/** Support an idea (once: a second call changes nothing but the time); returns the support id. */
export async function supportIdea(space: string, idea: string): Promise<string> {
	await liveIdea(idea);
	const fields: Fields = { idea, createdAt: Date.now() };
	return putOncePerPerson('support', space, supportTarget(idea), fields);
}

/** Withdraw this person's support of an idea; nothing happens when there is none. */
export async function withdrawSupport(space: string, idea: string): Promise<void> {
	const record = await getDb().records.get(await supportId(space, idea));
	if (record && !record.deleted) await deleteRecord(record.id);
}

/** Support the idea, or withdraw the support when given; returns whether it is supported now. */
export async function toggleSupport(space: string, idea: string): Promise<boolean> {
	const record = await getDb().records.get(await supportId(space, idea));
	if (record && !record.deleted) {
		await deleteRecord(record.id);
		return false;
	}
	await supportIdea(space, idea);
	return true;
}

/** What a person writes in a comment; the store adds the creation time. */
export type CommentInput = Pick<CommentFields, 'text' | 'language' | 'authorName'>;

/** Comment on a map idea of this space; returns the comment's id. */
export async function addComment(space: string, idea: string, input: CommentInput) {
	const record = await liveIdea(idea);
	if (record.space !== space) throw new PlazaError('not-found', 'This idea is not here.', 404);
	return createRecord('comment', space, { ...input, idea });
}

/** Delete a comment (one's own: the hub refuses someone else's). */
export async function deleteComment(id: string): Promise<void> {
	await deleteRecord(id);
}
