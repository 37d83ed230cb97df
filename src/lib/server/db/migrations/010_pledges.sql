-- Plaza hub schema v10: behaviour pledges (issue 6). A pledge campaign is a space of kind
-- 'pledge' with its goal and themes as one JSON document, validated by PledgeCampaignSchema
-- before it is written; only a pledge campaign has one, and it always has one. Pledges,
-- check-ins and local actions are ordinary synced records (of any kind of space); their impact
-- is computed on request from those records (server/pledge/impact.ts), so nothing else is
-- stored. `impact_public` lets anyone with the link read a space's (suppressed) totals.
ALTER TABLE spaces DROP CONSTRAINT spaces_kind_check;
ALTER TABLE spaces ADD CONSTRAINT spaces_kind_check
	CHECK (kind IN ('ideas', 'workshop', 'map', 'pledge'));
ALTER TABLE spaces ADD COLUMN pledge_settings jsonb NULL;
ALTER TABLE spaces ADD CONSTRAINT spaces_pledge_settings_check
	CHECK ((kind = 'pledge') = (pledge_settings IS NOT NULL));
ALTER TABLE spaces ADD COLUMN impact_public boolean NOT NULL DEFAULT false;
