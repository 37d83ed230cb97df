import path from 'node:path';
import { expectNoViolations } from './harness/axe';
import { expect, test } from './harness/test';
import { staffContext } from './harness/staff-api';
import { MapAdminPage } from './pages/map-admin-page';
import { FacilitatePage } from './pages/staff-pages';

const boundaryFile = path.resolve(import.meta.dirname, '../fixtures/rostock-centre.geojson');

test('a facilitator creates a map space, uploads its boundary and adds a category', async ({
	browser,
	admin,
	baseURL
}) => {
	test.setTimeout(90_000);
	const staff = await staffContext(browser, admin, baseURL!);
	try {
		const page = await staff.newPage();
		const facilitate = new FacilitatePage(page);
		await facilitate.goto();
		await expect(facilitate.heading).toBeVisible();
		const form = page.locator('form:has(#space-title)');
		if (!(await form.isVisible())) await page.locator('details.new-space > summary').click();
		await form.getByRole('radio', { name: 'Idea map' }).check();
		await page.locator('#space-title').fill('Rostock centre');
		await page.locator('#space-id').fill('rostock-centre');
		await page.locator('#space-purpose').fill('Where should benches and bike racks go?');
		await page.locator('#space-privacy').fill('We keep your ideas until the end of 2027.');
		// A latitude that is not one is refused before anything is sent.
		await page.locator('#space-map-lat').fill('north');
		await page.locator('#space-map-lng').fill('12,1405');
		await form.locator('button[type="submit"]').click();
		await expect(page.locator('#space-map-lat')).toHaveAttribute('aria-invalid', 'true');
		await page.locator('#space-map-lat').fill('54.0887');
		await form.locator('button[type="submit"]').click();
		await page.waitForURL((url) => url.pathname === '/facilitate/rostock-centre');

		await page.getByRole('link', { name: 'Map settings' }).click();
		await page.waitForURL((url) => url.pathname === '/facilitate/rostock-centre/map');
		const settings = new MapAdminPage(page);
		await settings.expectOpen('Rostock centre');
		await expect(settings.lat).toHaveValue('54.0887');
		await expect(settings.lng).toHaveValue('12.1405');
		await expect(settings.zoom).toHaveValue('13');
		await expect(settings.categoryName(0)).toHaveValue('Idea');
		await expect(settings.boundarySummary).toHaveText('No boundary: ideas may be placed anywhere.');

		// A file that is not GeoJSON says why; the fixture's one area is taken, its point left out.
		await settings.boundaryFile.setInputFiles({
			name: 'notes.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"type": "Point", "coordinates": [12.14, 54.09]}')
		});
		await expect(settings.boundaryError).toContainText('This GeoJSON has no area');
		await settings.boundaryFile.setInputFiles(boundaryFile);
		await expect(settings.boundaryError).toHaveText('');
		await expect(settings.boundarySummary).toHaveText('The boundary has 6 corners.');
		await expect(settings.map.locator('.leaflet-overlay-pane path')).toHaveCount(1);

		await settings.addCategoryNamed('Bike parking');
		await expect(settings.categories).toHaveCount(2);
		await page.locator('#category-1-icon').selectOption({ label: 'Bicycle' });
		await settings.saveSettings();

		await page.reload();
		await settings.expectOpen('Rostock centre');
		await expect(settings.boundarySummary).toHaveText('The boundary has 6 corners.');
		await expect(settings.categories).toHaveCount(2);
		await expect(settings.categoryName(1)).toHaveValue('Bike parking');
		await expect(page.locator('#category-1-icon')).toHaveValue('bike');

		// The hub has the same settings.
		const response = await admin.api.get('/api/v1/spaces/rostock-centre');
		const { space } = (await response.json()) as {
			space: { kind: string; map: { boundary: { type: string }; categories: { id: string }[] } };
		};
		expect(space.kind).toBe('map');
		expect(space.map.boundary.type).toBe('Polygon');
		expect(space.map.categories.map((c) => c.id)).toEqual(['idea', 'bike-parking']);

		await expectNoViolations(page, '/facilitate/<space>/map');
	} finally {
		await staff.close();
	}
});

test('a boundary is drawn by tapping corners, or typed as GeoJSON from the keyboard', async ({
	browser,
	admin,
	baseURL
}) => {
	const id = `map-${Date.now().toString(36)}`;
	const created = await admin.api.post('/api/v1/spaces', {
		data: {
			id,
			kind: 'map',
			title: 'Drawn map',
			purpose: 'Testing the boundary tools.',
			privacyNotice: 'Nothing is kept.',
			erasePolicy: 'delete',
			retentionUntil: null,
			published: false,
			map: {
				center: { lat: 54.0887, lng: 12.1405 },
				zoom: 15,
				boundary: null,
				categories: [{ id: 'idea', label: 'Idea', colour: '#1f6f4a', icon: 'pin' }],
				opensAt: null,
				closesAt: null
			}
		}
	});
	expect(created.status(), await created.text()).toBe(201);
	const staff = await staffContext(browser, admin, baseURL!);
	try {
		const page = await staff.newPage();
		const settings = new MapAdminPage(page);
		await settings.goto(id);
		await settings.expectOpen('Drawn map');

		await page.getByRole('button', { name: 'Draw on the map' }).click();
		const box = (await settings.map.boundingBox())!;
		const tap = (x: number, y: number) =>
			settings.map.click({ position: { x: box.width * x, y: box.height * y } });
		await tap(0.3, 0.3);
		await tap(0.7, 0.3);
		await page.getByRole('button', { name: 'Finish boundary' }).click();
		await expect(settings.boundaryError).toHaveText('A boundary needs at least three corners.');
		await tap(0.5, 0.7);
		await tap(0.2, 0.6);
		await page.getByRole('button', { name: 'Undo last corner' }).click();
		await expect(page.getByText('3 corners placed.')).toBeVisible();
		await page.getByRole('button', { name: 'Finish boundary' }).click();
		await expect(settings.boundarySummary).toHaveText('The boundary has 3 corners.');

		// The keyboard way: type GeoJSON, with an open ring that is closed for the person.
		await page.getByText('Type or paste the boundary as GeoJSON').click();
		const text = page.getByLabel('Boundary as GeoJSON');
		await text.fill(
			'{"type":"Polygon","coordinates":[[[12.13,54.08],[12.15,54.08],[12.15,54.1],[12.13,54.1]]]}'
		);
		await page.getByRole('button', { name: 'Use this GeoJSON' }).click();
		await expect(settings.boundarySummary).toHaveText('The boundary has 4 corners.');
		await settings.saveSettings();

		const response = await admin.api.get(`/api/v1/spaces/${id}`);
		const { space } = (await response.json()) as {
			space: { map: { boundary: { coordinates: number[][][] } } };
		};
		expect(space.map.boundary.coordinates[0]).toHaveLength(5);
	} finally {
		await staff.close();
	}
});
