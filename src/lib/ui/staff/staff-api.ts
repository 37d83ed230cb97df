/**
 * The hub's staff endpoints, typed. Every call goes through the app's one fetch wrapper (`Api`
 * from $lib/sync); this instance also remembers a 429's `Retry-After`, so a person is told how
 * long to wait instead of "try again later".
 */
import type {
	AccountView,
	ErasePolicy,
	FacilitatorView,
	OrganisationView,
	Role,
	SpaceKind,
	SpaceStatus,
	SpaceView
} from '$lib/domain/auth';
import { PlazaError } from '$lib/domain/errors';
import type { MapSettings } from '$lib/domain/map';
import type { PledgeCampaign } from '$lib/domain/pledge/campaign';
import { Api } from '$lib/sync/api';

/** A failed request's code, plus the seconds to wait when the hub rate-limited it. */
export class StaffError extends PlazaError {
	constructor(
		cause: PlazaError,
		readonly retryAfter: number | null
	) {
		super(cause.code, cause.message, cause.status);
	}
}

/** Seconds from a `Retry-After` header (delta seconds or an HTTP date), or null. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
	if (!header) return null;
	const seconds = Number(header);
	if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
	const at = Date.parse(header);
	return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
	let retryAfter: number | null = null;
	const api = new Api(async (input, options) => {
		const response = await globalThis.fetch(input, options);
		retryAfter = parseRetryAfter(response.headers.get('retry-after'));
		return response;
	});
	try {
		return await api.request<T>(path, init);
	} catch (error) {
		if (error instanceof PlazaError) throw new StaffError(error, retryAfter);
		throw error;
	}
}

const post = <T>(path: string, body?: unknown) =>
	call<T>(path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });

/** The hub answers lists bare or wrapped (`{ spaces: [...] }`); accept both. */
function listOf<T>(body: unknown, key: string): T[] {
	if (Array.isArray(body)) return body as T[];
	const inner = (body as Record<string, unknown> | null)?.[key];
	return Array.isArray(inner) ? (inner as T[]) : [];
}

function itemOf<T>(body: unknown, key: string): T {
	const inner = (body as Record<string, unknown> | null)?.[key];
	return (inner ?? body) as T;
}

type AccountBody = { account: AccountView | null };

export interface Invite {
	token: string;
	url: string;
	expiresAt: string | number;
}

export interface InviteInfo {
	email: string;
	role: Role;
	organisationName: string;
	expiresAt: string | number;
}

export interface AuditEntry {
	at: string | number;
	actor: string;
	actorName?: string;
	action: string;
	target: string;
	detail?: unknown;
}

export interface Participant {
	participant: string;
	displayName?: string;
	joinedAt?: string | number;
	revokedAt?: string | number | null;
}

/** The live board's device counts (GET /api/v1/spaces/<id>/devices). */
export interface DeviceSummary {
	joined: number;
	waiting: number;
	pendingChanges: number;
	silent: number;
	silentAfterSeconds: number;
}

export interface Report {
	id?: string;
	record: string;
	reason: string;
	at?: string | number;
	reporter?: string;
}

export type Organisation = OrganisationView;
export type Facilitator = FacilitatorView;

/** A new organisation and the invitation for its first admin. */
export interface CreatedOrganisation {
	organisation: { id: string; name: string };
	invite: Invite;
}

export interface NewSpace {
	id: string;
	title: string;
	purpose: string;
	privacyNotice: string;
	erasePolicy: ErasePolicy;
	retentionUntil: string | null;
	published: boolean;
	kind?: SpaceKind;
	/** The workshop's day, YYYY-MM-DD, or null. */
	date?: string | null;
	place?: string;
	languages?: string[];
	/** A map space's settings: required for kind 'map', absent otherwise. */
	map?: MapSettings;
	/** A pledge campaign's goal and themes: required for kind 'pledge', absent otherwise. */
	pledge?: PledgeCampaign;
	/** Whether anyone with the link may see the space's impact dashboard. */
	impactPublic?: boolean;
}

export type SpaceChange = Partial<Omit<NewSpace, 'id' | 'kind'>> & { status?: SpaceStatus };

