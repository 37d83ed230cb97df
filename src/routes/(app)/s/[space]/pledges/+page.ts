import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { SpaceIdSchema } from '$lib/domain/space';
import { originParam } from '$lib/ui/pledge/origin';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params, url }) => {
	if (!v.is(SpaceIdSchema, params.space)) error(404, { message: 'Not found', code: 'not-found' });
	return {
		space: params.space,
		action: url.searchParams.get('action'),
		origin: originParam(url.searchParams.get('origin'))
	};
};
