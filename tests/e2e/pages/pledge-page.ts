import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';

/**
 * A participant's pledges (`/s/<campaign>` or `/s/<space>/pledges`): the action catalogue, an
 * action with its figure, source and formula, the pledge form, and one card per pledge with its
 * weekly check-in.
 */
export class PledgePage extends AppShell {
	readonly actions: Locator;
	readonly actionView: Locator;
	readonly formula: Locator;
	/** Every pledge card of the person. */
	readonly cards: Locator;

	constructor(page: Page) {
		super(page);
		this.actions = page.getByTestId('action-list');
		this.actionView = page.getByTestId('action-view');
		this.formula = page.getByTestId('action-formula');
		this.cards = page.getByTestId('pledge-card');
	}

	async open(space: string, action?: string): Promise<void> {
		await this.page.goto(`/s/${space}/pledges${action ? `?action=${action}` : ''}`);
	}

	async chooseAction(title: string): Promise<void> {
		await this.actions.getByRole('button', { name: title, exact: true }).click();
		await expect(this.actionView).toBeVisible();
	}

	/** Pledges the open action at `level` (the radio's name) for the default two months. */
	async pledge(level?: string): Promise<void> {
		if (level) await this.page.getByRole('radio', { name: level }).check();
		await this.page.getByRole('button', { name: 'Make the pledge' }).click();
	}

	card(title: string): PledgeCard {
		return new PledgeCard(this.cards.filter({ hasText: title }));
	}
}

export class PledgeCard {
	readonly status: Locator;
	readonly syncBadge: Locator;

	constructor(readonly root: Locator) {
		this.status = root.getByTestId('pledge-status');
		this.syncBadge = root.getByTestId('sync-badge');
	}

	/** Answers this week's check-in: 'did it', 'partly' or 'not'. */
	async checkIn(answer: 'did it' | 'partly' | 'not'): Promise<void> {
		const button = this.root.getByRole('button', { name: `This week: ${answer}` });
		await button.click();
		await expect(button).toHaveAttribute('aria-pressed', 'true');
	}

	async withdraw(): Promise<void> {
		await this.root.getByRole('button', { name: 'Withdraw pledge' }).click();
		await this.root.getByRole('button', { name: 'Yes, withdraw' }).click();
		await expect(this.status).toHaveText('Withdrawn');
	}

	async expectSynced(): Promise<void> {
		await expect(this.syncBadge).toHaveAttribute('data-state', 'confirmed', { timeout: 20_000 });
	}
}
