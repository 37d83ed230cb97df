import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';

export type ActivityKind = 'brainstorm' | 'dot-vote' | 'poll' | 'rating' | 'open-question';
export type ActivityStatus = 'draft' | 'open' | 'closed';

function exactly(text: string): RegExp {
	return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/**
 * `/facilitate/<space>/workshop`: the agenda of activities. Each activity is a list item
 * (`data-testid="activity"`, `data-status`) found by its prompt; "Edit" opens its settings.
 */
export class WorkshopBuilderPage extends AppShell {
	readonly heading: Locator;
	readonly agenda: Locator;
	readonly activities: Locator;
	readonly newActivity: Locator;

	constructor(page: Page) {
		super(page);
		this.heading = page.getByRole('heading', { level: 1 });
		this.agenda = page.getByTestId('agenda');
		this.activities = page.getByTestId('activity');
		this.newActivity = page.getByTestId('new-activity');
	}

	async goto(space: string): Promise<void> {
		await this.page.goto(`/facilitate/${space}/workshop`);
		await expect(this.newActivity).toBeVisible();
	}

	/** The agenda item whose prompt is exactly `prompt`. */
	activity(prompt: string): Locator {
		return this.activities.filter({ has: this.page.locator('p', { hasText: exactly(prompt) }) });
	}

	/** Adds a draft activity at the end of the agenda. */
	async add(kind: ActivityKind, prompt: string): Promise<void> {
		await this.newActivity.locator('#activity-kind').selectOption(kind);
		await this.newActivity.locator('#activity-prompt').fill(prompt);
		await this.newActivity.locator('button[type="submit"]').click();
		await expect(this.activity(prompt)).toHaveAttribute('data-status', 'draft');
	}

	/** Opens the settings of an activity; returns its form. */
	async edit(prompt: string): Promise<Locator> {
		const item = this.activity(prompt);
		await item.getByRole('button', { name: 'Edit', exact: true }).click();
		const editor = item.getByTestId('activity-editor');
		await expect(editor).toBeVisible();
		return editor;
	}

	async save(editor: Locator): Promise<void> {
		await editor.locator('button[type="submit"]').click();
		await expect(editor).toBeHidden();
	}

	/** A brainstorm whose categories are the Cities Mission themes. */
	async useThemes(prompt: string): Promise<void> {
		const editor = await this.edit(prompt);
		await editor.getByTestId('preset-themes').check();
		await this.save(editor);
	}

	/** A dot vote on the notes of the brainstorm `target`: `dots` each, at most `maxPerItem`. */
	async setDotVote(
		prompt: string,
		{ target, dots, maxPerItem }: { target: string; dots: number; maxPerItem: number }
	): Promise<void> {
		const editor = await this.edit(prompt);
		await editor.locator('select[id^="target-"]').selectOption({ label: target });
		await editor.locator('input[id^="dots-"]').fill(String(dots));
		await editor.locator('input[id^="max-"]').fill(String(maxPerItem));
		await this.save(editor);
	}

	/** A poll's choices, one per line, single choice unless `multiple`. */
	async setPoll(prompt: string, choices: string[], multiple = false): Promise<void> {
		const editor = await this.edit(prompt);
		await editor.locator('textarea[id^="options-"]').fill(choices.join('\n'));
		const box = editor.getByRole('checkbox');
		if (multiple) await box.check();
		else await box.uncheck();
		await this.save(editor);
	}

	/** Opens (or reopens) an activity: the phones follow it. */
	async open(prompt: string): Promise<void> {
		const item = this.activity(prompt);
		await item.getByRole('button', { name: /^(Open|Reopen)$/ }).click();
		await expect(item).toHaveAttribute('data-status', 'open');
	}

	async close(prompt: string): Promise<void> {
		const item = this.activity(prompt);
		await item.getByRole('button', { name: 'Close', exact: true }).click();
		await expect(item).toHaveAttribute('data-status', 'closed');
	}

	async expectStatus(prompt: string, status: ActivityStatus): Promise<void> {
		await expect(this.activity(prompt)).toHaveAttribute('data-status', status);
	}
}
