import { expectNoViolations } from './harness/axe';
import { expect, test } from './harness/test';
import { createMapSpace, createWorkshop, staffContext } from './harness/staff-api';
import { BoardPage } from './pages/board-page';
import { HomePage } from './pages/home-page';
import { JoinPage, joinSpace } from './pages/join-page';
import { MyDataPage } from './pages/my-data-page';
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

test('the workshop and map staff pages pass axe', async ({ browser, admin, hub }) => {
	const workshop = await createWorkshop(admin);
	const map = await createMapSpace(admin, {}, { published: true });
	const context = await staffContext(browser, admin, hub.url);
	const page = await context.newPage();
	try {
		const pages = [
			...['board', 'capture', 'results', 'workshop'].map((p) => `/facilitate/${workshop.id}/${p}`),
			...['', '/map', '/offline-map', '/open311'].map((p) => `/facilitate/${map.id}${p}`)
		];
		for (const path of pages) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			// Pages load their space from the hub: scan once it is shown, not the loading state.
			await expect(page.getByText(/^Loading/)).toHaveCount(0);
			await expectNoViolations(page, path);
		}
	} finally {
		await context.close();
	}
});
