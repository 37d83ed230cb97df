/**
 * Accessibility: axe-core finds nothing on any page, in English and in Arabic (right to left),
 * each page scanned with content in it (seeded through the hub API, harness/seed.ts); an idea
 * and a pledge can be made with the keyboard only (the workshop run is keyboard.e2e.ts); the
 * report and hide dialogs take focus in and give it back.
 *
 * Every route and the tests that scan it. In this file: "participant" (every participant
 * page…), "setup" (every staff page…), "pledge" (a pledge … with the keyboard only) and
 * "in use" (the staff pages of spaces in use…); "i18n" is the Arabic test of i18n.e2e.ts,
 * "keyboard" is keyboard.e2e.ts. (map.e2e, map-admin.e2e, offline-map.e2e and pledge.e2e scan
 * some of these pages again in their own states.)
 *
 * | route                           | content                    | en            | ar           |
 * | ------------------------------- | -------------------------- | ------------- | ------------ |
 * | /                               | joined spaces              | participant   | i18n         |
 * | /accessibility                  | the statement              | participant   | i18n         |
 * | /admin                          | an invite, the audit log   | setup, in use | in use       |
 * | /facilitate                     | none; then four spaces     | setup, in use | in use       |
 * | /facilitate/<space>             | an idea to hide; a map     | setup, in use | in use       |
 * | /facilitate/<space>/board       | notes, a cluster           | in use        | in use       |
 * | /facilitate/<space>/capture     | five activities            | in use        | in use       |
 * | /facilitate/<space>/map         | map settings, categories   | in use        | in use       |
 * | /facilitate/<space>/offline-map | a map space                | in use        | in use       |
 * | /facilitate/<space>/open311     | a map space                | in use        | in use       |
 * | /facilitate/<space>/pledges     | campaign, a local action   | in use        | in use       |
 * | /facilitate/<space>/results     | five activities, all input | in use        | in use       |
 * | /facilitate/<space>/workshop    | an agenda of five          | in use        | in use       |
 * | /impact/<space>                 | five pledges; none         | in use        | in use, i18n |
 * | /impact/organisation/<id>       | the hub's spaces           | in use        | in use       |
 * | /invite/<token>                 | an open invite             | setup         | setup        |
 * | /join/<code>                    | purpose, notice, form      | participant   | i18n         |
 * | /kiosk/<space>                  | an open brainstorm         | in use        | in use       |
 * | /login                          | the form                   | setup         | setup        |
 * | /me                             | my ideas                   | participant   | i18n         |
 * | /s/<space>, ideas               | ideas; the report dialog   | participant   | i18n         |
 * | /s/<space>, workshop            | my note; the dot vote      | keyboard      | keyboard     |
 * | /s/<space>, map                 | an idea; the list view     | in use        | in use       |
 * | /s/<space>, pledge campaign     | goals, the actions         | in use        | in use       |
 * | /s/<space>/ideas/<id>           | my idea                    | participant   | i18n         |
 * | /s/<space>/pledges              | a pledge, checked in; none | pledge        | pledge, i18n |
 * | /settings                       | the settings               | participant   | i18n         |
 * | /setup                          | the form                   | setup         | setup        |
 * | error page                      | 404                        | in use        | in use       |
 */
import type { Locator } from '@playwright/test';
import {
	expectFocusInside,
	expectNoViolations,
	expectNoViolationsInEnglishAndArabic,
	tabTo
} from './harness/axe';
import { seedIdea, seedLocalAction, seedMapIdea, seedPledges, seedWorkshop } from './harness/seed';
import { expect, test } from './harness/test';
import { createMapSpace, createSpace, createWorkshop, staffContext } from './harness/staff-api';
import { BoardPage } from './pages/board-page';
import { AppShell } from './pages/app-shell';
import { HomePage } from './pages/home-page';
import { JoinPage, joinSpace } from './pages/join-page';
import { MyDataPage } from './pages/my-data-page';
import { PledgePage } from './pages/pledge-page';
import { SettingsPage } from './pages/settings-page';
import { SpacePage } from './pages/space-page';
import {
	AcceptInvitePage,
	AdminPage,
	FacilitatePage,
	LoginPage,
	SetupPage
} from './pages/staff-pages';

test('every participant page passes axe; the report dialog takes focus and gives it back', async ({
	page,
	space,
	hub
}) => {
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
	await seedIdea(hub.url, space, 'A crossing at the school');
	await expect(spacePage.item('A crossing at the school')).toBeVisible({ timeout: 15_000 });
	await expectNoViolations(page, '/s/<space>');

	// Someone else's idea can be reported: the dialog takes focus, Escape gives it back.
	const report = spacePage.reportButton('A crossing at the school');
	await tabTo(page, report);
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog');
	await expect(dialog).toBeVisible();
	await expectFocusInside(dialog);
	await expectNoViolations(page, '/s/<space> (report dialog)');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(report).toBeFocused();
	// And again, closed with its Cancel button.
	await page.keyboard.press('Enter');
	await expectFocusInside(dialog);
	await tabTo(page, dialog.getByRole('button', { name: 'Cancel' }), 5);
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await expect(report).toBeFocused();

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

	await page.goto('/accessibility');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectNoViolations(page, '/accessibility');
});

