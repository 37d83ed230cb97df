import type { Locator, Page } from '@playwright/test';
import { expectNoViolations } from './harness/axe';
import { expect, test } from './harness/test';
import { createMapSpace, createWorkshop, staffContext } from './harness/staff-api';
import { BoardPage } from './pages/board-page';
import { AppShell } from './pages/app-shell';
import { HomePage } from './pages/home-page';
import { JoinPage, joinSpace } from './pages/join-page';
import { MyDataPage } from './pages/my-data-page';
import { PledgePage } from './pages/pledge-page';
import { SettingsPage } from './pages/settings-page';
import { SpacePage } from './pages/space-page';
import { AdminPage, FacilitatePage, LoginPage, SetupPage } from './pages/staff-pages';

test('every participant page passes axe', async ({ page, space }) => {
	const home = new HomePage(page);
	await home.goto();
	await expect(home.heading).toHaveText('Plaza');
	await expectNoViolations(page, '/');

	const join = new JoinPage(page);
	await join.goto(space.joinCode);
	await join.expectSpaceShown(space);
	await expectNoViolations(page, '/join/<code>');
	await join.join('Alex');

	const spacePage = new SpacePage(page);
	await spacePage.expectOpen(space);
	await expect(spacePage.emptyState).toBeVisible();
	await expectNoViolations(page, '/s/<space> (empty)');
	await spacePage.addIdea({ title: 'Shade trees for the playground', text: 'Plane trees' });
	await spacePage.addIdea({ title: 'Night bus', category: 'mobility' });
	await spacePage.expectBadge('Night bus', 'confirmed');
	await expectNoViolations(page, '/s/<space>');

	const id = await spacePage.recordId('Night bus');
	await page.goto(`/s/${space.id}/ideas/${id}`);
	await expect(spacePage.title).toHaveValue('Night bus');
	await expectNoViolations(page, '/s/<space>/ideas/<id>');

	const settings = new SettingsPage(page);
	await settings.goto();
	await expect(settings.displayName).toBeVisible();
	await expectNoViolations(page, '/settings');

	const myData = new MyDataPage(page);
	await myData.goto();
	await expect(myData.contribution('Night bus')).toBeVisible();
	await expectNoViolations(page, '/me');
});

test.describe('staff pages', () => {
	// /setup is scanned before the hub is set up.
	test.use({ hubPerTest: true });

	test('every staff page passes axe', async ({ page, browser, baseURL }) => {
		const setup = new SetupPage(page);
		await setup.goto();
		await expect(setup.organisation).toBeVisible();
		await expectNoViolations(page, '/setup');
		await setup.setUp({
			name: 'Ada Admin',
			email: 'ada@testhausen.example',
			password: 'a long admin passphrase'
		});
		await page.waitForURL((url) => url.pathname === '/facilitate');

		const facilitate = new FacilitatePage(page);
		await expect(facilitate.heading).toBeVisible();
		await expectNoViolations(page, '/facilitate (no spaces)');
		await facilitate.createSpace({
			id: 'courtyards',
			title: 'Courtyards',
			purpose: 'Greener courtyards.',
			privacyNotice: 'We keep your ideas for a year.'
		});
		const board = new BoardPage(page);
		await expect(board.joinLink).toBeVisible();
		await expectNoViolations(page, '/facilitate/<space>');
		await facilitate.goto();
		await expect(facilitate.spaceLink('Courtyards')).toBeVisible();
		await expectNoViolations(page, '/facilitate');

		const admin = new AdminPage(page);
		await admin.goto();
		await admin.invite('finn@testhausen.example');
		await expect(admin.auditLog).toBeVisible();
		await expectNoViolations(page, '/admin');

		// axe opens a helper page in the context, which browser.newPage() contexts refuse.
		const visitorContext = await browser.newContext({ baseURL });
		const visitor = await visitorContext.newPage();
		try {
			const login = new LoginPage(visitor);
			await login.goto();
			await expect(login.email).toBeVisible();
			await expectNoViolations(visitor, '/login');
		} finally {
			await visitorContext.close();
		}
	});
});

test('an idea can be added with the keyboard only', async ({ page, space }) => {
	const spacePage = new SpacePage(page);
	await joinSpace(page, space);
	await spacePage.expectOpen(space);
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

/** Presses Tab until `target` has focus (at most `limit` times). */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
	for (let steps = 0; !(await target.evaluate((el) => el === document.activeElement)); steps++) {
		expect(steps, 'reachable with Tab').toBeLessThan(limit);
		await page.keyboard.press('Tab');
	}
}

test('a pledge can be made, checked in and withdrawn with the keyboard only', async ({
	page,
	space
}) => {
	await joinSpace(page, space);
	const pledges = new PledgePage(page);
	await pledges.open(space.id);
	await tabTo(page, pledges.actions.getByRole('button', { name: 'Eat vegetarian', exact: true }));
	await page.keyboard.press('Enter');
	await expect(pledges.actionView).toBeVisible();

	// The level is a radio group: arrows move the choice.
	const four = page.getByRole('radio', { name: '4 of 7 days a week' });
	await tabTo(page, four);
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: '5 of 7 days a week' })).toBeChecked();
	await tabTo(page, page.getByRole('button', { name: 'Make the pledge' }));
	await page.keyboard.press('Enter');

	const card = pledges.card('Eat vegetarian');
	await expect(card.root).toContainText('5 of 7 days a week');
	const didIt = card.root.getByRole('button', { name: 'This week: did it' });
	await tabTo(page, didIt);
	await page.keyboard.press('Enter');
	await expect(didIt).toHaveAttribute('aria-pressed', 'true');

	await tabTo(page, card.root.getByRole('button', { name: 'Withdraw pledge' }));
	await page.keyboard.press('Enter');
	await tabTo(page, card.root.getByRole('button', { name: 'Yes, withdraw' }), 10);
	await page.keyboard.press('Enter');
	await expect(card.status).toHaveText('Withdrawn');
});

test('the workshop, map and pledge staff pages pass axe, in English and in Arabic', async ({
	browser,
	admin,
	hub
}) => {
	const workshop = await createWorkshop(admin);
	const map = await createMapSpace(admin, {}, { published: true });
	const context = await staffContext(browser, admin, hub.url);
	const page = await context.newPage();
	try {
		const pages = [
			...['board', 'capture', 'results', 'workshop', 'pledges'].map(
				(p) => `/facilitate/${workshop.id}/${p}`
			),
			...['', '/map', '/offline-map', '/open311'].map((p) => `/facilitate/${map.id}${p}`),
			'/facilitate',
			'/admin',
			`/impact/organisation/${admin.account.organisation}`
		];
		for (const language of ['English', 'العربية']) {
			await page.goto('/facilitate');
			await new AppShell(page).switchLanguage(language);
			for (const path of pages) {
				await page.goto(path);
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				// Pages load their space from the hub: scan once it is shown, not the loading state.
				await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
				await expectNoViolations(page, `${path} in ${language}`);
			}
		}
	} finally {
		await context.close();
	}
});
