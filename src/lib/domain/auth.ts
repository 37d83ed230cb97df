import * as v from 'valibot';
import { MapSettingsSchema, type MapSettings } from './map';
import { PledgeCampaignSchema, type PledgeCampaign } from './pledge/campaign';
import { IdSchema } from './protocol';
import { LanguageSchema } from './records/idea';
import { SpaceIdSchema } from './space';
import { spaceTextLimits, TranslationsSchema, type Translations } from './translations';

/**
 * Who is asking: resolved by the hub for every request, decided on by `policy.ts`.
 * Accounts (admins, facilitators) log in; participants hold a token for one space; everyone
 * else is anonymous and sees only what a space publishes.
 */
export type Role = 'admin' | 'facilitator';

export type Actor =
	| { kind: 'anonymous' }
	| {
			kind: 'account';
			accountId: string;
			organisation: string;
			role: Role;
			email: string;
			name: string;
	  }
	| { kind: 'participant'; participant: string; space: string };

export interface AccountView {
	id: string;
	organisation: string;
	organisationName: string;
	role: Role;
	email: string;
	name: string;
	/** The hub's operator (the account setup made): may create organisations. */
	operator: boolean;
}

/** An organisation as the hub operator lists them. */
export interface OrganisationView {
	id: string;
	name: string;
	createdAt: string;
	/** How many accounts it has. */
	accounts: number;
}

/** A facilitator of a space as its staff see them. */
export interface FacilitatorView {
	id: string;
	name: string;
	email: string;
}

export type ErasePolicy = 'delete' | 'anonymise';
export type SpaceStatus = 'open' | 'closed';
/**
 * An 'ideas' space collects ideas (issue 2); a 'workshop' runs activities (issue 4); a 'map'
 * space collects ideas placed on a map of a neighbourhood (issue 5); a 'pledge' space is a
 * pledge campaign with a goal (issue 6). People may pledge in every kind of space.
 */
export const spaceKinds = ['ideas', 'workshop', 'map', 'pledge'] as const;
export type SpaceKind = (typeof spaceKinds)[number];

/** What anyone may read about a space before joining it. */
export interface PublicSpaceView {
	id: string;
	title: string;
	purpose: string;
	privacyNotice: string;
	erasePolicy: ErasePolicy;
	retentionUntil: string | null;
	published: boolean;
	status: SpaceStatus;
	kind: SpaceKind;
	/** The workshop's day, YYYY-MM-DD. */
	date: string | null;
	place: string;
	/** Language codes offered to participants. */
	languages: string[];
	/**
	 * A map space's centre, zoom, boundary, categories and open period; null for other kinds.
	 * The hub always sends it; a view cached before map spaces existed has none.
	 */
	map?: MapSettings | null;
	/** A pledge campaign's goal and themes; null for other kinds (absent in old cached views). */
	pledge?: PledgeCampaign | null;
	/** Whether anyone with the link may see the space's impact dashboard. */
	impactPublic?: boolean;
	/**
	 * The language the space's texts are written in, and the fallback for readers of another
	 * one; '' when not said. Absent in views cached before it existed.
	 */
	language?: string;
	/** The space's texts in other languages (`domain/translations.ts`). */
	translations?: Translations;
}

/** What the space's facilitators see in addition. */
export interface SpaceView extends PublicSpaceView {
	joinCode?: string;
	facilitators?: string[];
}

/** The facts about a space that authorisation depends on. */
export interface SpaceInfo {
	id: string;
	organisation: string;
	facilitators: string[];
	published: boolean;
	status: SpaceStatus;
	retentionUntil: string | null;
}

/** Join codes are read aloud in a hall: no 0/O, 1/I/L. 31^10 ≈ 8·10^14 codes. */
export const joinCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const joinCodeLength = 10;

export const EmailSchema = v.pipe(
	v.string('An email address is text.'),
	v.trim(),
	v.toLowerCase(),
	v.maxLength(254, 'An email address has at most 254 characters.'),
	v.email('Enter an email address such as name@example.org.')
);

export const PasswordSchema = v.pipe(
	v.string('A password is text.'),
	v.minLength(12, 'A password has at least 12 characters.'),
	v.maxLength(200, 'A password has at most 200 characters.')
);

const NameSchema = v.pipe(
	v.string('A name is text.'),
	v.trim(),
	v.nonEmpty('Enter a name.'),
	v.maxLength(100, 'A name has at most 100 characters.')
);

export const SetupRequestSchema = v.strictObject({
	organisation: NameSchema,
	name: NameSchema,
	email: EmailSchema,
	password: PasswordSchema
});

export const LoginRequestSchema = v.strictObject({
	email: EmailSchema,
	password: v.pipe(v.string('A password is text.'), v.maxLength(200, 'That password is too long.'))
});

export const InviteRequestSchema = v.strictObject({
	email: EmailSchema,
	role: v.picklist(['admin', 'facilitator'], 'The role is admin or facilitator.')
});

export const AcceptInviteSchema = v.strictObject({ name: NameSchema, password: PasswordSchema });

/** POST /api/v1/organisations: the organisation and the email its first admin is invited at. */
export const CreateOrganisationSchema = v.strictObject({
	name: NameSchema,
	adminEmail: EmailSchema
});

/** POST /api/v1/spaces/<id>/facilitators */
export const AddFacilitatorSchema = v.strictObject({
	accountId: v.pipe(v.string('An account id is text.'), v.uuid('An account id is a UUID.'))
});