test.describe('staff pages', () => {
	// /setup is scanned before the hub is set up.
	test.use({ hubPerTest: true });

	test('every staff page passes axe, setup, login and invite in Arabic too', async ({
		page,
		browser,
		baseURL
	}) => {
		const setup = new SetupPage(page);
		await setup.goto();
		await expect(setup.organisation).toBeVisible();
		await expectNoViolationsInEnglishAndArabic(page, '/setup', setup.organisation);
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
		const invite = await admin.invite('finn@testhausen.example');
		await expect(admin.auditLog).toBeVisible();
		await expectNoViolations(page, '/admin');

		// axe opens a helper page in the context, which browser.newPage() contexts refuse.
		const visitorContext = await browser.newContext({ baseURL });
		const visitor = await visitorContext.newPage();
		try {
			const login = new LoginPage(visitor);
			await login.goto();
			await expect(login.email).toBeVisible();
			await expectNoViolationsInEnglishAndArabic(visitor, '/login', login.email);

			await visitor.goto(invite);
			const accept = new AcceptInvitePage(visitor);
			await expect(accept.name).toBeVisible();
			await expect(visitor.getByText('finn@testhausen.example')).toBeVisible();
			await expectNoViolationsInEnglishAndArabic(visitor, '/invite/<token>', accept.name);
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
	await tabTo(page, spacePage.title, 40);
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
	// The page with a pledge on it, in both languages.
	await expectNoViolationsInEnglishAndArabic(page, '/s/<space>/pledges (a pledge)', pledges.cards);

	await tabTo(page, card.root.getByRole('button', { name: 'Withdraw pledge' }));
	await page.keyboard.press('Enter');
	await tabTo(page, card.root.getByRole('button', { name: 'Yes, withdraw' }), 10);
	await page.keyboard.press('Enter');
	await expect(card.status).toHaveText('Withdrawn');
});

test('the staff pages of spaces in use pass axe, in English and in Arabic', async ({
	browser,
	admin,
	hub
}) => {
	test.setTimeout(120_000);
	const workshop = await createWorkshop(admin);
	await seedWorkshop(hub.url, admin, workshop, { open: 'brainstorm' });
	const map = await createMapSpace(admin, {}, { published: true });
	await seedMapIdea(hub.url, map, 'Benches by the fountain');
	const ideas = await createSpace(admin);
	await seedIdea(hub.url, ideas, 'A crossing at the school');
	const campaign = await createSpace(admin, {
		kind: 'pledge',
		title: 'Meat-free Mondays',
		pledge: { goalPeople: 50, goalTco2e: 20, themes: ['food'] },
		impactPublic: true
	});
	await seedPledges(hub.url, campaign, 5);
	await seedLocalAction(admin, campaign);

	const context = await staffContext(browser, admin, hub.url);
	const page = await context.newPage();
	const testId = (id: string) => page.getByTestId(id).first();
	const text = (value: string) => page.getByText(value, { exact: true }).first();
	/** Each page, and what shows that its content (not a loading state) is there. */
	const pages: [string, Locator][] = [
		[`/facilitate/${workshop.id}/board`, text('Plant trees along the tram line')],
		[`/facilitate/${workshop.id}/capture`, page.getByRole('heading', { level: 1 })],
		[`/facilitate/${workshop.id}/results`, testId('result-activity')],
		[`/facilitate/${workshop.id}/workshop`, testId('agenda')],
		[`/facilitate/${map.id}`, testId('join-link')],
		[`/facilitate/${map.id}/map`, page.getByRole('heading', { level: 1 })],
		[`/facilitate/${map.id}/offline-map`, page.getByRole('heading', { level: 1 })],
		[`/facilitate/${map.id}/open311`, page.getByRole('heading', { level: 1 })],
		[`/s/${map.id}`, page.getByRole('heading', { level: 1, name: map.title })],
		[`/s/${map.id}?view=list`, text('Benches by the fountain')],
		[`/s/${campaign.id}`, testId('action-list')],
		[`/facilitate/${ideas.id}`, testId('contribution')],
		[`/facilitate/${campaign.id}/pledges`, testId('pledge-actions')],
		[`/impact/${campaign.id}`, testId('impact-table')],
		[`/impact/organisation/${admin.account.organisation}`, testId('impact-spaces')],
		['/facilitate', testId('space-list')],
		['/admin', testId('audit-log')],
		['/no-such-page', page.getByRole('heading', { level: 1 })]
	];
	try {
		// The map and the campaign as a participant sees them: the staff device joins them first.
		await joinSpace(page, map);
		await joinSpace(page, campaign);
		for (const [path, shown] of pages) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expect(shown).toBeVisible({ timeout: 15_000 });
			// Pages load their space from the hub: scan once it is shown, not the loading state.
			await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
			await expectNoViolationsInEnglishAndArabic(page, path, shown, { soft: true });
		}

		// The kiosk covers the header (a visitor cannot leave it): it opens in the language set.
		const shell = new AppShell(page);
		for (const language of ['العربية', 'English']) {
			await page.goto('/facilitate');
			await shell.switchLanguage(language);
			await page.goto(`/kiosk/${workshop.id}`);
			await expect(page.getByTestId('kiosk-prompt')).toBeVisible();
			await expectNoViolations(page, `/kiosk/<space> in ${language}`, { soft: true });
		}

		// The hide dialog takes focus, and Escape gives it back to the button that opened it.
		const board = new BoardPage(page);
		await board.goto(ideas.id);
		const hide = board.hideButton('A crossing at the school');
		await tabTo(page, hide);
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog');
		await expectFocusInside(dialog);
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(hide).toBeFocused();
	} finally {
		await context.close();
	}
});
