-- Plaza hub schema v9: what each participant's device last said about its unsent input (issue 4,
-- the live board's "waiting devices"). A device sends `Plaza-Pending: <n>` with every pull: how
-- many changes of the space its outbox still holds. The hub keeps the last number and when it
-- came; the board counts devices that hold input and devices not heard from lately. Both go
-- with the participant row (revocation stops reports; retention deletes the row).
ALTER TABLE participants ADD COLUMN pending integer CHECK (pending >= 0);
ALTER TABLE participants ADD COLUMN reported_at timestamptz;
