-- Plaza hub schema v7: idea maps (issue 5). A map space is a space of kind 'map' with its map
-- settings (centre, zoom, boundary, categories, open period) as one JSON document, validated by
-- MapSettingsSchema before it is written. Its ideas, supports and comments are ordinary synced
-- records. Only a map space has settings, and a map space always has them.
ALTER TABLE spaces DROP CONSTRAINT spaces_kind_check;
ALTER TABLE spaces ADD CONSTRAINT spaces_kind_check
	CHECK (kind IN ('ideas', 'workshop', 'map'));
ALTER TABLE spaces ADD COLUMN map_settings jsonb NULL;
ALTER TABLE spaces ADD CONSTRAINT spaces_map_settings_check
	CHECK ((kind = 'map') = (map_settings IS NOT NULL));
