import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// Kit loads this file more than once per build (and in a child process); fixing the version in
// the environment keeps client and server on the same one.
process.env.PLAZA_VERSION ??= String(Date.now());

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// PLAZA_OUT lets the e2e suite build a second version beside the first (update prompt test).
		adapter: adapter({ out: process.env.PLAZA_OUT ?? 'build', precompress: false }),
		// workbox-window registers the service worker so the update prompt is ours to control.
		serviceWorker: { register: false },
		version: { name: process.env.PLAZA_VERSION, pollInterval: 0 },
		// The service worker answers every navigation with the shell of `/`, so its asset URLs
		// must be absolute or a deep link would look for /s/_app/….
		paths: { relative: false },
		// No inline script runs unless SvelteKit hashed it; user text is never HTML.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte sets style attributes (transitions, dynamic sizes) at run time.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		// Open311 clients POST forms from servers without an Origin header; hooks.server.ts runs
		// SvelteKit's own cross-site form check for every other route (server/open311/csrf.ts).
		csrf: { trustedOrigins: ['*'] },
		alias: { $tests: 'tests' },
		typescript: {
			// Type-check and lint the benchmark and tool configs with the app's settings.
			config: (tsconfig) => {
				tsconfig.include.push('../bench/**/*.ts', '../playwright.config.ts');
			}
		}
	}
};

export default config;
