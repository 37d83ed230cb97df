import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => {
	const code = params.code.toUpperCase();
	if (!/^[0-9A-Z]{4,16}$/.test(code)) error(404, { message: 'Not found', code: 'not-found' });
	return { code };
};
