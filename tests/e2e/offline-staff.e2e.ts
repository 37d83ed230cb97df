import { expect, test, waitForServiceWorker } from './harness/test';
import { createSpace } from './harness/staff-api';
import { AdminPage, FacilitatePage, LoginPage } from './pages/staff-pages';

test('a facilitator who logged in once keeps working offline after a reload', async ({
	page,
	context,
	admin
}) => {
	const spaces = [await createSpace(admin), await createSpace(admin)];
	const login = new LoginPage(page);
	await login.goto();
	await login.logIn(admin);
	const facilitate = new FacilitatePage(page);
	await page.waitForURL((url) => url.pathname === '/facilitate');
	for (const space of spaces) await expect(facilitate.spaceLink(space.title)).toBeVisible();
	await waitForServiceWorker(page);
	await expect(facilitate.spaceLink(spaces[0]!.title)).toBeVisible();

	await context.setOffline(true);
	await page.reload();
	// Still logged in: the staff navigation is there and no page asks to log in.
	const nav = page.getByRole('navigation');
	await expect(nav.getByRole('link', { name: 'Workshops' })).toBeVisible();
	await expect(page.getByTestId('login-required')).toHaveCount(0);
	for (const space of spaces) await expect(facilitate.spaceLink(space.title)).toBeVisible();

	// Inviting needs the hub, and the page says so instead of failing silently.
	const adminPage = new AdminPage(page);
	await adminPage.goto();
	await expect(page.getByTestId('login-required')).toHaveCount(0);
	await adminPage.inviteEmail.fill('new.facilitator@testhausen.example');
	await adminPage.inviteSubmit.click();
	await expect(page.getByRole('alert').filter({ hasText: /connection/i })).toBeVisible();
	await expect(adminPage.inviteLink).toHaveCount(0);

	// Back online, the same action works.
	await context.setOffline(false);
	await adminPage.inviteSubmit.click();
	await expect(adminPage.inviteLink).toHaveValue(/\/invite\/\S+$/);
});
