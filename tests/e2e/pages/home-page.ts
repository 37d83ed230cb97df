import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** `/`: join a space by its code; the spaces this device has joined; the way in for staff. */
export class HomePage extends AppShell {
	readonly heading: Locator;
	readonly joinCode: Locator;
	readonly continueButton: Locator;
	readonly staffLink: Locator;

	constructor(page: Page) {
		super(page);
		this.heading = page.getByRole('heading', { level: 1 });
		this.joinCode = page.getByLabel('Join code', { exact: true });
		this.continueButton = page.getByRole('button', { name: 'Continue', exact: true });
		this.staffLink = page.getByRole('link', { name: 'I run workshops' });
	}

	async goto(): Promise<void> {
		await this.page.goto('/');
	}

	/** Types a join code and continues to `/join/<code>`. */
	async enterCode(code: string): Promise<void> {
		await this.joinCode.fill(code);
		await this.continueButton.click();
	}
}
