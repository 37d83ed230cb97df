import { expect, test } from './harness/test';
import { HomePage } from './pages/home-page';
import { SettingsPage } from './pages/settings-page';

test('switching to Deutsch translates the app and is remembered', async ({ page }) => {
	const home = new HomePage(page);
	await home.goto();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(home.settingsLink).toBeVisible();
	await expect(home.continueButton).toBeVisible();

	// The header's one-tap switch, present on every page.
	await home.languageButton('Deutsch').click();
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
	await expect(home.languageButton('Deutsch')).toHaveAttribute('aria-pressed', 'true');

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
