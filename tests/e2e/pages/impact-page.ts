import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';

export type Headline = 'people' | 'activePledges' | 'keptPledges' | 'checkIns' | 'tco2e';

/** An impact dashboard (`/impact/<space>`, `/impact/organisation/<id>`): numbers and table. */
export class ImpactPage extends AppShell {
	readonly heading: Locator;
	readonly table: Locator;
	readonly refresh: Locator;

	constructor(page: Page) {
		super(page);
		this.heading = page.getByRole('heading', { level: 1 });
		this.table = page.getByTestId('impact-table');
		this.refresh = page.getByRole('button', { name: 'Refresh the numbers' });
	}

	async open(space: string): Promise<void> {
		await this.page.goto(`/impact/${space}`);
		await expect(this.heading).toHaveText(/^Impact: /);
	}

	/** The value shown for one headline number (its label is left out). */
	number(name: Headline): Locator {
		return this.page.getByTestId(`impact-${name}`).locator('dd');
	}

	/** The cells of a theme's table row: people, pledges, t CO2e a year. */
	themeCells(theme: string): Locator {
		return this.table.locator(`tr[data-theme="${theme}"] td`);
	}

	/** Asks the hub again and waits until the headline shows `people`. */
	async expectPeople(people: string): Promise<void> {
		await expect(async () => {
			await this.refresh.click();
			await expect(this.number('people')).toHaveText(people, { timeout: 2_000 });
		}).toPass({ timeout: 20_000 });
	}
}
