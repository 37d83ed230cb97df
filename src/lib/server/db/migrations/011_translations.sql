-- Plaza hub schema v11: texts in several languages (issue 7). `language` is the language a
-- space's texts (title, purpose, privacy notice, map categories, activity prompts) are written
-- in, and the fallback for readers of another; '' when the facilitator has not said.
-- `translations` holds those texts in other languages, { "<language>": { "<text key>": "…" } },
-- validated by TranslationsSchema before it is written. Spaces from before keep both empty, and
-- activities carry their own translations in a record field, so no data moves.
ALTER TABLE spaces ADD COLUMN language text NOT NULL DEFAULT '';
ALTER TABLE spaces ADD COLUMN translations jsonb NOT NULL DEFAULT '{}'::jsonb;
