/**
 * Pledges (issue 6). A phone pledges and checks in twice while offline (a week apart, on a moved
 * clock), keeps everything through an offline reload, and syncs once online; the public
 * dashboard on another device then shows the new totals, and a withdrawal drops them. Staff add a
 * local action in two languages that a participant sees in theirs; the pledge pages, the
 * dashboards and the staff page pass axe.
 */
import { devices, type Page } from '@playwright/test';
import { pullLive } from '../fixtures/hub';
import { expectNoViolations } from './harness/axe';
import { seedPledges } from './harness/seed';
import { createSpace, type AdminSession, type ProvisionedSpace } from './harness/staff-api';
import { expect, test, waitForServiceWorker } from './harness/test';
import { ImpactPage } from './pages/impact-page';
import { joinSpace } from './pages/join-page';
import { PledgePage } from './pages/pledge-page';

const dayMs = 86_400_000;

function campaign(admin: AdminSession): Promise<ProvisionedSpace> {
	return createSpace(admin, {
		kind: 'pledge',
		title: 'Car-free May in District 4',
		purpose: 'Leave the car at home in May.',
		pledge: { goalPeople: 500, goalTco2e: 300, themes: ['mobility', 'food'] },
		impactPublic: true
	});
}

async function hubPledgeRecords(url: string, space: string, admin: AdminSession) {
	const records = await pullLive(url, space, { cookie: admin.cookie });
	return {
		pledges: records.filter((r) => r.type === 'pledge'),
		checkIns: records.filter((r) => r.type === 'checkIn')
	};
}

test('a pledge and two check-ins made offline reach the hub; another device’s dashboard adds them up; withdrawing drops them', async ({
	browser,
	baseURL,
	admin
}) => {
	const space = await campaign(admin);
	await seedPledges(baseURL!, space, 5, 'car-free');

	const phone = await browser.newContext({ ...devices['Pixel 7'], baseURL });
	const page = await phone.newPage();
	// The phone lives eight days ago, so its pledge is in its second week when the clock moves on.
	const now = Date.now();
	await page.clock.setFixedTime(now - 8 * dayMs);
	await joinSpace(page, space);
	await waitForServiceWorker(page);
	const pledges = new PledgePage(page);
	await expect(page.getByTestId('campaign-header')).toBeVisible();
	// A campaign offers only its themes.
	await expect(pledges.actions.getByRole('button', { name: 'Buy green electricity' })).toHaveCount(
		0
	);

	await phone.setOffline(true);
	await pledges.chooseAction('Leave the car at home');
	await expect(pledges.formula).toHaveText(
		'3 of 5 commuting days a week ≈ 60% of 2.4 t = 1.44 t CO2e a year'
	);
	await expect(page.getByTestId('estimate-note')).toBeVisible();
	await pledges.pledge('3 of 5 commuting days a week');
	const card = pledges.card('Leave the car at home');
	await card.checkIn('did it');

	await page.clock.setFixedTime(now);
	await page.reload();
	await expect(card.root).toContainText('Week 2 of 9');
	await card.checkIn('did it');
	await expect(card.root).toContainText('Streak: 2 weeks');
	await page.reload();
	await expect(card.status).toHaveText('Active');
	await expect(card.root).toContainText('Streak: 2 weeks');
	await expect(card.syncBadge).toHaveAttribute('data-state', 'waiting');
	expect((await hubPledgeRecords(baseURL!, space.id, admin)).checkIns).toEqual([]);

	await phone.setOffline(false);
	await card.expectSynced();
	const onHub = await hubPledgeRecords(baseURL!, space.id, admin);
	expect(onHub.pledges).toHaveLength(6);
	expect(onHub.checkIns.map((r) => [r.fields.week, r.fields.result]).sort()).toEqual([
		[1, 'done'],
		[2, 'done']
	]);

	const other = await browser.newContext({ baseURL });
	const dashboard = new ImpactPage(await other.newPage());
	await dashboard.open(space.id);
	await expect(dashboard.number('people')).toHaveText('6');
	await expect(dashboard.number('activePledges')).toHaveText('6');
	await expect(dashboard.number('checkIns')).toHaveText('2');
	await expect(dashboard.number('tco2e')).toHaveText('13.4');
	await expect(dashboard.themeCells('mobility')).toHaveText(['6', '6', '13.4']);
	await expect(dashboard.themeCells('food')).toHaveText(['0', '0', '0']);
	await expect(dashboard.page.getByTestId('goal-progress')).toContainText('6 of 500 people');

	await card.withdraw();
	await card.expectSynced();
	await dashboard.expectPeople('5');
	await expect(dashboard.number('tco2e')).toHaveText('12');
	await expect(dashboard.number('checkIns')).toHaveText('0');
	await expect(dashboard.themeCells('mobility')).toHaveText(['5', '5', '12']);
	await phone.close();
	await other.close();
});

