import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** `/settings`: language, display name, storage, unsynced export, version. */
export class SettingsPage extends AppShell {
	readonly language: Locator;
	readonly displayName: Locator;
	readonly appVersion: Locator;
	readonly exportButton: Locator;
	readonly saveName: Locator;
	readonly nameRemark: Locator;

	constructor(page: Page) {
		super(page);
		// Found by its options, whose names (English, Deutsch, Français) are the same in every
		// language, so it is still found after switching.
		this.language = page
			.getByRole('combobox')
			.filter({ has: page.getByRole('option', { name: 'Deutsch' }) })
			.first();
		this.displayName = page.getByLabel('Display name', { exact: true });
		this.appVersion = page.getByTestId('app-version');
		this.exportButton = page.getByRole('button', { name: 'Save unsynced changes as a file' });
		this.saveName = page.getByRole('button', { name: 'Save name', exact: true });
		this.nameRemark = page.getByTestId('name-remark');
	}

	async goto(): Promise<void> {
		await this.page.goto('/settings');
	}
}
