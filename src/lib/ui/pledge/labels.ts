/** Translation keys of pledge statuses and check-in answers, named literally for the locale test. */
import type { CheckInResult, PledgeStatus } from '$lib/domain/records';
import type { TranslationKey } from '$lib/i18n/index.svelte';

export const statusKeys: Record<PledgeStatus, TranslationKey> = {
	active: 'pledge.card.status.active',
	withdrawn: 'pledge.card.status.withdrawn',
	kept: 'pledge.card.status.kept',
	'not-kept': 'pledge.card.status.not-kept'
};

export const resultKeys: Record<CheckInResult, TranslationKey> = {
	done: 'pledge.checkIn.result.done',
	partly: 'pledge.checkIn.result.partly',
	not: 'pledge.checkIn.result.not'
};
