import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { injectedNodes, xssName, xssPayloads } from '../fixtures/xss';
import { expect, test } from './harness/test';
import { createSpace, sessionCookieName } from './harness/staff-api';
import { BoardPage } from './pages/board-page';
import { IdeaPage } from './pages/idea-page';
import { joinSpace } from './pages/join-page';
import { MyDataPage } from './pages/my-data-page';
import { SpacePage } from './pages/space-page';
import { AdminPage } from './pages/staff-pages';

/** Fails the test on any dialog a payload could open; returns the check for the other signs. */
function guard(page: Page): (view: string) => Promise<void> {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(`${dialog.type()}: ${dialog.message()}`);
		void dialog.dismiss();
	});
	return async (view) => {
		expect(dialogs, `no dialog opened on ${view}`).toEqual([]);
		const pwned = await page.evaluate(() => (window as { __pwned?: unknown }).__pwned);
		expect(pwned, `no payload ran on ${view}`).toBeUndefined();
		expect(await page.evaluate(injectedNodes), `no injected element on ${view}`).toEqual([]);
	};
}

const spaceTitle = `${xssName} Square`;
const reason = xssPayloads[4]!.text;

test('user text is rendered as text in every view and export', async ({
	browser,
	baseURL,
	admin
}) => {
	test.setTimeout(120_000);
	const space = await createSpace(admin, { title: spaceTitle, purpose: xssPayloads[1]!.text });
	const staffName = xssPayloads[2]!.text;
	const invite = await admin.api.post('/api/v1/invites', {
		data: { email: 'mallory@testhausen.example', role: 'facilitator' }
	});
	expect(invite.status()).toBe(201);
	const { invite: created } = (await invite.json()) as { invite: { token: string } };
	const phoneContext = await browser.newContext({ baseURL, acceptDownloads: true });
	const staffContext = await browser.newContext({ baseURL });
	try {
		const accepted = await staffContext.request.post(`/api/v1/invites/${created.token}/accept`, {
			data: { name: staffName, password: 'mallory has a long password' }
		});
		expect(accepted.status()).toBe(201);

		// A participant with a payload for a name writes every payload as title and text.
		const phone = await phoneContext.newPage();
		const check = guard(phone);
		await joinSpace(phone, space, xssName);
		await check('/join');
		const spacePage = new SpacePage(phone);
		await spacePage.expectOpen(space);
		for (const payload of xssPayloads)
			await spacePage.addIdea({ title: payload.text, text: `Text: ${payload.text}` });
		for (const payload of xssPayloads) {
			await expect(spacePage.items.getByText(payload.text, { exact: true })).toBeVisible();
			await expect(
				spacePage.items.getByText(`Text: ${payload.text}`, { exact: true })
			).toBeVisible();
		}
		await expect(spacePage.items.first()).toContainText(xssName);
		await spacePage.expectBadge(xssPayloads.at(-1)!.text, 'confirmed');
		await check('the space page');

		const editor = new IdeaPage(phone);
		const opened = [xssPayloads[1]!, xssPayloads[4]!];
		const ids = await Promise.all(opened.map((payload) => spacePage.recordId(payload.text)));
		for (const [index, payload] of opened.entries()) {
			await editor.goto(space.id, ids[index]!);
			await expect(editor.title).toHaveValue(payload.text);
			await expect(editor.description).toHaveValue(`Text: ${payload.text}`);
			await check(`the idea page of "${payload.name}"`);
		}

		// The facilitator board, with a payload as the reason for hiding one.
		const staff = await staffContext.newPage();
		const checkStaff = guard(staff);
		const cookie = admin.cookie.slice(sessionCookieName.length + 1);
		await staffContext.addCookies([{ name: sessionCookieName, value: cookie, url: baseURL! }]);
		const board = new BoardPage(staff);
		await board.goto(space.id);
		await expect(staff.getByText(spaceTitle, { exact: true }).first()).toBeVisible();
		for (const payload of xssPayloads)
			await expect(board.contributions.getByText(payload.text, { exact: true })).toBeVisible();
		await board.hide(xssPayloads[0]!.text, reason);
		await expect(board.contribution(xssPayloads[0]!.text)).toContainText(reason);
		await checkStaff('the facilitator board');
		await expect(spacePage.item(xssPayloads[0]!.text)).toHaveCount(0);

		// The audit log names the facilitator whose name is a payload.
		const adminPage = new AdminPage(staff);
		await adminPage.goto();
		await expect(adminPage.auditLog.getByText(staffName, { exact: true }).first()).toBeVisible();
		await checkStaff('the audit log');

		// My data, on screen and as a download.
		const myData = new MyDataPage(phone);
		await myData.goto();
		for (const payload of xssPayloads.slice(1))
			await expect(myData.contribution(payload.text).first()).toBeVisible();
		await check('my data');
		const download = await myData.download(spaceTitle);
		const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as {
			records: { fields: Record<string, unknown> }[];
		};
		const titles = exported.records.map((record) => record.fields.title);
		for (const payload of xssPayloads.slice(1)) expect(titles).toContain(payload.text);
		for (const record of exported.records) expect(record.fields.authorName).toBe(xssName);
	} finally {
		await Promise.all([phoneContext.close(), staffContext.close()]);
	}
});

test('pages are served with a Content-Security-Policy that allows no stray inline script', async ({
	page,
	baseURL
}) => {
	const response = await page.goto(`${baseURL}/me`);
	const csp = response?.headers()['content-security-policy'] ?? '';
	const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src'));
	expect(scriptSrc).toMatch(/^\s*script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
	expect(csp).toContain("object-src 'none'");
	expect(csp).toContain("frame-ancestors 'none'");
	// The app booted under it: the hashed boot script ran, nothing else was needed.
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const blocked = await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.__pwned = true';
		document.body.append(script);
		return (window as { __pwned?: unknown }).__pwned;
	});
	expect(blocked).toBeUndefined();
});