async function addLocalAction(page: Page, space: string): Promise<void> {
	await page.goto(`/facilitate/${space}/pledges`);
	const form = page.getByTestId('pledge-action-form');
	await form.getByLabel('Theme').selectOption('mobility');
	const english = form.getByRole('group', { name: /Texts in English/ });
	await english.getByLabel('Title').fill('Share your car with the neighbours');
	await english.getByLabel('What people commit to').fill('Days a week I share my car');
	await english.getByLabel('Description').fill('Lend your car through the district car club.');
	const german = form.getByRole('group', { name: /Texts in Deutsch/ });
	await german.getByLabel('Title').fill('Teile dein Auto mit den Nachbarn');
	await german.getByLabel('What people commit to').fill('Tage pro Woche, an denen ich teile');
	await german.getByLabel('Description').fill('Verleih dein Auto über den Autoclub.');
	await form.getByLabel(/^Estimated saving/).fill('0.7');
	await form.getByLabel('Source of the figure').fill('District 4 car club survey, 2026');
	await form.getByLabel('Unit of the level').selectOption('days-per-week');
	await form.getByLabel('Lowest level').fill('1');
	await form.getByLabel('Highest level').fill('7');
	await form.getByLabel('Step between levels').fill('1');
	await form.getByLabel('Reference level', { exact: true }).fill('7');
	await form.getByRole('button', { name: 'Add the action' }).click();
	await expect(page.getByTestId('pledge-actions')).toContainText(
		'Share your car with the neighbours'
	);
}

test('staff add a local action in two languages; a participant sees theirs; every pledge page passes axe', async ({
	page,
	browser,
	baseURL,
	admin
}) => {
	const space = await createSpace(admin, {
		kind: 'workshop',
		date: '2027-05-12',
		place: 'Town hall',
		languages: ['en', 'de']
	});
	await page
		.context()
		.addCookies([{ name: 'plaza_session', value: admin.cookie.split('=')[1]!, url: baseURL! }]);
	await addLocalAction(page, space.id);
	await expect(page.getByTestId('pledge-actions')).not.toContainText('Not sent to the hub yet', {
		timeout: 20_000
	});
	await expectNoViolations(page, '/facilitate/<space>/pledges');

	const phone = await browser.newContext({ ...devices['Pixel 7'], baseURL });
	const participant = await phone.newPage();
	await joinSpace(participant, space);
	const pledges = new PledgePage(participant);
	await pledges.open(space.id);
	await expect(pledges.actions).toContainText('Share your car with the neighbours');
	await pledges.switchLanguage('Deutsch');
	await pledges.chooseAction('Teile dein Auto mit den Nachbarn');
	await expect(pledges.actionView).toContainText('District 4 car club survey, 2026');
	await expectNoViolations(participant, '/s/<space>/pledges (an action, German)');
	await participant.getByRole('button', { name: 'Zusage machen' }).click();
	await expect(pledges.card('Teile dein Auto').syncBadge).toHaveAttribute(
		'data-state',
		'confirmed',
		{ timeout: 20_000 }
	);
	await expectNoViolations(participant, '/s/<space>/pledges (my pledges, German)');

	const dashboard = new ImpactPage(page);
	await dashboard.open(space.id);
	// One person: every number is hidden to keep the pledge anonymous.
	await expect(dashboard.number('people')).toContainText('Fewer than 5 people');
	await expect(dashboard.themeCells('mobility')).toHaveText(['Hidden', 'Hidden', 'Hidden']);
	await expectNoViolations(page, '/impact/<space>');
	await page.goto(`/impact/organisation/${admin.account.organisation}`);
	await expect(page.getByTestId('impact-spaces')).toBeVisible();
	await expectNoViolations(page, '/impact/organisation/<id>');
	await phone.close();
});
