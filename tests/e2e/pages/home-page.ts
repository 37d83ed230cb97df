import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** `/`: open a space by name; the spaces this device has used. */
export class HomePage extends AppShell {
	readonly heading: Locator;
	readonly spaceName: Locator;
	readonly openButton: Locator;

	constructor(page: Page) {
		super(page);
		this.heading = page.getByRole('heading', { level: 1 });
		this.spaceName = page.getByLabel('Space name');
		this.openButton = page.getByRole('button', { name: 'Open space' });
	}

	async goto(): Promise<void> {
		await this.page.goto('/');
	}

	async openSpace(name: string): Promise<void> {
		await this.spaceName.fill(name);
		await this.openButton.click();
	}
}
