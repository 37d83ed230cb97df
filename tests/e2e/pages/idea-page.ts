import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** `/s/<space>/ideas/<id>`: edit or delete one idea. */
export class IdeaPage extends AppShell {
	readonly title: Locator;
	readonly description: Locator;
	readonly category: Locator;
	readonly saveButton: Locator;
	readonly deleteButton: Locator;

	constructor(page: Page) {
		super(page);
		this.title = page.getByLabel('Title', { exact: true });
		this.description = page.getByLabel('Description', { exact: true });
		this.category = page.getByLabel('Category', { exact: true });
		this.saveButton = page.getByRole('button', { name: 'Save', exact: true });
		this.deleteButton = page.getByRole('button', { name: /^Delete/ });
	}

	async goto(space: string, id: string): Promise<void> {
		await this.page.goto(`/s/${space}/ideas/${id}`);
		await expect(this.title).not.toHaveValue('');
	}

	async rename(title: string): Promise<void> {
		await expect(this.title).not.toHaveValue('');
		await this.title.fill(title);
		await this.saveButton.click();
		// The app returns to the space once the edit is stored; leaving earlier could cut the write.
		await this.page.waitForURL((url) => /^\/s\/[^/]+$/.test(url.pathname));
	}

	async delete(): Promise<void> {
		await this.deleteButton.click();
	}
}
