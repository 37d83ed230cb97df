/**
 * What the capture page lists: the notes and photos this device added to an activity, newest
 * first, so the card just typed is on top.
 */
import type { NoteView } from '$lib/store';
import type { PhotoView } from '$lib/store/blobs';

export type CapturedItem =
	{ kind: 'note'; record: NoteView } | { kind: 'photo'; record: PhotoView };

export function capturedItems(notes: NoteView[], photos: PhotoView[], me: string): CapturedItem[] {
	const items: CapturedItem[] = [
		...notes.filter((n) => n.author === me).map((record) => ({ kind: 'note' as const, record })),
		...photos.filter((p) => p.author === me).map((record) => ({ kind: 'photo' as const, record }))
	];
	return items.sort((a, b) => b.record.fields.createdAt - a.record.fields.createdAt);
}
