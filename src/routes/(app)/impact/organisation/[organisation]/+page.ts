import { error } from '@sveltejs/kit';
import { isUuid } from '$lib/domain/ids';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => {
	if (!isUuid(params.organisation)) error(404, { message: 'Not found', code: 'not-found' });
	return { organisation: params.organisation.toLowerCase() };
};
