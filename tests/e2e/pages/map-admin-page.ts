import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';

/**
 * `/facilitate/<space>/map`: a map space's settings — centre and zoom (with a small map),
 * the boundary (file, GeoJSON text or drawn), the categories and the open period.
 */
export class MapAdminPage extends AppShell {
	readonly heading: Locator;
	readonly map: Locator;
	readonly lat: Locator;
	readonly lng: Locator;
	readonly zoom: Locator;
	readonly useView: Locator;
	readonly boundaryFile: Locator;
	readonly boundarySummary: Locator;
	readonly boundaryError: Locator;
	readonly categories: Locator;
	readonly newCategory: Locator;
	readonly addCategory: Locator;
	readonly opensAt: Locator;
	readonly closesAt: Locator;
	readonly save: Locator;
	readonly saved: Locator;

	constructor(page: Page) {
		super(page);
		this.heading = page.getByRole('heading', { level: 1 });
		this.map = page.getByTestId('map-settings-map');
		this.lat = page.getByLabel('Latitude of the centre');
		this.lng = page.getByLabel('Longitude of the centre');
		this.zoom = page.getByLabel('Zoom', { exact: true });
		this.useView = page.getByRole('button', { name: 'Use the map’s current view' });
		this.boundaryFile = page.getByLabel('Upload a GeoJSON file');
		this.boundarySummary = page.getByTestId('boundary-summary');
		this.boundaryError = page.getByTestId('boundary-error');
		this.categories = page.getByTestId('category-list').locator('> li');
		this.newCategory = page.getByLabel('Name of a new category');
		this.addCategory = page.getByRole('button', { name: 'Add category' });
		this.opensAt = page.getByLabel('Opens');
		this.closesAt = page.getByLabel('Closes');
		this.save = page.getByRole('button', { name: 'Save map settings' });
		this.saved = page.getByTestId('map-settings-status');
	}

	async goto(space: string): Promise<void> {
		await this.page.goto(`/facilitate/${space}/map`);
	}

	async expectOpen(title: string): Promise<void> {
		await expect(this.heading).toHaveText(`Map settings: ${title}`);
		await expect(this.map.locator('img.leaflet-tile').first()).toBeAttached();
	}

	/** The name field of category number `index` (0-based). */
	categoryName(index: number): Locator {
		return this.page.locator(`#category-${index}-label`);
	}

	async addCategoryNamed(label: string): Promise<void> {
		await this.newCategory.fill(label);
		await this.addCategory.click();
		await expect(this.newCategory).toHaveValue('');
	}

	async saveSettings(): Promise<void> {
		await this.save.click();
		await expect(this.saved).toHaveText('Map settings saved.');
	}
}
