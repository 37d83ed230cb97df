import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** An account as the forms ask for it. */
export interface StaffAccount {
	organisation?: string;
	name: string;
	email: string;
	password: string;
}

/** The one submit button of the first form on the page. */
function submitOf(page: Page): Locator {
	return page.locator('form').first().locator('button[type="submit"]');
}

/** `/setup`: the one-time form that creates the first organisation and its admin. */
export class SetupPage extends AppShell {
	readonly organisation: Locator;
	readonly name: Locator;
	readonly email: Locator;
	readonly password: Locator;
	readonly submit: Locator;

	constructor(page: Page) {
		super(page);
		this.organisation = page.locator('#setup-organisation');
		this.name = page.locator('#setup-name');
		this.email = page.locator('#setup-email');
		this.password = page.locator('#setup-password');
		this.submit = submitOf(page);
	}

	async goto(): Promise<void> {
		await this.page.goto('/setup');
	}

	async setUp(account: StaffAccount): Promise<void> {
		await this.organisation.fill(account.organisation ?? 'City of Testhausen');
		await this.name.fill(account.name);
		await this.email.fill(account.email);
		await this.password.fill(account.password);
		await this.submit.click();
	}
}

/** `/login`: email and password. */
export class LoginPage extends AppShell {
	readonly email: Locator;
	readonly password: Locator;
	readonly submit: Locator;

	constructor(page: Page) {
		super(page);
		this.email = page.locator('#login-email');
		this.password = page.locator('#login-password');
		this.submit = submitOf(page);
	}

	async goto(): Promise<void> {
		await this.page.goto('/login');
	}

	async logIn(account: Pick<StaffAccount, 'email' | 'password'>): Promise<void> {
		await this.email.fill(account.email);
		await this.password.fill(account.password);
		await this.submit.click();
	}
}

/** `/invite/<token>`: who is invited, then name and password. */
export class AcceptInvitePage extends AppShell {
	readonly name: Locator;
	readonly password: Locator;
	readonly submit: Locator;

	constructor(page: Page) {
		super(page);
		this.name = page.locator('#invite-name');
		this.password = page.locator('#invite-password');
		this.submit = submitOf(page);
	}

	async accept(account: Pick<StaffAccount, 'name' | 'password'>): Promise<void> {
		await this.name.fill(account.name);
		await this.password.fill(account.password);
		await this.submit.click();
	}
}

/** `/admin`: invite people, the accounts, organisations (operator), the audit log, log out. */
export class AdminPage extends AppShell {
	readonly inviteEmail: Locator;
	readonly inviteRole: Locator;
	readonly inviteSubmit: Locator;
	readonly inviteLink: Locator;
	readonly auditLog: Locator;
	readonly organisationList: Locator;
	readonly organisationInviteLink: Locator;

	constructor(page: Page) {
		super(page);
		this.inviteEmail = page.locator('#invite-email');
		this.inviteRole = page.locator('#invite-role');
		this.inviteSubmit = page.locator('form:has(#invite-email) button[type="submit"]');
		this.inviteLink = page.getByTestId('invite-link');
		this.auditLog = page.getByTestId('audit-log');
		this.organisationList = page.getByTestId('organisation-list');
		this.organisationInviteLink = page.getByTestId('organisation-invite-link');
	}

	async goto(): Promise<void> {
		await this.page.goto('/admin');
	}

	/** Invites `email` and returns the absolute invite link shown to pass on. */
	async invite(email: string, role: 'facilitator' | 'admin' = 'facilitator'): Promise<string> {
		await this.inviteEmail.fill(email);
		await this.inviteRole.selectOption(role);
		await this.inviteSubmit.click();
		await expect(this.inviteLink).toHaveValue(/\/invite\/\S+$/);
		return this.inviteLink.inputValue();
	}

	/** Creates an organisation and returns the invite link of its first admin. */
	async createOrganisation(name: string, adminEmail: string): Promise<string> {
		await this.page.locator('#organisation-name').fill(name);
		await this.page.locator('#organisation-admin-email').fill(adminEmail);
		await this.page.locator('form:has(#organisation-name) button[type="submit"]').click();
		await expect(this.organisationInviteLink).toHaveValue(/\/invite\/\S+$/);
		return this.organisationInviteLink.inputValue();
	}

	/** The audit log's rows whose action is `action` (the hub's code, shown translated). */
	auditRows(action: string): Locator {
		return this.auditLog.locator('tbody tr').filter({
			has: this.page.locator(`td[data-action="${action}"]`)
		});
	}
}

export interface NewSpaceInput {
	id: string;
	title: string;
	purpose: string;
	privacyNotice: string;
	erasePolicy?: 'delete' | 'anonymise';
}

/** `/facilitate`: my spaces and the "New space" form. */
export class FacilitatePage extends AppShell {
	readonly heading: Locator;
	readonly spaceList: Locator;

	constructor(page: Page) {
		super(page);
		this.heading = page.getByRole('heading', { level: 1 });
		this.spaceList = page.getByTestId('space-list');
	}

	async goto(): Promise<void> {
		await this.page.goto('/facilitate');
	}

	spaceLink(title: string): Locator {
		return this.spaceList.getByRole('link', { name: title, exact: true });
	}

	/** Opens "New space", fills it in and creates the space; the space's board opens. */
	async createSpace(input: NewSpaceInput): Promise<void> {
		const form = this.page.locator('form:has(#space-title)');
		if (!(await form.isVisible())) await this.page.locator('details.new-space > summary').click();
		await this.page.locator('#space-title').fill(input.title);
		await this.page.locator('#space-id').fill(input.id);
		await this.page.locator('#space-purpose').fill(input.purpose);
		await this.page.locator('#space-privacy').fill(input.privacyNotice);
		await form
			.locator(`input[name="erase-policy"][value="${input.erasePolicy ?? 'delete'}"]`)
			.check();
		await form.locator('button[type="submit"]').click();
		await this.page.waitForURL((url) => url.pathname === `/facilitate/${input.id}`);
	}
}
