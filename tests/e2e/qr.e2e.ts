import { devices } from '@playwright/test';
import { decodeQr } from './harness/qr';
import { createWorkshop, staffContext } from './harness/staff-api';
import { expect, test } from './harness/test';
import { BoardPage } from './pages/board-page';
import { JoinPage } from './pages/join-page';

test('the QR code on a space’s staff page decodes to its absolute join link', async ({
	browser,
	admin,
	baseURL
}) => {
	const workshop = await createWorkshop(admin);
	const staff = await staffContext(browser, admin, baseURL!, { deviceScaleFactor: 3 });
	const phone = await browser.newContext({ ...devices['Pixel 7'], baseURL });
	try {
		const board = new BoardPage(await staff.newPage());
		await board.goto(workshop.id);
		const decoded = await decodeQr(board.qrCode);
		expect(decoded).toBe(`${baseURL}/join/${workshop.joinCode}`);
		expect(decoded).toBe(await board.joinUrl());

		// A phone that scans it lands on this workshop's join page.
		const page = await phone.newPage();
		await page.goto(decoded);
		await new JoinPage(page).expectSpaceShown(workshop);
	} finally {
		await Promise.all([staff.close(), phone.close()]);
	}
});
