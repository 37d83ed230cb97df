import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';

/**
 * `/facilitate/<space>/board`, the projector: the shown activity's prompt, live counts, the
 * brainstorm's notes grouped by cluster (select → group, or drag), or ranked result bars.
 */
export class WorkshopBoardPage extends AppShell {
	readonly board: Locator;
	readonly prompt: Locator;
	readonly notes: Locator;
	readonly clusters: Locator;
	readonly bars: Locator;
	readonly noteCount: Locator;
	readonly participantCount: Locator;
	readonly waitingCount: Locator;
	readonly silentCount: Locator;
	readonly groupForm: Locator;
	/** The area of the notes not in any cluster. */
	readonly unclustered: Locator;

	constructor(page: Page) {
		super(page);
		this.board = page.getByTestId('board');
		this.prompt = page.getByTestId('board-prompt');
		this.notes = page.getByTestId('board-note');
		this.clusters = page.getByTestId('cluster');
		this.bars = page.getByTestId('result-bar');
		this.noteCount = page.getByTestId('count-notes');
		this.participantCount = page.getByTestId('count-participants');
		this.waitingCount = page.getByTestId('count-waiting');
		this.silentCount = page.getByTestId('count-silent');
		this.groupForm = page.getByTestId('group-form');
		this.unclustered = page.locator('[data-testid="cluster"][data-id=""]');
	}

	async goto(space: string): Promise<void> {
		await this.page.goto(`/facilitate/${space}/board`);
		await expect(this.board).toBeVisible();
	}

	/** Shows the activity whose prompt is `prompt` ('' follows the room's current one). */
	async show(prompt: string): Promise<void> {
		const select = this.page.locator('#board-activity');
		if (prompt === '') await select.selectOption('');
		else {
			const option = select.locator('option').filter({ hasText: prompt });
			await select.selectOption({ label: (await option.textContent())?.trim() ?? prompt });
		}
	}

	/** Every note on the board whose text is exactly `text`. */
	note(text: string): Locator {
		return this.notes.filter({ has: this.page.getByText(text, { exact: true }) });
	}

	/** The texts of the notes shown, in board order. */
	async noteTexts(): Promise<string[]> {
		return this.notes.locator('label').allInnerTexts();
	}

	/** Selects the notes and groups them into a new cluster named `name`. */
	async group(texts: string[], name: string): Promise<void> {
		for (const text of texts) await this.note(text).getByRole('checkbox').check();
		await this.groupForm.locator('#cluster-name').fill(name);
		await this.groupForm.locator('button[type="submit"]').click();
		const cluster = this.cluster(name);
		for (const text of texts) await expect(cluster.getByText(text, { exact: true })).toBeVisible();
	}

	/**
	 * Drags the note `text` with the mouse onto `target` (a note or a cluster's area), at
	 * `position` inside it (its centre when not given).
	 */
	async dragNote(text: string, target: Locator, position?: { x: number; y: number }) {
		await this.note(text).dragTo(target, position ? { targetPosition: position } : {});
	}

	/** The cluster section whose heading is `name`. */
	cluster(name: string): Locator {
		return this.clusters.filter({
			has: this.page.getByTestId('cluster-name').filter({ hasText: name })
		});
	}

	/** The result bar labelled `label`; its `data-value` is the number it shows. */
	bar(label: string): Locator {
		return this.bars.filter({ hasText: label });
	}
}
