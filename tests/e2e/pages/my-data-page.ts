import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** `/me` "My data": per joined space, what I contributed, download and erase. */
export class MyDataPage extends AppShell {
	readonly heading: Locator;

	constructor(page: Page) {
		super(page);
		this.heading = page.getByRole('heading', { level: 1 });
	}

	async goto(): Promise<void> {
		await this.page.goto('/me');
	}

	/** The part of the page about one space, found by the space's title. */
	section(spaceTitle: string): Locator {
		return this.page.getByRole('region', { name: spaceTitle });
	}

	contribution(title: string): Locator {
		return this.page.getByRole('listitem').filter({ hasText: title });
	}

	async download(spaceTitle: string): Promise<Download> {
		const downloading = this.page.waitForEvent('download');
		await this.section(spaceTitle)
			.getByRole('button', { name: /^Download my data/ })
			.click();
		return downloading;
	}

	/** "Erase my data", then the confirm step. */
	async erase(spaceTitle: string): Promise<void> {
		const section = this.section(spaceTitle);
		await section.getByRole('button', { name: /^Erase my data/ }).click();
		await this.page.getByRole('button', { name: 'Yes, erase my data' }).click();
		await expect(this.page.getByText(`Your data in ${spaceTitle} was erased.`)).toBeVisible();
	}
}
