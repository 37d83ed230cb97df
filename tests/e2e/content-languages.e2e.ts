/**
 * Multilingual content (issue 7): a facilitator writes a workshop in English and adds Arabic in
 * the staff pages; an Arabic phone reads the workshop in Arabic, a Ukrainian phone (no
 * translation) reads English with a note, and both answers name the same choice. A map's
 * category names follow the reader's language too.
 */
import type { Page } from '@playwright/test';
import { pullLive } from '../fixtures/hub';
import { expectNoViolations } from './harness/axe';
import { createMapSpace, createWorkshop, staffContext } from './harness/staff-api';
import { expect, test } from './harness/test';
import { AppShell } from './pages/app-shell';
import { WorkshopBuilderPage } from './pages/workshop-builder';

const prompt = 'Where should the new trees go?';
const choices = ['Main square', 'School yard'];
const arabic = {
	title: 'شوارع أبرد',
	prompt: 'أين يجب أن نزرع الأشجار الجديدة؟',
	choices: ['الساحة الرئيسية', 'ساحة المدرسة']
};

/** Joins on a fresh phone in `language` (its label in the header switch). */
async function joinIn(page: Page, joinCode: string, language: string, name: string) {
	await page.goto(`/join/${joinCode}`);
	await new AppShell(page).switchLanguage(language);
	await page.locator('#display-name').fill(name);
	await page.locator('form.join button[type="submit"]').click();
	await page.waitForURL(/\/s\//);
}

test('a workshop written in English with Arabic added: each phone reads its language or a note', async ({
	browser,
	admin,
	hub
}) => {
	const workshop = await createWorkshop(admin, {
		title: 'Cooler streets',
		languages: ['en', 'ar', 'uk']
	});
	const staff = await staffContext(browser, admin, hub.url);
	const desk = await staff.newPage();

	// The space's settings: its texts are in English; Arabic gets a title, not yet a purpose.
	await desk.goto(`/facilitate/${workshop.id}`);
	const settings = desk.getByTestId('space-settings');
	await settings.getByLabel('Texts are written in').selectOption({ label: 'English' });
	const spaceArabic = settings.getByRole('group', { name: 'العربية' });
	await spaceArabic.getByLabel('Title', { exact: true }).fill(arabic.title);
	await expect(settings.getByRole('group', { name: 'Українська' })).toBeVisible();
	await expectNoViolations(desk, '/facilitate/<space> with translations');
	await settings.getByRole('button', { name: 'Save settings' }).click();
	await expect(settings.getByText('Settings saved.')).toBeVisible();

	// The poll, then its Arabic prompt and choices in the activity's own settings.
	const builder = new WorkshopBuilderPage(desk);
	await builder.goto(workshop.id);
	await builder.add('poll', prompt);
	await builder.setPoll(prompt, choices);
	const editor = await builder.edit(prompt);
	const activityArabic = editor.getByRole('group', { name: 'العربية' });
	await activityArabic.getByLabel('Prompt', { exact: true }).fill(arabic.prompt);
	await activityArabic.getByLabel(`Choice: ${choices[0]}`).fill(arabic.choices[0]!);
	await activityArabic.getByLabel(`Choice: ${choices[1]}`).fill(arabic.choices[1]!);
	await expectNoViolations(desk, '/facilitate/<space>/workshop with translations');
	await builder.save(editor);
	await builder.open(prompt);

	const samira = await (await browser.newContext({ baseURL: hub.url })).newPage();
	await joinIn(samira, workshop.joinCode, 'العربية', 'Samira');
	await expect(samira.getByRole('heading', { level: 1 })).toHaveText(arabic.title);
	// The purpose has no Arabic yet: it shows in English, and the page says so.
	await expect(samira.getByText('Plan a cooler, greener street together.')).toBeVisible();
	await expect(samira.getByTestId('fallback-note').first()).toContainText('English');
	const now = samira.getByTestId('current-activity');
	await expect(now.getByRole('heading', { level: 2 })).toContainText(arabic.prompt);
	await expect(now.getByTestId('fallback-note')).toHaveCount(0);
	await expect(now.getByRole('radio', { name: choices[0] })).toHaveCount(0);
	await now.getByRole('radio', { name: arabic.choices[0] }).check();
	await now.locator('button[type="submit"]').click();
	await expect(now.getByTestId('my-answer')).toBeVisible();
	await expectNoViolations(samira, '/s/<space> in Arabic with a fallback note');

	const olena = await (await browser.newContext({ baseURL: hub.url })).newPage();
	await joinIn(olena, workshop.joinCode, 'Українська', 'Olena');
	await expect(olena.getByRole('heading', { level: 1 })).toHaveText('Cooler streets');
	const hers = olena.getByTestId('current-activity');
	await expect(hers.getByRole('heading', { level: 2 })).toContainText(prompt);
	await expect(hers.getByTestId('fallback-note')).toContainText('English');
	await hers.getByRole('radio', { name: choices[0] }).check();
	await hers.locator('button[type="submit"]').click();
	await expect(hers.getByTestId('my-answer')).toBeVisible();

	// Whatever language they read it in, both chose the same choice.
	await expect
		.poll(async () => {
			const records = await pullLive(hub.url, workshop.id, admin);
			return records
				.filter((record) => record.type === 'answer')
				.map((record) => JSON.parse(String(record.fields.value)) as unknown);
		})
		.toEqual([['main-square'], ['main-square']]);

	// The facilitator's own page keeps the original.
	await builder.expectStatus(prompt, 'open');
	await staff.close();
	await samira.context().close();
	await olena.context().close();
});

test("a map's category names follow the reader's language, with a note for the missing ones", async ({
	browser,
	admin,
	hub
}) => {
	const map = await createMapSpace(
		admin,
		{},
		{
			language: 'en',
			languages: ['en', 'ar'],
			translations: { ar: { 'category.green': 'خضرة', title: 'خريطة الحي' } }
		}
	);
	const page = await (await browser.newContext({ baseURL: hub.url })).newPage();
	await joinIn(page, map.joinCode, 'العربية', 'Samira');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('خريطة الحي');
	const filter = page.getByTestId('category-filter');
	await expect(filter.getByText('خضرة')).toBeVisible();
	await expect(filter.getByText('Greenery')).toHaveCount(0);
	// "Benches" has no Arabic: it stays English, and the page says texts fall back.
	await expect(filter.getByText('Benches')).toBeVisible();
	await expect(page.getByTestId('fallback-note').first()).toContainText('English');
	await page.context().close();
});