const LongText = (max: number, what: string) =>
	v.pipe(
		v.string(`${what} is text.`),
		v.trim(),
		v.maxLength(max, `${what} has at most ${max} characters.`)
	);

/** isoDate checks the shape only; 2030-02-31 is not a day. */
function isCalendarDate(value: string): boolean {
	// valibot runs this even after isoDate failed: an invalid date must not throw here.
	const time = Date.parse(`${value}T00:00:00Z`);
	return Number.isFinite(time) && new Date(time).toISOString().startsWith(value);
}

const DateSchema = v.pipe(
	v.string('A date is text.'),
	v.isoDate('A date looks like 2027-06-30.'),
	v.check(isCalendarDate, 'That day does not exist.')
);

export const SpaceSettingsSchema = v.strictObject({
	title: v.pipe(LongText(140, 'A title'), v.nonEmpty('Give the space a title.')),
	purpose: v.pipe(LongText(2000, 'The purpose'), v.nonEmpty('Say what the space is for.')),
	privacyNotice: v.pipe(
		LongText(8000, 'The privacy notice'),
		v.nonEmpty('Write the privacy notice people read before joining.')
	),
	erasePolicy: v.picklist(['delete', 'anonymise'], 'Erasing deletes or anonymises.'),
	retentionUntil: v.nullable(DateSchema),
	published: v.boolean('Published is true or false.'),
	date: v.optional(v.nullable(DateSchema)),
	place: v.optional(LongText(200, 'The place')),
	languages: v.optional(
		v.pipe(
			v.array(LanguageSchema, 'Languages are a list of language codes.'),
			v.maxLength(28, 'At most 28 languages.'),
			v.check((list) => new Set(list).size === list.length, 'A language is listed twice.')
		)
	),
	impactPublic: v.optional(v.boolean('Public impact is true or false.')),
	language: v.optional(v.union([v.literal(''), LanguageSchema], 'A language is a language code.')),
	translations: v.optional(TranslationsSchema(spaceTextLimits))
});

export const mapSettingsMissing = 'A map space needs its map settings (centre, zoom, categories).';
export const mapSettingsRefused = 'Only a map space has map settings.';
export const pledgeSettingsMissing = 'A pledge campaign needs its goal and themes.';
export const pledgeSettingsRefused = 'Only a pledge campaign has a goal and themes.';

/** A map space is created with its map settings; other kinds have none. */
export const CreateSpaceSchema = v.pipe(
	v.strictObject({
		id: SpaceIdSchema,
		kind: v.optional(
			v.picklist(spaceKinds, 'A space is an ideas space, a workshop, a map or a pledge campaign.')
		),
		...SpaceSettingsSchema.entries,
		map: v.optional(MapSettingsSchema),
		pledge: v.optional(PledgeCampaignSchema)
	}),
	v.forward(
		v.partialCheck(
			[['kind'], ['map']],
			(input) => input.kind !== 'map' || input.map !== undefined,
			mapSettingsMissing
		),
		['map']
	),
	v.forward(
		v.partialCheck(
			[['kind'], ['map']],
			(input) => input.kind === 'map' || input.map === undefined,
			mapSettingsRefused
		),
		['map']
	),
	v.forward(
		v.partialCheck(
			[['kind'], ['pledge']],
			(input) => input.kind !== 'pledge' || input.pledge !== undefined,
			pledgeSettingsMissing
		),
		['pledge']
	),
	v.forward(
		v.partialCheck(
			[['kind'], ['pledge']],
			(input) => input.kind === 'pledge' || input.pledge === undefined,
			pledgeSettingsRefused
		),
		['pledge']
	)
);

/** POST /api/v1/spaces/<id>/duplicate: the new space's id and title. */
export const DuplicateSpaceSchema = v.strictObject({
	id: SpaceIdSchema,
	title: SpaceSettingsSchema.entries.title
});

/**
 * PATCH /api/v1/spaces/<id>; `map` only for a map space and `pledge` only for a pledge
 * campaign (the hub checks the kind).
 */
export const UpdateSpaceSchema = v.partial(
	v.strictObject({
		...SpaceSettingsSchema.entries,
		status: v.picklist(['open', 'closed'], 'A space is open or closed.'),
		map: MapSettingsSchema,
		pledge: PledgeCampaignSchema
	})
);

const DisplayNameSchema = v.pipe(
	v.string('A display name is text.'),
	v.trim(),
	v.maxLength(60, 'A display name has at most 60 characters.')
);

export const JoinRequestSchema = v.strictObject({
	code: v.pipe(
		v.string('A join code is text.'),
		v.trim(),
		v.toUpperCase(),
		v.regex(/^[0-9A-Z]{4,16}$/, 'A join code is letters and digits, such as K7MR2XQ9TB.')
	),
	participant: IdSchema,
	displayName: v.optional(DisplayNameSchema)
});

/** PATCH /api/v1/me?space=<id>: an empty name means "no name". */
export const UpdateMeSchema = v.strictObject({ displayName: DisplayNameSchema });

export const ModerationSchema = v.strictObject({
	reason: v.pipe(
		v.string('A reason is text.'),
		v.trim(),
		v.nonEmpty('Give a reason.'),
		v.maxLength(500, 'A reason has at most 500 characters.')
	)
});
