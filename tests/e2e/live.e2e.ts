import { devices } from '@playwright/test';
import { expect, test } from './harness/test';
import { joinedPage } from './pages/join-page';
import { IdeaPage } from './pages/idea-page';
import { SpacePage } from './pages/space-page';

const phone = devices['Pixel 7'];

test('two phones in one space see each other’s ideas, edits and deletes live', async ({
	browser,
	baseURL,
	space
}) => {
	const contexts = await Promise.all([
		browser.newContext({ ...phone, baseURL }),
		browser.newContext({ ...phone, baseURL })
	]);
	try {
		const [alice, bob] = await Promise.all(
			contexts.map(async (context) => new SpacePage(await joinedPage(context, space)))
		);
		if (!alice || !bob) throw new Error('two pages expected');
		await alice.expectOpen(space);
		await bob.expectOpen(space);
		await expect(bob.emptyState).toBeVisible();

		await alice.addIdea({
			title: 'Car-free Sundays',
			text: 'Close the ring road',
			category: 'mobility'
		});
		await expect(bob.item('Car-free Sundays')).toBeVisible({ timeout: 5000 });
		await expect(bob.item('Car-free Sundays')).toContainText('Close the ring road');

		// Each phone edits and deletes only its own ideas (issue 3): Alice edits hers, Bob sees it.
		const id = await alice.recordId('Car-free Sundays');
		const editor = new IdeaPage(alice.page);
		await editor.goto(space.id, id);
		await editor.rename('Car-free first Sundays');
		await expect(bob.item('Car-free first Sundays')).toBeVisible({ timeout: 5000 });
		await expect(bob.item('Car-free Sundays')).toHaveCount(0);

		await alice.goto(space);
		await expect(alice.item('Car-free first Sundays')).toBeVisible();
		await bob.addIdea({ title: 'Tool library', category: 'food' });
		await expect(alice.item('Tool library')).toBeVisible({ timeout: 5000 });
		await bob.delete('Tool library');
		await expect(bob.item('Tool library')).toHaveCount(0);
		await expect(alice.item('Tool library')).toHaveCount(0, { timeout: 5000 });

		await alice.delete('Car-free first Sundays');
		await expect(alice.items).toHaveCount(0);
		await expect(bob.item('Car-free first Sundays')).toHaveCount(0, { timeout: 5000 });
		await expect(bob.emptyState).toBeVisible();
	} finally {
		await Promise.all(contexts.map((context) => context.close()));
	}
});

test('a joined phone asks the hub once, then waits for news instead of asking in a loop', async ({
	browser,
	baseURL,
	space
}) => {
	const context = await browser.newContext({ ...phone, baseURL });
	try {
		const asked: string[] = [];
		context.on('request', (request) => {
			const path = new URL(request.url()).pathname;
			if (path === `/api/v1/spaces/${space.id}` || path === '/api/v1/sync/pull') asked.push(path);
		});
		const page = new SpacePage(await joinedPage(context, space));
		await page.expectOpen(space);
		await expect(page.emptyState).toBeVisible();
		// Let the first refresh and pull settle, then watch a quiet space for a while.
		await page.page.waitForTimeout(2_000);
		const settled = asked.length;
		await page.page.waitForTimeout(5_000);
		expect(asked.length - settled, `requests in 5 quiet seconds: ${asked.slice(settled)}`).toBe(0);
	} finally {
		await context.close();
	}
});
