/**
 * The staff account as the UI sees it. The account is cached on the device (store meta), so a
 * facilitator who logged in once keeps working after an offline reload: the UI trusts the
 * cache, and `refresh()` corrects it from the hub whenever the hub answers. Only a real answer
 * changes the cache; an unreachable hub leaves it as it was.
 */
import type { AccountView } from '$lib/domain/auth';
import { cachedAccount, live, setCachedAccount } from '$lib/store';
import { cacheSpaces } from './space-cache';
import { staffApi } from './staff-api';

class StaffSession {
	#cached = live(cachedAccount);
	#refreshing: Promise<void> | null = null;

	/** The cached account; `undefined` while the device store is still being read. */
	get account(): AccountView | null | undefined {
		const account = this.#cached.current;
		return this.#cached.loading ? undefined : (account ?? null);
	}

	get loading(): boolean {
		return this.#cached.loading;
	}

	/** Asks the hub who is logged in (once at a time); keeps the cache when the hub is away. */
	refresh(): Promise<void> {
		this.#refreshing ??= staffApi
			.me()
			.then((account) => setCachedAccount(account))
			.catch(() => undefined)
			.finally(() => {
				this.#refreshing = null;
			});
		return this.#refreshing;
	}

	/** Caches the account the hub answered with after setup, login or accepting an invite. */
	async adopt(account: AccountView | null): Promise<void> {
		await setCachedAccount(account);
	}

	async login(email: string, password: string): Promise<AccountView | null> {
		const account = await staffApi.login({ email, password });
		await this.adopt(account);
		return account;
	}

	/** Ends this session (or every session of the account); needs the hub, else it throws. */
	async logout(everywhere = false): Promise<void> {
		await (everywhere ? staffApi.logoutAll() : staffApi.logout());
		cacheSpaces(null);
		await this.adopt(null);
	}
}

export const staffSession = new StaffSession();
