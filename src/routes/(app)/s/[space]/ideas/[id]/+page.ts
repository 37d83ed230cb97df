import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { isUuid } from '$lib/domain/ids';
import { SpaceIdSchema } from '$lib/domain/space';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => {
	if (!v.is(SpaceIdSchema, params.space) || !isUuid(params.id))
		error(404, { message: 'Not found', code: 'not-found' });
	return { space: params.space, id: params.id };
};
