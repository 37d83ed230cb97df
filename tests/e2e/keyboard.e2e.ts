/**
 * A workshop with the keyboard only (issue 7): a phone opens Plaza, enters the join code, joins,
 * posts a note in the brainstorm and puts dots on the vote, with Tab, Shift+Tab, Enter, Space and
 * typing; never a click. Each control reached shows a focus ring. What changed is announced
 * politely (role=status), on the phone and on the facilitator's board. The facilitator's side
 * (activities, the other people's notes) is made through the hub API.
 */
import { expectFocusVisible, expectNoViolationsInEnglishAndArabic, tabTo } from './harness/axe';
import { seedCluster, seedWorkshop } from './harness/seed';
import { createWorkshop, staffContext } from './harness/staff-api';
import { expect, test } from './harness/test';
import { HomePage } from './pages/home-page';
import { JoinPage } from './pages/join-page';
import { WorkshopBoardPage } from './pages/workshop-board';
import { WorkshopParticipantPage } from './pages/workshop-participant';

const note = 'Drinking water at the playground';

test('a workshop is joined, a note posted and dots voted with the keyboard only', async ({
	page,
	browser,
	admin,
	hub
}) => {
	test.setTimeout(90_000);
	const workshop = await createWorkshop(admin);
	const seeded = await seedWorkshop(hub.url, admin, workshop, {
		open: 'brainstorm',
		input: false
	});
	// The facilitator's board is on the projector while the phone takes part.
	const staff = await staffContext(browser, admin, hub.url);
	try {
		const board = new WorkshopBoardPage(await staff.newPage());
		await board.goto(workshop.id);
		await expect(board.noteCount).toHaveText('4');

		const home = new HomePage(page);
		await home.goto();
		await tabTo(page, home.joinCode);
		await expectFocusVisible(page);
		await page.keyboard.type(workshop.joinCode);
		await page.keyboard.press('Tab');
		await expect(home.continueButton).toBeFocused();
		await expectFocusVisible(page);
		await page.keyboard.press('Enter');

		const join = new JoinPage(page);
		await join.expectSpaceShown(workshop);
		await tabTo(page, join.displayName);
		await page.keyboard.type('Kim');
		await tabTo(page, join.joinButton, 10);
		await expectFocusVisible(page);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === `/s/${workshop.id}`);

		// The brainstorm: the note, a category chip chosen with the arrows, "Post note".
		const phone = new WorkshopParticipantPage(page);
		await phone.expectNow(seeded.prompts.brainstorm);
		await tabTo(page, phone.noteText);
		await expectFocusVisible(page);
		await page.keyboard.type(note);
		await page.keyboard.press('Tab');
		const noCategory = phone.current.getByRole('radio', { name: 'No category' });
		await expect(noCategory).toBeFocused();
		await expectFocusVisible(page);
		await page.keyboard.press('ArrowRight');
		const first = phone.current.getByRole('radio').nth(1);
		await expect(first).toBeFocused();
		await expect(first).toBeChecked();
		await tabTo(page, phone.postButton, 5);
		await expectFocusVisible(page);
		await page.keyboard.press('Enter');

		// What the person notices: the note under "My notes", sent; the form empty and ready.
		await expect(phone.myNote(note)).toBeVisible();
		await expect(phone.noteText).toBeFocused();
		await expect(phone.noteText).toHaveValue('');
		await phone.expectNoteBadge(note, 'confirmed');
		// Announced politely: the page's status message and the sync status.
		await expect(page.getByRole('status').filter({ hasText: 'Note posted' })).toHaveCount(1);
		await expect(phone.syncStatus).toHaveAttribute('role', 'status');
		await expect(phone.syncStatus).toHaveAttribute('aria-live', 'polite');
		await phone.expectSyncState('synced');
		await expect(phone.syncStatus).toHaveText(/\S/);
		// On the board the note arrives, and the count in its polite live region goes up.
		await expect(board.note(note)).toHaveCount(1);
		await expect(board.noteCount).toHaveText('5');
		await expect(
			board.page.locator('[aria-live="polite"]').filter({ has: board.noteCount })
		).toHaveCount(1);
		await expectNoViolationsInEnglishAndArabic(
			page,
			'/s/<workshop> (brainstorm)',
			phone.myNote(note)
		);

		// The facilitator opens the dot vote; the phone follows the room.
		await seeded.open('dot-vote');
		await phone.expectNow(seeded.prompts['dot-vote']);
		await phone.expectDotsLeft(5);
		await expect(phone.dotsLeft).toHaveAttribute('role', 'status');
		const cluster = seedCluster;
		const add = phone.addDotButton(cluster);
		await tabTo(page, add);
		await expectFocusVisible(page);
		await page.keyboard.press('Enter');
		await expect(phone.voteCount(cluster)).toHaveText('1 dot');
		await phone.expectDotsLeft(4);
		await page.keyboard.press('Space');
		await expect(phone.voteCount(cluster)).toHaveText('2 dots');
		await phone.expectDotsLeft(3);
		await expect(add).toBeFocused();
		// One back: Shift+Tab to "−" of the same item.
		const remove = phone.removeDotButton(cluster);
		await tabTo(page, remove, 5, true);
		await expectFocusVisible(page);
		await page.keyboard.press('Enter');
		await expect(phone.voteCount(cluster)).toHaveText('1 dot');
		await phone.expectDotsLeft(4);
		await expect(remove).toBeFocused();
		// And one on the person's own note.
		await tabTo(page, phone.addDotButton(note));
		await page.keyboard.press('Enter');
		await expect(phone.voteCount(note)).toHaveText('1 dot');
		await phone.expectDotsLeft(3);
		await phone.expectSyncState('synced');
		await expectNoViolationsInEnglishAndArabic(page, '/s/<workshop> (dot vote)', phone.dotsLeft);
	} finally {
		await staff.close();
	}
});
