import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';
import type { BadgeState } from './space-page';

/**
 * `/s/<space>` of a workshop on a phone: "Now: <prompt>" and the open activity's controls
 * (brainstorm note form and my notes; dot vote +/−; poll choices), or "Waiting".
 */
export class WorkshopParticipantPage extends AppShell {
	readonly current: Locator;
	readonly waiting: Locator;
	readonly noteText: Locator;
	readonly postButton: Locator;
	readonly myNotes: Locator;
	readonly dotsLeft: Locator;
	readonly voteItems: Locator;
	readonly sendAnswer: Locator;
	readonly myAnswer: Locator;

	constructor(page: Page) {
		super(page);
		this.current = page.getByTestId('current-activity');
		this.waiting = page.getByTestId('waiting');
		this.noteText = this.current.getByLabel('Your note', { exact: true });
		this.postButton = this.current.getByRole('button', { name: 'Post note', exact: true });
		this.myNotes = page.getByTestId('my-note');
		this.dotsLeft = page.getByTestId('dots-left');
		this.voteItems = page.getByTestId('vote-item');
		this.sendAnswer = this.current.getByRole('button', { name: 'Send answer', exact: true });
		this.myAnswer = page.getByTestId('my-answer');
	}

	async goto(space: string): Promise<void> {
		await this.page.goto(`/s/${space}`);
	}

	/** The phone follows the room: the open activity is `prompt`. */
	async expectNow(prompt: string, timeout = 15_000): Promise<void> {
		await expect(this.current.getByRole('heading', { level: 2 })).toHaveText(`Now: ${prompt}`, {
			timeout
		});
	}

	/** Posts a note, optionally into a category (its visible label, e.g. "Energy"). */
	async postNote(text: string, category?: string): Promise<void> {
		await this.noteText.fill(text);
		if (category) await this.current.getByRole('radio', { name: category, exact: true }).check();
		await this.postButton.click();
		await expect(this.noteText).toHaveValue('');
		await expect(this.myNote(text)).toBeVisible();
	}

	myNote(text: string): Locator {
		return this.myNotes.filter({ has: this.page.getByText(text, { exact: true }) });
	}

	async expectNoteBadge(text: string, state: BadgeState, timeout = 15_000): Promise<void> {
		const badge = this.myNote(text).getByTestId('sync-badge');
		await expect(badge).toHaveAttribute('data-state', state, { timeout });
	}

	/** A dot-vote item (a cluster by name or a note by text). */
	voteItem(label: string): Locator {
		return this.voteItems.filter({ has: this.page.getByText(label, { exact: true }) });
	}

	addDotButton(label: string): Locator {
		return this.voteItem(label).getByRole('button', { name: `Add a dot to: ${label}` });
	}

	removeDotButton(label: string): Locator {
		return this.voteItem(label).getByRole('button', { name: `Take a dot from: ${label}` });
	}

	/** Puts one more dot on `label` and waits until the item shows `expected` dots. */
	async addDot(label: string, expected: number): Promise<void> {
		await this.addDotButton(label).click();
		await expect(this.voteCount(label)).toHaveText(expected === 1 ? '1 dot' : `${expected} dots`);
	}

	voteCount(label: string): Locator {
		return this.voteItem(label).getByTestId('vote-count');
	}

	async expectDotsLeft(count: number): Promise<void> {
		await expect(this.dotsLeft).toHaveText(count === 1 ? '1 dot left' : `${count} dots left`);
	}

	/** Picks a poll choice by its label and sends the answer. */
	async answerPoll(...choices: string[]): Promise<void> {
		for (const choice of choices)
			await this.current
				.getByRole('radio', { name: choice, exact: true })
				.or(this.current.getByRole('checkbox', { name: choice, exact: true }))
				.check();
		await this.sendAnswer.click();
		await expect(this.myAnswer).toBeVisible();
	}
}
