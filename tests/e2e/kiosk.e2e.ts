/**
 * Kiosk mode: one tablet at a stand, logged in as the facilitator, takes notes from visitors
 * one after another. Each visitor leaves no trace the next can see (not in the text, not in a
 * form value, not in the history), a half-typed entry is wiped after a pause, and every note
 * still reaches the facilitator's board on another device through the hub. The screen stays
 * on while the kiosk is shown (a wake lock, released on exit).
 */
import type { Page } from '@playwright/test';
import { createWorkshop, staffContext } from './harness/staff-api';
import { expect, test } from './harness/test';
import { KioskPage } from './pages/kiosk-page';
import { WorkshopBoardPage } from './pages/workshop-board';
import { WorkshopBuilderPage } from './pages/workshop-builder';

const prompt = 'What would make the market square better?';
const visitors = [
	{ text: 'Benches under the plane trees', category: 'Green and public space' },
	{ text: 'A bike rack next to the bakery', category: 'Mobility' },
	{ text: 'Free drinking water on market days', category: undefined }
];
const poll = 'Should the market open on Sundays?';
const halfTyped = 'My phone number is 0176';

interface WakeLocks {
	requested: number;
	active: number;
}

/** Stands in for `navigator.wakeLock` (headless browsers may refuse the real one). */
function fakeWakeLock() {
	const state: WakeLocks = { requested: 0, active: 0 };
	(window as unknown as { wakeLocks: WakeLocks }).wakeLocks = state;
	Object.defineProperty(navigator, 'wakeLock', {
		configurable: true,
		value: {
			async request() {
				state.requested += 1;
				state.active += 1;
				let released = false;
				return {
					get released() {
						return released;
					},
					async release() {
						if (!released) state.active -= 1;
						released = true;
					}
				};
			}
		}
	});
}

const wakeLocks = (page: Page) =>
	page.evaluate(() => (window as unknown as { wakeLocks: WakeLocks }).wakeLocks);

test('three visitors in a row leave no trace of each other on the kiosk', async ({
	browser,
	admin,
	baseURL
}) => {
	test.setTimeout(120_000);
	const workshop = await createWorkshop(admin);
	const tablet = await staffContext(browser, admin, baseURL!);
	const laptop = await staffContext(browser, admin, baseURL!);
	try {
		const builder = new WorkshopBuilderPage(await laptop.newPage());
		await builder.goto(workshop.id);
		await builder.add('brainstorm', prompt);
		await builder.useThemes(prompt);
		await builder.open(prompt);
		const board = new WorkshopBoardPage(builder.page);
		await board.goto(workshop.id);
		await expect(board.prompt).toHaveText(prompt);

		// The tablet runs the kiosk with short timers (a minute of idleness by default).
		await tablet.addInitScript(fakeWakeLock);
		const page = await tablet.newPage();
		const kiosk = new KioskPage(page);
		await kiosk.goto(workshop.id, 'idle=2&thanks=1');
		await expect(kiosk.prompt).toHaveText(prompt);
		await expect.poll(() => wakeLocks(page)).toEqual({ requested: 1, active: 1 });
		await expect(kiosk.text).toHaveAttribute('autocomplete', 'off');
		expect(await kiosk.everything()).toContain(prompt);
		const entries = await page.evaluate(() => window.history.length);

		const earlier: string[] = [];
		for (const visitor of visitors) {
			await kiosk.expectReady();
			await kiosk.leaveNote(visitor.text, visitor.category);
			earlier.push(visitor.text);
			for (const text of earlier) expect(await kiosk.everything()).not.toContain(text);
			await kiosk.expectReady();
			for (const text of earlier) expect(await kiosk.everything()).not.toContain(text);
			await expect(kiosk.text).toHaveAttribute('autocomplete', 'off');
		}
		expect(await page.evaluate(() => window.history.length)).toBe(entries);

		// A visitor who walks away mid-sentence: the pause wipes the entry, it is never sent.
		await kiosk.text.fill(halfTyped);
		await expect(kiosk.text).toHaveValue('', { timeout: 15_000 });
		expect(await kiosk.everything()).not.toContain(halfTyped);

		// The board on the facilitator's laptop receives every note, and only those.
		for (const visitor of visitors)
			await expect(board.note(visitor.text)).toHaveCount(1, { timeout: 20_000 });
		await expect(board.notes).toHaveCount(visitors.length);
		await expect(board.page.getByText(halfTyped)).toHaveCount(0);

		// A poll is answered on the visitors' own phones: the kiosk says so and takes no input.
		await builder.goto(workshop.id);
		await builder.add('poll', poll);
		await builder.setPoll(poll, ['Yes', 'No']);
		await builder.close(prompt);
		await builder.open(poll);
		await expect(kiosk.prompt).toHaveText(poll, { timeout: 20_000 });
		await expect(kiosk.ownPhone).toBeVisible();
		await expect(kiosk.text).toHaveCount(0);

		// Leaving the kiosk takes a deliberate, confirmed action.
		// The facilitator starts it from the workshop's staff page; the back button does not
		// lead a visitor there.
		await page.goto(`/facilitate/${workshop.id}`);
		await page.getByRole('link', { name: 'Start kiosk', exact: true }).click();
		await page.waitForURL(`**/kiosk/${workshop.id}`);
		await expect(kiosk.ownPhone).toBeVisible();
		await page.goBack();
		await expect(kiosk.kiosk).toBeVisible();
		expect(new URL(page.url()).pathname).toBe(`/kiosk/${workshop.id}`);
		await kiosk.exit.click();
		await kiosk.exitNo.click();
		await expect(kiosk.ownPhone).toBeVisible();
		await kiosk.exit.click();
		await kiosk.exitYes.click();
		await page.waitForURL(`**/facilitate/${workshop.id}`);
		// Off the kiosk, the screen may sleep again.
		await expect.poll(async () => (await wakeLocks(page)).active).toBe(0);
		expect((await wakeLocks(page)).requested).toBeGreaterThan(0);
	} finally {
		await tablet.close();
		await laptop.close();
	}
});
