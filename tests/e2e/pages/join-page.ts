import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { ProvisionedSpace } from '../harness/staff-api';
import { AppShell } from './app-shell';

/**
 * `/join/<code>`: what the space is for and its privacy notice, shown before joining; an
 * optional display name; "Join" leads into the space.
 */
export class JoinPage extends AppShell {
	readonly heading: Locator;
	readonly displayName: Locator;
	readonly joinButton: Locator;

	constructor(page: Page) {
		super(page);
		this.heading = page.getByRole('heading', { level: 1 });
		this.displayName = page.getByLabel(/^Display name/);
		this.joinButton = page.getByRole('button', { name: 'Join', exact: true });
	}

	async goto(code: string): Promise<void> {
		await this.page.goto(`/join/${code}`);
	}

	/** Text of the page, found whole (the notice keeps its line breaks, so match it loosely). */
	text(value: string): Locator {
		const words = value.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
		return this.page.getByText(new RegExp(words.join('\\s+')));
	}

	/** Checks that purpose and privacy notice are readable before anything is sent. */
	async expectSpaceShown(
		space: Pick<ProvisionedSpace, 'title' | 'purpose' | 'privacyNotice'>
	): Promise<void> {
		await expect(this.page.getByText(space.title).first()).toBeVisible();
		await expect(this.text(space.purpose)).toBeVisible();
		await expect(this.text(space.privacyNotice)).toBeVisible();
	}

	async join(displayName?: string): Promise<void> {
		if (displayName !== undefined) await this.displayName.fill(displayName);
		await this.joinButton.click();
	}
}

/**
 * Joins `space` on this page through the real flow (the join link, the privacy notice, "Join")
 * and waits until the space page has opened.
 */
export async function joinSpace(
	page: Page,
	space: ProvisionedSpace,
	displayName?: string
): Promise<void> {
	const join = new JoinPage(page);
	await join.goto(space.joinCode);
	await join.expectSpaceShown(space);
	await join.join(displayName);
	await page.waitForURL((url) => url.pathname === `/s/${space.id}`);
}

/** A new page in `context` that has joined `space`. */
export async function joinedPage(
	context: BrowserContext,
	space: ProvisionedSpace,
	displayName?: string
): Promise<Page> {
	const page = await context.newPage();
	await joinSpace(page, space, displayName);
	return page;
}
