import { devices, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { pullAll } from '../fixtures/hub';
import { expect, test } from './harness/test';
import { sessionCookieName } from './harness/staff-api';
import { JoinPage } from './pages/join-page';
import { MyDataPage } from './pages/my-data-page';
import { BoardPage } from './pages/board-page';
import { SettingsPage } from './pages/settings-page';
import { SpacePage } from './pages/space-page';
import {
	AcceptInvitePage,
	AdminPage,
	FacilitatePage,
	LoginPage,
	SetupPage
} from './pages/staff-pages';

// The test sets its hub up through the UI, so it needs one that is not set up yet.
test.use({ hubPerTest: true });

const admin = {
	name: 'Ada Admin',
	email: 'ada@testhausen.example',
	password: 'a long admin passphrase'
};
const facilitator = {
	name: 'Finn Facilitator',
	email: 'finn@testhausen.example',
	password: 'a long facilitator passphrase'
};
const space = {
	id: 'tenants-nord',
	title: 'Tenants of Nordstadt',
	purpose: 'Ideas for the courtyards of the Nordstadt blocks.',
	privacyNotice: 'The housing company keeps your ideas until the end of 2027.\nAsk us anything.',
	erasePolicy: 'delete' as const
};

async function cookieOf(context: BrowserContext): Promise<string> {
	const cookie = (await context.cookies()).find((c) => c.name === sessionCookieName);
	if (!cookie) throw new Error('no session cookie in this context');
	return `${cookie.name}=${cookie.value}`;
}

async function newContexts(browser: Browser, baseURL: string) {
	return Promise.all([
		browser.newContext({ baseURL }),
		browser.newContext({ baseURL }),
		browser.newContext({ ...devices['Pixel 7'], baseURL, acceptDownloads: true })
	]);
}

test('setup, invite, a space, a participant joins, is moderated, exports and erases', async ({
	browser,
	hub
}) => {
	test.setTimeout(120_000);
	const contexts = await newContexts(browser, hub.url);
	const [adminContext, facilitatorContext, phoneContext] = contexts;
	try {
		// The admin sets the hub up and invites a facilitator.
		const adminPage = await adminContext.newPage();
		const setup = new SetupPage(adminPage);
		await setup.goto();
		await setup.setUp(admin);
		await adminPage.waitForURL((url) => url.pathname === '/facilitate');
		const adminView = new AdminPage(adminPage);
		await adminView.goto();
		const inviteUrl = await adminView.invite(facilitator.email);
		expect(new URL(inviteUrl).origin).toBe(hub.url);
		// As the hub's operator, the admin also hosts a second organisation.
		const orgInvite = await adminView.createOrganisation('Nordstadt Housing', 'nora@nord.example');
		expect(orgInvite).toMatch(new RegExp(`^${hub.url}/invite/\\S+$`));
		await expect(adminView.organisationList.getByText('Nordstadt Housing')).toBeVisible();

		// The facilitator accepts, logs out and in again, and creates a space.
		const staff = await facilitatorContext.newPage();
		await staff.goto(inviteUrl);
		await expect(staff.getByText(facilitator.email)).toBeVisible();
		await new AcceptInvitePage(staff).accept(facilitator);
		await staff.waitForURL((url) => url.pathname === '/facilitate');
		const logout = await staff.request.post('/api/v1/auth/logout');
		expect(logout.status()).toBe(204);
		const login = new LoginPage(staff);
		await login.goto();
		await login.logIn(facilitator);
		await staff.waitForURL((url) => url.pathname === '/facilitate');
		await addsFacilitator(adminPage, staff);
		await new FacilitatePage(staff).createSpace(space);
		const board = new BoardPage(staff);
		const joinUrl = await board.joinUrl();
		expect(joinUrl).toMatch(new RegExp(`^${hub.url}/join/[2-9A-HJKMNP-Z]{10}$`));

		// A participant opens the link on a phone, reads the notice, joins and contributes.
		const phone = await phoneContext.newPage();
		await phone.goto(joinUrl);
		const join = new JoinPage(phone);
		await join.expectSpaceShown(space);
		await join.join('Maria');
		await phone.waitForURL((url) => url.pathname === `/s/${space.id}`);
		const spacePage = new SpacePage(phone);
		await spacePage.addIdea({
			title: 'Rain garden in courtyard B',
			text: 'Less heat, less flooding'
		});
		await spacePage.addIdea({ title: 'Shared cargo bike', category: 'mobility' });
		await spacePage.expectBadge('Rain garden in courtyard B', 'confirmed');
		await spacePage.expectBadge('Shared cargo bike', 'confirmed');
		const hiddenId = await spacePage.recordId('Shared cargo bike');

		// A new display name reaches the hub for the space joined; its staff see it.
		const settings = new SettingsPage(phone);
		await settings.goto();
		await settings.displayName.fill('Maria K.');
		await settings.saveName.click();
		await expect(settings.nameRemark).toHaveText('Also sent to the 1 space you joined.');
		await board.goto(space.id);
		await expect(board.participants.getByText('Maria K.', { exact: true })).toBeVisible();
		await phone.goto(`/s/${space.id}`);
		await expect(spacePage.item('Shared cargo bike')).toBeVisible();

		// The facilitator hides one; it leaves the participant's screen live.
		await expect(board.contribution('Shared cargo bike')).toBeVisible({ timeout: 10_000 });
		await board.hide('Shared cargo bike', 'Duplicate of an earlier idea');
		await expect(spacePage.item('Shared cargo bike')).toHaveCount(0, { timeout: 5_000 });
		await expect(spacePage.item('Rain garden in courtyard B')).toBeVisible();
		const staffCookie = await cookieOf(facilitatorContext);
		const hidden = (await pullAll(hub.url, space.id, { cookie: staffCookie })).find(
			(record) => record.id === hiddenId
		);
		expect(hidden).toMatchObject({ hidden: true, hiddenReason: 'Duplicate of an earlier idea' });

		// "My data": the download holds the participant's contribution as data.
		const myData = new MyDataPage(phone);
		await myData.goto();
		await expect(myData.contribution('Rain garden in courtyard B')).toBeVisible();
		const download = await myData.download(space.title);
		const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as {
			space: unknown;
			participant: string;
			records: { id: string; fields: Record<string, unknown> }[];
		};
		const keptId = idOf(exported.records, 'Rain garden in courtyard B');
		expect(exported.records.find((r) => r.id === keptId)?.fields.text).toBe(
			'Less heat, less flooding'
		);
		expect(JSON.stringify(exported)).not.toContain(facilitator.email);

		// Erasing removes it from the device and the hub (this space's policy: delete).
		await myData.erase(space.title);
		await expect(myData.contribution('Rain garden in courtyard B')).toHaveCount(0);
		const records = await pullAll(hub.url, space.id, { cookie: staffCookie });
		const mine = records.filter((r) => r.id === keptId || r.id === hiddenId);
		expect(mine).toHaveLength(2);
		for (const record of mine) expect(record.fields.deleted).toBe(true);
		expect(JSON.stringify(records)).not.toContain('Rain garden');
		expect(JSON.stringify(records)).not.toContain('Maria');
		await phone.goto(`/s/${space.id}`);
		await expect(spacePage.item('Rain garden in courtyard B')).toHaveCount(0);
	} finally {
		await Promise.all(contexts.map((context) => context.close()));
	}
});

/**
 * The admin creates a space, renames it in its settings and adds the facilitator, who then
 * finds it among their spaces; the audit log names the change in words.
 */
async function addsFacilitator(adminPage: Page, staff: Page): Promise<void> {
	const adminSpaces = new FacilitatePage(adminPage);
	await adminSpaces.goto();
	await adminSpaces.createSpace({
		id: 'city-garden',
		title: 'City garden',
		purpose: 'Plans for the garden behind the town hall.',
		privacyNotice: 'The city keeps your ideas for one year.'
	});
	const adminBoard = new BoardPage(adminPage);
	await adminBoard.rename('Town hall garden');
	await adminBoard.addFacilitator(facilitator.name);
	await expect(adminBoard.facilitators.getByRole('listitem')).toHaveCount(2);

	const mine = new FacilitatePage(staff);
	await mine.goto();
	await expect(mine.spaceLink('Town hall garden')).toBeVisible();

	const adminView = new AdminPage(adminPage);
	await adminView.goto();
	await expect(adminView.auditRows('facilitator.add')).toContainText('Facilitator added');
	await expect(adminView.auditRows('space.update')).toContainText('Space settings changed');
}

function idOf(records: { id: string; fields: Record<string, unknown> }[], title: string): string {
	const record = records.find((r) => r.fields.title === title);
	if (!record) throw new Error(`the export has no record titled "${title}"`);
	return record.id;
}
