import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';

/**
 * `/facilitate/<space>/offline-map`: a small map of the space, the area to save (the visible
 * area or the space's boundary) and its zoom range, the tile count and size shown before
 * saving, progress, and the areas saved on this device.
 */
export class OfflineMapPage extends AppShell {
	readonly heading: Locator;
	readonly map: Locator;
	readonly useVisible: Locator;
	readonly useBoundary: Locator;
	readonly zoomMin: Locator;
	readonly zoomMax: Locator;
	readonly plan: Locator;
	readonly overCap: Locator;
	readonly save: Locator;
	readonly cancel: Locator;
	readonly outcome: Locator;
	readonly savedAreas: Locator;
	readonly notAllowed: Locator;

	constructor(page: Page) {
		super(page);
		this.heading = page.getByRole('heading', { level: 1 });
		this.map = page.getByTestId('offline-area-map');
		this.useVisible = page.getByRole('radio', { name: 'The visible area of the map' });
		this.useBoundary = page.getByRole('radio', { name: "The space's boundary" });
		this.zoomMin = page.getByLabel('From zoom');
		this.zoomMax = page.getByLabel('To zoom');
		this.plan = page.getByTestId('area-plan');
		this.overCap = page.getByTestId('over-cap');
		this.save = page.getByTestId('save-area');
		this.cancel = page.getByTestId('cancel-save');
		this.outcome = page.getByTestId('save-outcome');
		this.savedAreas = page.getByTestId('saved-area');
		this.notAllowed = page.getByTestId('bulk-not-allowed');
	}

	async goto(space: string): Promise<void> {
		await this.page.goto(`/facilitate/${space}/offline-map`);
	}

	async expectOpen(): Promise<void> {
		await expect(this.heading).toHaveText('Save the map for offline use');
		await expect(this.map.locator('img.leaflet-tile').first()).toBeAttached();
	}

	/** Chooses the area and zoom range; the plan then shows the tile count before saving. */
	async choose(area: 'visible' | 'boundary', zMin: number, zMax: number): Promise<void> {
		await (area === 'boundary' ? this.useBoundary : this.useVisible).check();
		await this.zoomMax.selectOption(String(zMax));
		await this.zoomMin.selectOption(String(zMin));
	}

	/** Saves the chosen area and waits until the page says it is done. */
	async saveChosen(): Promise<void> {
		await this.save.click();
		await expect(this.outcome).toContainText('Saved:', { timeout: 60_000 });
	}
}
