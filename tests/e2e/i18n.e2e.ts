import { expectNoViolations } from './harness/axe';
import { seedIdea } from './harness/seed';
import { expect, test } from './harness/test';
import { HomePage } from './pages/home-page';
import { joinSpace } from './pages/join-page';
import { SpacePage } from './pages/space-page';
import { SettingsPage } from './pages/settings-page';

test('switching to Deutsch translates the app and is remembered', async ({ page }) => {
	const home = new HomePage(page);
	await home.goto();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(home.settingsLink).toBeVisible();
	await expect(home.continueButton).toBeVisible();

	// The header's switch, present on every page.
	await home.switchLanguage('Deutsch');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	// The English texts are gone: the visible text changed, not just the attribute.
	await expect(home.settingsLink).toHaveCount(0);
	await expect(home.continueButton).toHaveCount(0);
	await expect(page.getByLabel('Join code', { exact: true })).toHaveCount(0);
	const germanNav = await page.getByRole('navigation').innerText();
	expect(germanNav).not.toContain('Settings');

	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page.getByRole('navigation')).toHaveText(germanNav);
	await expect(home.languageSelect).toHaveValue('de');

	// The settings page shows the same choice, and switching back there works too.
	await page.goto('/settings');
	const settings = new SettingsPage(page);
	await expect(settings.language).toHaveValue('de');
	await settings.language.selectOption({ label: 'English' });
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(settings.settingsLink).toBeVisible();
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('in Arabic the app turns right-to-left, mirrors its layout and passes axe on every participant page', async ({
	page,
	space,
	hub
}) => {
	await joinSpace(page, space, 'Samira');
	// The pages have something in them: her idea and someone else's (which she may report).
	const spacePage = new SpacePage(page);
	await spacePage.addIdea({ title: 'Shade trees for the playground', text: 'Plane trees' });
	await seedIdea(hub.url, space, 'A crossing at the school');
	await expect(spacePage.item('A crossing at the school')).toBeVisible({ timeout: 15_000 });
	const idea = await spacePage.recordId('Shade trees for the playground');
	const home = new HomePage(page);
	await home.switchLanguage('العربية');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

	// The header mirrors: the brand, first in reading order, now stands on the right.
	const brand = await page.getByRole('banner').getByRole('link').first().boundingBox();
	const language = await home.languageSelect.boundingBox();
	expect(brand!.x).toBeGreaterThan(language!.x);

	const pages = [
		'/',
		`/join/${space.joinCode}`,
		`/s/${space.id}`,
		`/s/${space.id}/ideas/${idea}`,
		`/s/${space.id}/pledges`,
		`/impact/${space.id}`,
		'/settings',
		'/me',
		'/accessibility'
	];
	// 320 CSS px wide, as a phone at 400% zoom (WCAG 1.4.10): nothing may need sideways scrolling.
	await page.setViewportSize({ width: 320, height: 640 });
	for (const path of pages) {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectNoViolations(page, `${path} in Arabic`);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect({ path, overflow }).toEqual({ path, overflow: 0 });
	}
});

test('switching language mid-way keeps what the person wrote, sent or not', async ({
	page,
	space
}) => {
	await joinSpace(page, space, 'Jonas');
	const spacePage = new SpacePage(page);
	await spacePage.addIdea({ title: 'Benches in the shade' });
	await spacePage.title.fill('Half-written: a water fountain');
	const titleId = await spacePage.title.getAttribute('id');

	await spacePage.switchLanguage('Polski');
	await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
	const field = page.locator(`#${titleId}`);
	await expect(field).toHaveValue('Half-written: a water fountain');
	await expect(page.getByText('Benches in the shade')).toBeVisible();

	await spacePage.switchLanguage('English');
	await expect(spacePage.title).toHaveValue('Half-written: a water fountain');
	await spacePage.expectBadge('Benches in the shade', 'confirmed');
});
