/**
 * Facilitator capture: after the workshop, paper cards are typed in quickly (Enter adds a card
 * and clears the field) and a photo of the wall is added, all while offline. Back online, the
 * hub holds the three notes, the photo record and its blob, byte for byte as stored. The
 * photo's caption is edited afterwards and reaches the hub and the JSON export.
 */
import { createHash } from 'node:crypto';
import { pullLive } from '../fixtures/hub';
import { createWorkshop, staffContext } from './harness/staff-api';
import { expect, test } from './harness/test';
import { WorkshopBuilderPage } from './pages/workshop-builder';

const brainstorm = 'What did the paper cards say?';
const cards = ['More benches by the river', 'A tool library', 'Night bus on weekends'];

test('captures three cards and a photo offline; the hub holds them once online', async ({
	browser,
	admin,
	hub,
	baseURL
}) => {
	test.setTimeout(120_000);
	const workshop = await createWorkshop(admin);
	const staff = await staffContext(browser, admin, baseURL!);
	try {
		const builder = new WorkshopBuilderPage(await staff.newPage());
		await builder.goto(workshop.id);
		await builder.add('brainstorm', brainstorm);
		await builder.useThemes(brainstorm);
		await builder.open(brainstorm);

		const page = builder.page;
		await page.goto(`/facilitate/${workshop.id}/capture`);
		const field = page.getByLabel('Card text');
		await expect(field).toBeVisible();
		await expect(page.locator('#capture-activity option:checked')).toHaveText(brainstorm);

		await staff.setOffline(true);
		// Alt+7 is the seventh preset theme ("Other"); it sticks for the following cards.
		await field.press('Alt+Digit7');
		await expect(page.getByRole('radio', { name: /Other/ })).toBeChecked();
		for (const card of cards) {
			await field.fill(card);
			await field.press('Enter');
			await expect(field).toHaveValue('');
		}

		// A small PNG drawn by the browser itself stands in for the camera.
		const png = await page.evaluate(() => {
			const canvas = document.createElement('canvas');
			canvas.width = 40;
			canvas.height = 30;
			const context = canvas.getContext('2d')!;
			context.fillStyle = '#2a7';
			context.fillRect(0, 0, 40, 30);
			return canvas.toDataURL('image/png').split(',')[1]!;
		});
		await page.getByLabel('Add photo').setInputFiles({
			name: 'wall.png',
			mimeType: 'image/png',
			buffer: Buffer.from(png, 'base64')
		});

		const items = page.getByTestId('captured-item');
		await expect(items).toHaveCount(4);
		await expect(page.getByTestId('capture-thumb')).toBeVisible();
		await expect(page.getByTestId('capture-thumb')).toHaveAttribute('src', /^blob:/);
		for (const item of await items.all())
			await expect(item.getByTestId('sync-badge')).toHaveAttribute('data-state', 'waiting');

		await staff.setOffline(false);
		for (const item of await items.all())
			await expect(item.getByTestId('sync-badge')).toHaveAttribute('data-state', 'confirmed', {
				timeout: 30_000
			});

		const records = await pullLive(hub.url, workshop.id, { cookie: admin.cookie });
		const notes = records.filter((r) => r.type === 'note');
		expect(notes.map((n) => n.fields.text).sort()).toEqual([...cards].sort());
		for (const note of notes) {
			expect(note.fields.authorName).toBe('');
			expect(note.fields.category).toBe('other');
		}
		const photos = records.filter((r) => r.type === 'photo');
		expect(photos).toHaveLength(1);
		const sha256 = String(photos[0]!.fields.sha256);

		// The facilitator captions the photo; the caption syncs like any change.
		const caption = page.getByTestId('photo-caption');
		await expect(caption.getByLabel('Caption')).toHaveValue('');
		await expect(caption.getByRole('button', { name: 'Save caption' })).toBeDisabled();
		await caption.getByLabel('Caption').fill('  The wall of cards, green corner ');
		await caption.getByRole('button', { name: 'Save caption' }).click();
		await expect(caption.getByRole('status')).toBeVisible();
		await expect(caption.getByLabel('Caption')).toHaveValue('The wall of cards, green corner');
		await expect(page.getByTestId('capture-thumb')).toHaveAttribute(
			'alt',
			'The wall of cards, green corner'
		);
		await expect
			.poll(
				async () =>
					(await pullLive(hub.url, workshop.id, { cookie: admin.cookie })).find(
						(r) => r.type === 'photo'
					)?.fields.caption,
				{ timeout: 20_000 }
			)
			.toBe('The wall of cards, green corner');
		const exported = await admin.api.get(`/api/v1/spaces/${workshop.id}/export.json`);
		const body = (await exported.json()) as { photos: Record<string, unknown>[] };
		expect(body.photos).toEqual([
			expect.objectContaining({
				sha256,
				caption: 'The wall of cards, green corner',
				url: `/api/v1/blobs/${sha256}?space=${workshop.id}`
			})
		]);

		const blob = await admin.api.get(`/api/v1/blobs/${sha256}?space=${workshop.id}`);
		expect(blob.status()).toBe(200);
		expect(blob.headers()['content-type']).toBe('image/jpeg');
		expect(
			createHash('sha256')
				.update(await blob.body())
				.digest('hex')
		).toBe(sha256);
	} finally {
		await staff.close();
	}
});
