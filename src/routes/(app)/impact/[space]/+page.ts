import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { SpaceIdSchema } from '$lib/domain/space';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => {
	if (!v.is(SpaceIdSchema, params.space)) error(404, { message: 'Not found', code: 'not-found' });
	return { space: params.space };
};
