import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Layer fences (docs/architecture.md): each folder may import only what its row allows. */
const fence = (patterns) => ({
	'no-restricted-imports': ['error', { patterns }]
});
const noServer = {
	group: ['$lib/server/*', '**/server/*'],
	message: 'The UI never imports the hub.'
};
const noDexie = { group: ['dexie'], message: 'Only src/lib/store touches Dexie.' };
const noUi = {
	group: [
		'$lib/ui/*',
		'$lib/sync/*',
		'$lib/store/*',
		'$lib/pwa/*',
		'$lib/i18n/*',
		'svelte',
		'svelte/*'
	],
	message: 'This layer does not depend on the client.'
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/consistent-type-imports': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error'
		}
	},
	{
		files: ['src/lib/domain/**'],
		rules: fence([
			noServer,
			noDexie,
			noUi,
			{ group: ['node:*', '$app/*', '$env/*'], message: 'domain/ does no I/O.' }
		])
	},
	{
		files: ['src/lib/store/**'],
		rules: fence([
			noServer,
			{ group: ['$lib/sync/*', '$lib/ui/*'], message: 'store/ sits below sync and UI.' }
		])
	},
	{
		files: ['src/lib/sync/**'],
		rules: fence([noServer, noDexie, { group: ['$lib/ui/*'], message: 'sync/ sits below the UI.' }])
	},
	{
		files: ['src/lib/server/**'],
		rules: fence([
			noDexie,
			{
				group: ['$lib/store/*', '$lib/sync/*', '$lib/ui/*', '$lib/pwa/*'],
				message: 'The hub never imports client code.'
			}
		])
	},
	{
		files: ['src/lib/ui/**', 'src/lib/pwa/**', 'src/lib/i18n/**', 'src/routes/(app)/**'],
		rules: fence([noServer, noDexie])
	},
	{
		files: ['src/routes/api/**'],
		rules: fence([
			noDexie,
			{
				group: ['$lib/store/*', '$lib/sync/*', '$lib/ui/*', '$lib/pwa/*', '$lib/i18n/*'],
				message: 'API routes call $lib/server only.'
			}
		])
	},
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit/',
			'data/',
			'test-results/',
			'playwright-report/',
			'bench/out/'
		]
	}
);
