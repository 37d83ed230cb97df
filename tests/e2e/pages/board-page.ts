import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';

/**
 * `/facilitate/<space>`: the join code, link and QR code, the settings, the facilitators, the
 * participants, and the contributions with Hide (asks for a reason) and Unhide.
 */
export class BoardPage extends AppShell {
	readonly heading: Locator;
	readonly joinLink: Locator;
	/** The join link as a QR code, drawn on the device. */
	readonly qrCode: Locator;
	readonly contributions: Locator;
	readonly facilitators: Locator;
	readonly participants: Locator;
	readonly settings: Locator;

	constructor(page: Page) {
		super(page);
		this.heading = page.getByRole('heading', { level: 1 });
		this.joinLink = page.getByTestId('join-link');
		this.qrCode = page.getByTestId('join-qr');
		this.contributions = page.getByTestId('contribution');
		this.facilitators = page.getByTestId('facilitator-list');
		this.participants = page.getByTestId('participant-list');
		this.settings = page.getByTestId('space-settings');
	}

	async goto(space: string): Promise<void> {
		await this.page.goto(`/facilitate/${space}`);
	}

	/** The absolute join link shown to pass on. */
	async joinUrl(): Promise<string> {
		await expect(this.joinLink).toBeVisible();
		const value = await this.joinLink.evaluate((element) =>
			element instanceof HTMLInputElement ? element.value : (element.textContent ?? '')
		);
		return value.trim();
	}

	contribution(title: string): Locator {
		return this.contributions.filter({ hasText: title });
	}

	/** The button that opens the "Hide" dialog of a contribution. */
	hideButton(title: string): Locator {
		return this.contribution(title).getByRole('button', { name: /^Hide/ });
	}

	async hide(title: string, reason: string): Promise<void> {
		await this.hideButton(title).click();
		const dialog = this.page.getByRole('dialog');
		await dialog.getByLabel('Reason', { exact: true }).fill(reason);
		await dialog.getByRole('button', { name: 'Hide', exact: true }).click();
		await expect(dialog).toBeHidden();
	}

	/** Adds the account named `name` (as the select shows it, "Name (email)") as a facilitator. */
	async addFacilitator(name: string): Promise<void> {
		const select = this.page.locator('#facilitator-account');
		const option = select.locator('option').filter({ hasText: name });
		await select.selectOption({ label: (await option.textContent())?.trim() ?? name });
		await this.page.locator('form:has(#facilitator-account) button[type="submit"]').click();
		await expect(this.facilitators.getByText(name, { exact: true })).toBeVisible();
	}

	/** Changes the title in the settings form and saves it. */
	async rename(title: string): Promise<void> {
		await this.settings.locator('#edit-space-title').fill(title);
		await this.settings.locator('button[type="submit"]').click();
		await expect(this.heading).toHaveText(title);
	}
}
