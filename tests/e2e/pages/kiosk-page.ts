import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';

/**
 * `/kiosk/<space>`, the shared tablet: the current prompt, one big note form (or "answer on
 * your own phone"), a thank-you screen after each submit and a guarded "Exit kiosk".
 */
export class KioskPage extends AppShell {
	readonly kiosk: Locator;
	readonly prompt: Locator;
	readonly text: Locator;
	readonly send: Locator;
	readonly thanks: Locator;
	readonly ownPhone: Locator;
	readonly exit: Locator;
	readonly exitYes: Locator;
	readonly exitNo: Locator;

	constructor(page: Page) {
		super(page);
		this.kiosk = page.getByTestId('kiosk');
		this.prompt = page.getByTestId('kiosk-prompt');
		this.text = this.kiosk.getByLabel('Your idea', { exact: true });
		this.send = this.kiosk.getByRole('button', { name: 'Send', exact: true });
		this.thanks = page.getByTestId('kiosk-thanks');
		this.ownPhone = page.getByTestId('kiosk-own-phone');
		this.exit = this.kiosk.getByRole('button', { name: 'Exit kiosk', exact: true });
		this.exitYes = this.kiosk.getByRole('button', { name: 'Yes, exit', exact: true });
		this.exitNo = this.kiosk.getByRole('button', { name: 'Stay in kiosk mode', exact: true });
	}

	/** Opens the kiosk; `query` shortens its timers (`idle=2&thanks=1`, seconds). */
	async goto(space: string, query = ''): Promise<void> {
		await this.page.goto(`/kiosk/${space}${query ? `?${query}` : ''}`);
		await expect(this.kiosk).toBeVisible();
	}

	/** One visitor: types a note, picks a category chip, sends it and sees "Thank you". */
	async leaveNote(text: string, category?: string): Promise<void> {
		await this.text.fill(text);
		if (category) await this.kiosk.getByText(category, { exact: true }).click();
		await this.send.click();
		await expect(this.thanks).toBeVisible();
	}

	/** Waits until the thank-you screen is gone and the empty form is back. */
	async expectReady(): Promise<void> {
		await expect(this.thanks).toBeHidden();
		await expect(this.text).toBeVisible();
		await expect(this.text).toHaveValue('');
	}

	/** Everything the page holds as text: its text content (hidden parts too) and the values
	 * of every form control. */
	async everything(): Promise<string> {
		return this.page.evaluate(() => {
			const controls = [...document.querySelectorAll('input, textarea, select')];
			const values = controls.map((c) => (c as HTMLInputElement).value);
			return [document.documentElement.textContent ?? '', ...values].join('\n');
		});
	}
}
