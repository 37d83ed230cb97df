import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// PLAZA_OUT lets the e2e suite build a second version beside the first (update prompt test).
		adapter: adapter({ out: process.env.PLAZA_OUT ?? 'build', precompress: false }),
		// workbox-window registers the service worker so the update prompt is ours to control.
		serviceWorker: { register: false },
		version: { name: process.env.PLAZA_VERSION ?? String(Date.now()), pollInterval: 0 },
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
