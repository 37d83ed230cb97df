/**
 * i18next behind a runes-friendly façade. i18next itself is not reactive, so `t` reads a
 * `$state` counter that is bumped on every `languageChanged`: each template that calls `t`
 * re-renders when the language changes. English is bundled (it is also the fallback); other
 * languages are separate chunks loaded on first use, so they are precached by the service
 * worker but never slow the first paint.
 */
import i18next, { type Resource } from 'i18next';
import en from './locales/en.json';
import {
	defaultLanguage,
	detectLanguage,
	isLanguageCode,
	languageDir,
	type LanguageCode
} from './languages';

type PluralBase<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;
type Leaves<T, P extends string = ''> = {
	[K in keyof T & string]: T[K] extends string ? `${P}${PluralBase<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of en.json, plural keys without their `_one`/`_other` suffix. */
export type TranslationKey = Leaves<typeof en>;
export type TranslationOptions = Record<string, string | number>;

const storageKey = 'plaza.language';
const loaders = import.meta.glob<Resource>(['./locales/*.json', '!./locales/en.json'], {
	import: 'default'
});

function remembered(): string | null {
	try {
		return localStorage.getItem(storageKey);
	} catch {
		return null;
	}
}

class I18n {
	#i18next = i18next.createInstance();
	#version = $state(0);
	#language = $state<LanguageCode>(defaultLanguage);

	get language(): LanguageCode {
		return this.#language;
	}

	get dir() {
		return languageDir(this.#language);
	}

	/** Starts in the remembered or the browser's language; resolves once its strings are in. */
	async init(): Promise<void> {
		if (this.#i18next.isInitialized) return;
		this.#i18next.on('languageChanged', (code) => this.#changed(code));
		await this.#i18next.init({
			lng: defaultLanguage,
			fallbackLng: defaultLanguage,
			resources: { en: { translation: en } },
			interpolation: { escapeValue: false },
			returnNull: false
		});
		const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
		await this.setLanguage(detectLanguage(preferred ?? [], remembered()), false);
	}

	/** Switches language, loading its strings first; `remember` keeps the choice on this device. */
	async setLanguage(code: LanguageCode, remember = true): Promise<void> {
		if (!this.#i18next.hasResourceBundle(code, 'translation')) {
			const load = loaders[`./locales/${code}.json`];
			if (load) this.#i18next.addResourceBundle(code, 'translation', await load());
		}
		await this.#i18next.changeLanguage(code);
		if (remember) {
			try {
				localStorage.setItem(storageKey, code);
			} catch {
				// Storage refused (private window): the choice lasts for this visit only.
			}
		}
	}

	/** Translates a key; reactive in templates and `$derived`. */
	t = (key: TranslationKey, options?: TranslationOptions): string => {
		void this.#version;
		return (this.#i18next.t as (key: string, options?: object) => string)(key, options);
	};

	/**
	 * A key made at run time from a code (an audit action, say): its text, or undefined when
	 * no language has a text for it, so the caller can show the code itself instead.
	 */
	optional = (key: string, options?: TranslationOptions): string | undefined => {
		void this.#version;
		const text = (language: string) =>
			this.#i18next.getResource(language, 'translation', key) as unknown;
		if (typeof text(this.#language) !== 'string' && typeof text(defaultLanguage) !== 'string')
			return undefined;
		return (this.#i18next.t as (key: string, options?: object) => string)(key, options);
	};

	/** The message for an error code (`errors.<code>`), or a generic one for unknown codes. */
	error = (code: string | undefined): string => {
		void this.#version;
		const key = `errors.${code ?? 'unknown'}`;
		return this.#i18next.exists(key) ? this.#i18next.t(key) : this.t('errors.unknown');
	};

	/** A time of day (`14:02`) in the current language. */
	time = (ms: number): string => {
		void this.#version;
		return new Intl.DateTimeFormat(this.#language, { timeStyle: 'short' }).format(ms);
	};

	/** A date and time (`3 Mar 2025, 14:02`) in the current language. */
	dateTime = (ms: number): string => {
		void this.#version;
		return new Intl.DateTimeFormat(this.#language, {
			dateStyle: 'medium',
			timeStyle: 'short'
		}).format(ms);
	};

	#changed(code: string) {
		if (isLanguageCode(code)) this.#language = code;
		this.#version++;
		if (typeof document !== 'undefined') {
			document.documentElement.lang = this.#language;
			document.documentElement.dir = this.dir;
		}
	}
}

export const i18n = new I18n();
/** Shorthand for `i18n.t`, the function templates call. */
export const t = i18n.t;
export { languages, type LanguageCode } from './languages';
