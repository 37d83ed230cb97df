/**
 * The one error shape of Plaza: `{ error: { code, message } }` on the wire, and
 * `errors.<code>` as the i18n key a client shows for it.
 */
export const errorCodes = [
	'invalid-request',
	'invalid-record',
	'payload-too-large',
	'unsupported-protocol',
	'must-refetch',
	'conflicting-resend',
	'space-mismatch',
	'type-mismatch',
	'missing-fields',
	'not-found',
	'unauthorised',
	'forbidden',
	'rate-limited',
	'server-error',
	'network',
	'quota-exceeded',
	'storage-unavailable',
	'already-set-up',
	'invalid-credentials',
	'invite-expired',
	'unknown-join-code',
	'unknown-space',
	'space-closed',
	'token-revoked',
	'needs-connection',
	'last-facilitator',
	'over-budget',
	'activity-closed',
	'missing-blob'
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorBody {
	error: { code: ErrorCode; message: string };
}

/** A failure a person can act on; `code` picks the translated message. */
export class PlazaError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly status = 400
	) {
		super(message);
		this.name = 'PlazaError';
	}

	toBody(): ErrorBody {
		return { error: { code: this.code, message: this.message } };
	}
}
