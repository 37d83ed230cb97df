import { expect, type Locator, type Page } from '@playwright/test';

export type SyncState = 'offline' | 'waiting' | 'syncing' | 'synced' | 'error' | 'update-required';

/** The layout every page shares: header nav, sync status, update prompt. */
export class AppShell {
	readonly syncStatus: Locator;
	readonly updatePrompt: Locator;
	readonly homeLink: Locator;
	readonly settingsLink: Locator;

	constructor(readonly page: Page) {
		this.syncStatus = page.getByTestId('sync-status');
		this.updatePrompt = page.getByTestId('update-prompt');
		this.homeLink = page.getByRole('navigation').getByRole('link', { name: 'Home' });
		this.settingsLink = page.getByRole('navigation').getByRole('link', { name: 'Settings' });
	}

	/** The header's language switch, on every page: a select of each language's own name. */
	get languageSelect(): Locator {
		return this.page.getByRole('banner').getByRole('combobox');
	}

	/** Switches the language from the header, by the language's own name ("Deutsch"). */
	async switchLanguage(label: string): Promise<void> {
		await this.languageSelect.selectOption({ label });
	}

	async expectSyncState(state: SyncState | RegExp, timeout = 15_000): Promise<void> {
		await expect(this.syncStatus).toHaveAttribute('data-state', state, { timeout });
	}

	async reloadForUpdate(): Promise<void> {
		await this.updatePrompt.getByRole('button', { name: 'Reload' }).click();
	}
}
