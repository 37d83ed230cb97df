import { expect, type Locator, type Page } from '@playwright/test';
import type { ProvisionedMapSpace } from '../harness/staff-api';
import { AppShell } from './app-shell';
import { JoinPage } from './join-page';
import type { BadgeState } from './space-page';

export type MapSpace = ProvisionedMapSpace;

const badgeText: Record<BadgeState, string> = {
	waiting: 'Waiting',
	sent: 'Sent',
	confirmed: 'Confirmed',
	rejected: 'Rejected'
};

/** `/s/<space>` of a map space: the map or the list, the idea form and an idea's details. */
export class MapPage extends AppShell {
	readonly heading: Locator;
	readonly map: Locator;
	readonly mapView: Locator;
	readonly listView: Locator;
	readonly addButton: Locator;
	readonly form: Locator;
	readonly title: Locator;
	readonly description: Locator;
	readonly category: Locator;
	readonly lat: Locator;
	readonly lng: Locator;
	readonly submit: Locator;
	readonly detail: Locator;
	readonly support: Locator;
	readonly supportCount: Locator;
	readonly listCount: Locator;
	readonly items: Locator;
	readonly closedNotice: Locator;

	constructor(page: Page) {
		super(page);
		this.heading = page.getByRole('heading', { level: 1 });
		this.map = page.getByTestId('idea-map');
		const views = page.getByRole('group', { name: 'Show the ideas' });
		this.mapView = views.getByRole('button', { name: 'Map', exact: true });
		this.listView = views.getByRole('button', { name: 'List', exact: true });
		this.addButton = page.getByRole('button', { name: 'Add an idea', exact: true });
		this.form = page.getByRole('form', { name: /New idea|Edit your idea/ });
		this.title = this.form.getByLabel('Title', { exact: true });
		this.description = this.form.getByLabel('Description', { exact: true });
		this.category = this.form.getByLabel('Category', { exact: true });
		this.lat = this.form.getByLabel('Latitude', { exact: true });
		this.lng = this.form.getByLabel('Longitude', { exact: true });
		this.submit = this.form.getByRole('button', { name: /^(Add idea|Save changes)$/ });
		this.detail = page.getByTestId('idea-detail');
		this.support = this.detail.getByRole('button', { name: 'Support', exact: true });
		this.supportCount = this.detail.getByTestId('support-count');
		this.listCount = page.getByTestId('list-count');
		this.items = page.getByTestId('map-idea');
		this.closedNotice = page.getByTestId('map-closed');
	}

	async goto(space: Pick<MapSpace, 'id' | 'title'>, view: 'map' | 'list' = 'map'): Promise<void> {
		await this.page.goto(`/s/${space.id}${view === 'list' ? '?view=list' : ''}`);
		await this.expectOpen(space);
	}

	async expectOpen(space: Pick<MapSpace, 'title'>): Promise<void> {
		await expect(this.heading).toHaveText(space.title);
	}

	/** Waits until Leaflet has made the map (it loads with the map, not with the page). */
	async expectMap(): Promise<void> {
		await expect(this.map).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
	}

	/** A tap on the map at a fraction of its width and height. */
	async tapMap(x = 0.5, y = 0.5): Promise<void> {
		await this.map.scrollIntoViewIfNeeded();
		const box = await this.map.boundingBox();
		if (!box) throw new Error('the map has no box');
		await this.page.mouse.click(box.x + box.width * x, box.y + box.height * y);
	}

	/** Fills the form's title, description and category (the place is set elsewhere). */
	async fill({ title, text = '', category = 'Greenery' }: IdeaText): Promise<void> {
		await this.title.fill(title);
		await this.description.fill(text);
		await this.category.selectOption({ label: category });
	}

	/** The list view's article of the idea titled `title`. */
	item(title: string): Locator {
		return this.items.filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
	}

	async expectBadge(scope: Locator, state: BadgeState, timeout = 15_000): Promise<void> {
		const badge = scope.getByTestId('sync-badge').first();
		await expect(badge).toHaveAttribute('data-state', state, { timeout });
		await expect(badge).toHaveText(badgeText[state]);
	}

	async openFromList(title: string): Promise<void> {
		await this.item(title)
			.getByRole('button', { name: `Details of “${title}”` })
			.click();
		await expect(this.detail.getByRole('heading', { level: 2 })).toHaveText(title);
	}
}

export interface IdeaText {
	title: string;
	text?: string;
	category?: string;
}

/** Joins a map space on this page (join link, notice, "Join") and waits for its page. */
export async function joinMapSpace(page: Page, space: MapSpace, name?: string): Promise<void> {
	const join = new JoinPage(page);
	await join.goto(space.joinCode);
	await join.expectSpaceShown(space);
	await join.join(name);
	await page.waitForURL((url) => url.pathname === `/s/${space.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(space.title);
}

/** Collects every request the page's context makes that leaves 127.0.0.1. */
export function watchForeignRequests(page: Page): string[] {
	const foreign: string[] = [];
	page.context().on('request', (request) => {
		const url = new URL(request.url());
		if (['data:', 'blob:'].includes(url.protocol)) return;
		if (url.hostname !== '127.0.0.1') foreign.push(request.url());
	});
	return foreign;
}
