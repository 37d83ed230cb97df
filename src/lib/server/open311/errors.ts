/**
 * Open311 answers: JSON with the spec's error format, a list of `{ code, description }` where
 * `code` is the HTTP status. Public GET answers carry `access-control-allow-origin: *`, so a
 * dashboard on another origin can read them (errors included, so it can show why).
 */
import { PlazaError } from '$lib/domain/errors';
import type { Open311Error } from '$lib/domain/open311';
import { HttpError } from '../http';

/** A failure answered in the Open311 error format. */
export class Open311Failure extends Error {
	constructor(
		readonly status: number,
		description: string,
		readonly headers: Record<string, string> = {}
	) {
		super(description);
		this.name = 'Open311Failure';
	}
}

export const cors = { 'access-control-allow-origin': '*' } as const;

export function open311Json(
	body: unknown,
	status = 200,
	headers: Record<string, string> = {}
): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'cache-control': 'no-store',
			...headers
		}
	});
}

/** Any failure as an Open311 error answer; an unexpected one is logged and answered 500. */
export function open311Error(error: unknown, headers: Record<string, string> = {}): Response {
	let failure: Open311Failure;
	if (error instanceof Open311Failure) failure = error;
	else if (error instanceof PlazaError)
		failure = new Open311Failure(
			error.status,
			error.message,
			error instanceof HttpError ? error.headers : {}
		);
	else {
		console.error('plaza: Open311 request failed', error);
		failure = new Open311Failure(500, 'The hub ran into a problem.');
	}
	const body: Open311Error[] = [{ code: failure.status, description: failure.message }];
	return open311Json(body, failure.status, { ...headers, ...failure.headers });
}
