import * as v from 'valibot';
import { ModerationSchema } from '$lib/domain/auth';
import { fieldErrors, type Validated } from './forms';

/** A moderation reason, checked with the hub's schema (trimmed, 1–500 characters). */
export function validateReason(reason: string): Validated<{ reason: string }> {
	const result = v.safeParse(ModerationSchema, { reason });
	return result.success
		? { success: true, output: result.output }
		: { success: false, errors: fieldErrors(result.issues) };
}
