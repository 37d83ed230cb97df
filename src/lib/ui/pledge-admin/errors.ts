import * as v from 'valibot';
import { fieldErrors, type FieldError, type FieldErrors } from '$lib/ui/staff/forms';

/** Number and list issues in words a facilitator can act on ("at least 0.1"). */
function numberError(issue: v.BaseIssue<unknown>): FieldError | undefined {
	const count = Number((issue as { requirement?: unknown }).requirement);
	switch (issue.type) {
		case 'number':
		case 'finite':
			return { key: 'pledgeAdmin.errors.number' };
		case 'integer':
			return { key: 'pledgeAdmin.errors.whole' };
		case 'min_value':
			return { key: 'pledgeAdmin.errors.min', options: { count } };
		case 'max_value':
			return { key: 'pledgeAdmin.errors.max', options: { count } };
		default:
			return undefined;
	}
}

/** One error per top-level field (the first issue wins), numbers said precisely. */
export function formErrors(issues: readonly v.BaseIssue<unknown>[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const field = v.getDotPath(issue)?.split('.')[0] ?? 'form';
		errors[field] ??= numberError(issue) ?? Object.values(fieldErrors([issue]))[0]!;
	}
	return errors;
}
