import { describe, expect, it } from 'vitest';
import type { NoteView } from '$lib/store';
import type { PhotoView } from '$lib/store/blobs';
import { fitWithin } from '$lib/ui/workshop/capture/compress';
import { capturedItems } from '$lib/ui/workshop/capture/items';

describe('fitWithin', () => {
	it('scales the longest side down to 1600 px, keeping the shape', () => {
		expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
		expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
	});

	it('never enlarges a small image', () => {
		expect(fitWithin(640, 480)).toEqual({ width: 640, height: 480 });
	});
});

describe('capturedItems', () => {
	const view = (id: string, author: string, createdAt: number) => ({
		id,
		space: 'park',
		author,
		syncState: 'waiting' as const,
		fields: { createdAt }
	});

	it("lists this device's notes and photos, newest first", () => {
		const notes = [view('n1', 'me', 1), view('n2', 'someone', 2), view('n3', 'me', 4)];
		const photos = [view('p1', 'me', 3)];
		const items = capturedItems(
			notes as unknown as NoteView[],
			photos as unknown as PhotoView[],
			'me'
		);
		expect(items.map((item) => [item.kind, item.record.id])).toEqual([
			['note', 'n3'],
			['photo', 'p1'],
			['note', 'n1']
		]);
	});
});
