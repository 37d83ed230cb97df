import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './harness/test';
import { HomePage } from './pages/home-page';
import { SettingsPage } from './pages/settings-page';
import { SpacePage } from './pages/space-page';

async function expectNoViolations(page: Page, label: string): Promise<void> {
	const results = await new AxeBuilder({ page }).analyze();
	const summary = results.violations.map(
		(violation) =>
			`${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
	);
	expect(summary, `axe violations on ${label}`).toEqual([]);
}

test('every main page passes axe', async ({ page, space }) => {
	const home = new HomePage(page);
	await home.goto();
	await expect(home.heading).toHaveText('Plaza');
	await expectNoViolations(page, '/');

	const spacePage = new SpacePage(page);
	await spacePage.goto(space);
	await expect(spacePage.emptyState).toBeVisible();
	await expectNoViolations(page, '/s/<space> (empty)');
	await spacePage.addIdea({ title: 'Shade trees for the playground', text: 'Plane trees' });
	await spacePage.addIdea({ title: 'Night bus', category: 'mobility' });
	await spacePage.expectBadge('Night bus', 'confirmed');
	await expectNoViolations(page, '/s/<space>');

	const id = await spacePage.recordId('Night bus');
	await page.goto(`/s/${space}/ideas/${id}`);
	await expect(spacePage.title).toHaveValue('Night bus');
	await expectNoViolations(page, '/s/<space>/ideas/<id>');

	const settings = new SettingsPage(page);
	await settings.goto();
	await expect(settings.displayName).toBeVisible();
	await expectNoViolations(page, '/settings');
});

test('an idea can be added with the keyboard only', async ({ page, space }) => {
	const spacePage = new SpacePage(page);
	await spacePage.goto(space);
	await expect(spacePage.emptyState).toBeVisible();

	// Tab from the top of the page until the Title field has focus.
	let steps = 0;
	while (!(await spacePage.title.evaluate((element) => element === document.activeElement))) {
		expect(++steps, 'Title is reachable with Tab').toBeLessThan(40);
		await page.keyboard.press('Tab');
	}
	await page.keyboard.type('Benches along the river');
	await page.keyboard.press('Tab');
	await expect(spacePage.description).toBeFocused();
	await page.keyboard.type('Somewhere to rest on the walk');
	await page.keyboard.press('Tab');
	await expect(spacePage.category).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Tab');
	await expect(spacePage.addButton).toBeFocused();
	await page.keyboard.press('Enter');

	await expect(spacePage.item('Benches along the river')).toBeVisible();
	await expect(spacePage.item('Benches along the river')).toContainText(
		'Somewhere to rest on the walk'
	);
	await expect(spacePage.title).toBeFocused();
	await expect(spacePage.title).toHaveValue('');
});
