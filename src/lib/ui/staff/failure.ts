import { PlazaError } from '$lib/domain/errors';
import { i18n, t } from '$lib/i18n/index.svelte';
import { StaffError } from './staff-api';

/**
 * What to tell a person when a staff action failed. Staff actions need the hub, so an
 * unreachable hub says exactly that; a rate limit says how long to wait.
 */
export function failureMessage(error: unknown): string {
	if (!(error instanceof PlazaError)) return i18n.error(undefined);
	if (error.code === 'network' || error.code === 'needs-connection')
		return t('staff.needsConnection');
	if (error.code === 'rate-limited') {
		const seconds = error instanceof StaffError ? error.retryAfter : null;
		return seconds === null ? t('staff.rateLimited') : t('staff.waitSeconds', { count: seconds });
	}
	if (error.code === 'unauthorised') return t('staff.signedOut');
	if (error.code === 'forbidden') return t('staff.forbidden');
	if (error.code === 'invite-expired') return t('invite.expired');
	// The hub answers a taken space id, organisation name or email with a 409.
	if (error.code === 'invalid-request' && error.status === 409) return t('staff.taken');
	return i18n.error(error.code);
}

/** Whether trying the same request again may help (not for a refusal or a used invite). */
export function retryable(error: unknown): boolean {
	if (!(error instanceof PlazaError)) return true;
	return ['network', 'rate-limited', 'server-error', 'needs-connection'].includes(error.code);
}
