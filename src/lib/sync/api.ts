import { errorCodes, PlazaError, type ErrorCode } from '$lib/domain/errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

function isErrorCode(code: unknown): code is ErrorCode {
	return typeof code === 'string' && (errorCodes as readonly string[]).includes(code);
}

async function errorFrom(response: Response): Promise<PlazaError> {
	const body = (await response.json().catch(() => null)) as {
		error?: { code?: unknown; message?: unknown };
	} | null;
	const code = body?.error?.code;
	const message = typeof body?.error?.message === 'string' ? body.error.message : '';
	if (isErrorCode(code)) return new PlazaError(code, message, response.status);
	if (response.status === 426)
		return new PlazaError('unsupported-protocol', message, response.status);
	return new PlazaError(
		'server-error',
		message || `The hub answered ${response.status}.`,
		response.status
	);
}

/** Options of one request: `token` overrides the client's token for this request only. */
export interface RequestOptions extends RequestInit {
	token?: string | null;
}

/** Whether the hub refused who is asking (no, bad or revoked credentials; not allowed). */
export function isAuthFailure(error: unknown): error is PlazaError {
	return error instanceof PlazaError && (error.status === 401 || error.status === 403);
}

/**
 * The one fetch wrapper of the client: JSON in, JSON out, every failure a `PlazaError`
 * (`network` when the hub could not be reached, the hub's own code otherwise). A participant
 * token goes in `Authorization: Bearer`; a staff session travels as the browser's cookie.
 */
export class Api {
	#token: string | null = null;

	constructor(
		private readonly fetchFn: FetchLike = (input, init) => globalThis.fetch(input, init),
		private readonly baseUrl = ''
	) {}

	/** A default token sent as `Authorization: Bearer` when a request names none. */
	setToken(token: string | null): void {
		this.#token = token;
	}

	url(path: string): string {
		return `${this.baseUrl}${path}`;
	}

	async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
		const { token, ...init } = options;
		const headers = new Headers(init.headers);
		headers.set('accept', 'application/json');
		if (init.body !== undefined) headers.set('content-type', 'application/json');
		const bearer = token === undefined ? this.#token : token;
		if (bearer) headers.set('authorization', `Bearer ${bearer}`);
		let response: Response;
		try {
			response = await this.fetchFn(this.url(path), { ...init, headers });
		} catch (error) {
			throw new PlazaError('network', error instanceof Error ? error.message : String(error), 0);
		}
		if (!response.ok) throw await errorFrom(response);
		// 204 and other empty answers (DELETE, logout) carry no JSON.
		const text = await response.text().catch(() => '');
		if (text === '') return undefined as T;
		try {
			return JSON.parse(text) as T;
		} catch {
			throw new PlazaError(
				'server-error',
				'The hub sent an answer that is not JSON.',
				response.status
			);
		}
	}
}

/** The app's API client. */
export const api = new Api();

/** `api.request` for callers that need no other client. */
export function request<T>(path: string, options?: RequestOptions): Promise<T> {
	return api.request<T>(path, options);
}