const del = <T>(path: string) => call<T>(path, { method: 'DELETE' });

const space = (id: string) => `/api/v1/spaces/${encodeURIComponent(id)}`;
const invite = (token: string) => `/api/v1/invites/${encodeURIComponent(token)}`;

export const staffApi = {
	setupNeeded: async () => (await call<{ needed: boolean }>('/api/v1/setup')).needed,
	setup: async (body: { organisation: string; name: string; email: string; password: string }) =>
		(await post<AccountBody>('/api/v1/setup', body)).account,
	login: async (body: { email: string; password: string }) =>
		(await post<AccountBody>('/api/v1/auth/login', body)).account,
	me: async () => (await call<AccountBody>('/api/v1/auth/me')).account,
	logout: () => post<unknown>('/api/v1/auth/logout'),
	logoutAll: () => post<unknown>('/api/v1/auth/logout-all'),
	createInvite: async (body: { email: string; role: Role }) =>
		itemOf<Invite>(await post<unknown>('/api/v1/invites', body), 'invite'),
	inviteInfo: (token: string) => call<InviteInfo>(invite(token)),
	acceptInvite: async (token: string, body: { name: string; password: string }) =>
		(await post<AccountBody>(`${invite(token)}/accept`, body)).account,
	accounts: async () => listOf<AccountView>(await call<unknown>('/api/v1/accounts'), 'accounts'),
	audit: async () => listOf<AuditEntry>(await call<unknown>('/api/v1/audit'), 'entries'),
	spaces: async () => listOf<SpaceView>(await call<unknown>('/api/v1/spaces'), 'spaces'),
	space: async (id: string) => itemOf<SpaceView>(await call<unknown>(space(id)), 'space'),
	createSpace: async (body: NewSpace) =>
		itemOf<SpaceView>(await post<unknown>('/api/v1/spaces', body), 'space'),
	updateSpace: async (id: string, change: SpaceChange) =>
		itemOf<SpaceView>(
			await call<unknown>(space(id), { method: 'PATCH', body: JSON.stringify(change) }),
			'space'
		),
	participants: async (id: string) =>
		listOf<Participant>(await call<unknown>(`${space(id)}/participants`), 'participants'),
	/** Joined devices, those holding unsent input and those not heard from lately. */
	devices: (id: string) => call<DeviceSummary>(`${space(id)}/devices`),
	revoke: (id: string, participant: string) =>
		post<unknown>(`${space(id)}/participants/${encodeURIComponent(participant)}/revoke`),
	hide: (id: string, record: string, reason: string) =>
		post<unknown>(`${space(id)}/records/${encodeURIComponent(record)}/hide`, { reason }),
	unhide: (id: string, record: string, reason: string) =>
		post<unknown>(`${space(id)}/records/${encodeURIComponent(record)}/unhide`, { reason }),
	reports: async (id: string) =>
		listOf<Report>(await call<unknown>(`${space(id)}/reports`), 'reports'),
	facilitators: async (id: string) =>
		listOf<Facilitator>(await call<unknown>(`${space(id)}/facilitators`), 'facilitators'),
	addFacilitator: (id: string, accountId: string) =>
		post<unknown>(`${space(id)}/facilitators`, { accountId }),
	removeFacilitator: (id: string, accountId: string) =>
		del<unknown>(`${space(id)}/facilitators/${encodeURIComponent(accountId)}`),
	organisations: async () =>
		listOf<Organisation>(await call<unknown>('/api/v1/organisations'), 'organisations'),
	createOrganisation: (body: { name: string; adminEmail: string }) =>
		post<CreatedOrganisation>('/api/v1/organisations', body),
	/** A new workshop with the same settings and activities (as drafts), none of the input. */
	duplicateSpace: async (id: string, body: { id: string; title: string }) =>
		itemOf<SpaceView>(await post<unknown>(`${space(id)}/duplicate`, body), 'space')
};

/** The hub's exports of a workshop; staff download them with their session cookie. */
export const exportLinks = (id: string) => ({
	csv: `${space(id)}/export.csv`,
	json: `${space(id)}/export.json`
});
