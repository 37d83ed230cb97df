import { expect, type Locator, type Page } from '@playwright/test';
import type { ProvisionedSpace } from '../harness/staff-api';
import { AppShell } from './app-shell';

export type BadgeState = 'waiting' | 'sent' | 'confirmed' | 'rejected';

export interface IdeaInput {
	title: string;
	text?: string;
	/** A category value (e.g. `energy`) or its visible label. */
	category?: string;
}

const badgeText: Record<BadgeState, string> = {
	waiting: 'Waiting',
	sent: 'Sent',
	confirmed: 'Confirmed',
	rejected: 'Rejected'
};

/** `/s/<space>`: the idea form and the list of ideas. */
export class SpacePage extends AppShell {
	readonly heading: Locator;
	readonly title: Locator;
	readonly description: Locator;
	readonly category: Locator;
	readonly addButton: Locator;
	readonly list: Locator;
	readonly items: Locator;
	readonly emptyState: Locator;

	constructor(page: Page) {
		super(page);
		this.heading = page.getByRole('heading', { level: 1 });
		this.title = page.getByLabel('Title', { exact: true });
		this.description = page.getByLabel('Description', { exact: true });
		this.category = page.getByLabel('Category', { exact: true });
		this.addButton = page.getByRole('button', { name: 'Add idea' });
		this.list = page.getByRole('list', { name: 'Ideas' });
		this.items = this.list.getByTestId('idea-item');
		this.emptyState = page.getByText('No ideas yet. Be the first to add one.');
	}

	async goto(space: ProvisionedSpace): Promise<void> {
		await this.page.goto(`/s/${space.id}`);
		await this.expectOpen(space);
	}

	/** The space's page is showing (its title is the heading once the device has joined). */
	async expectOpen(space: ProvisionedSpace): Promise<void> {
		await expect(this.heading).toHaveText(space.title);
	}

	async addIdea({ title, text = '', category = 'energy' }: IdeaInput): Promise<void> {
		await this.title.fill(title);
		await this.description.fill(text);
		await this.category.selectOption(category);
		await this.addButton.click();
		await expect(this.title).toHaveValue('');
		await expect(this.item(title)).toBeVisible();
	}

	/** The list item whose title is exactly `title`. */
	item(title: string): Locator {
		return this.items.filter({ hasText: title });
	}

	/** The "Report" button of someone else's idea. */
	reportButton(title: string): Locator {
		return this.item(title).getByRole('button', { name: `Report: ${title}` });
	}

	badge(title: string): Locator {
		return this.item(title).getByTestId('sync-badge');
	}

	async expectBadge(title: string, state: BadgeState, timeout = 15_000): Promise<void> {
		const badge = this.badge(title);
		await expect(badge).toHaveAttribute('data-state', state, { timeout });
		await expect(badge).toHaveText(badgeText[state]);
	}

	async recordId(title: string): Promise<string> {
		const id = await this.item(title).getAttribute('data-id');
		if (!id) throw new Error(`idea "${title}" has no data-id`);
		return id;
	}

	/** Opens the edit page of an idea through its "Edit" button. */
	async edit(title: string): Promise<void> {
		await this.item(title)
			.getByRole('button', { name: /^Edit/ })
			.or(this.item(title).getByRole('link', { name: /^Edit/ }))
			.click();
	}

	async delete(title: string): Promise<void> {
		await this.item(title)
			.getByRole('button', { name: /^Delete/ })
			.click();
	}
}
