import { buildA, buildB, builtVersion } from './harness/builds';
import { expect, test, waitForServiceWorker } from './harness/test';
import { joinSpace } from './pages/join-page';
import { SettingsPage } from './pages/settings-page';
import { SpacePage } from './pages/space-page';

// The test deploys another build over its hub.
test.use({ hubPerTest: true });

test('a new version waits for the person to reload', async ({ page, hub, space }) => {
	const versionA = builtVersion(buildA);
	const versionB = builtVersion(buildB);
	expect(versionB).not.toBe(versionA);

	const settings = new SettingsPage(page);
	await settings.goto();
	await expect(settings.appVersion).toHaveText(versionA);
	const spacePage = new SpacePage(page);
	await joinSpace(page, space);
	await waitForServiceWorker(page);
	await spacePage.expectOpen(space);
	await expect(spacePage.updatePrompt).toBeHidden();

	await hub.restart({ buildDir: buildB.dir });
	// A marker on window survives only as long as the page is not reloaded.
	await page.evaluate(() => Object.assign(window, { plazaE2eMarker: 'still here' }));
	await spacePage.title.fill('Half-typed idea');
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		await registration?.update();
	});

	await expect(spacePage.updatePrompt).toBeVisible({ timeout: 20_000 });
	await expect(spacePage.updatePrompt).toContainText('A new version is ready.');
	await expect(spacePage.title).toHaveValue('Half-typed idea');
	expect(await page.evaluate(() => (window as { plazaE2eMarker?: string }).plazaE2eMarker)).toBe(
		'still here'
	);

	const reloaded = page.waitForEvent('load');
	await spacePage.reloadForUpdate();
	await reloaded;
	expect(
		await page.evaluate(() => (window as { plazaE2eMarker?: string }).plazaE2eMarker)
	).toBeUndefined();
	await settings.goto();
	await expect(settings.appVersion).toHaveText(versionB);
	await expect(settings.updatePrompt).toBeHidden();
});
