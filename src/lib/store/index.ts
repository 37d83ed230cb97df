/**
 * The local store as the UI sees it: writes, live reads, outbox actions, identity, storage,
 * joined spaces (tokens, cached info), the cached staff account and the participant's own data.
 */
export { createIdea, updateIdea, deleteIdea, bulkCreateIdeas } from './records';
export {
	createRecord,
	bulkCreateRecords,
	updateRecord,
	deleteRecord,
	putOncePerPerson
} from './write';
export { addNote, castVote, answerActivity, voteProblem, withVote } from './workshop';
export type { NoteInput } from './workshop';
export { ideasInSpace, idea, outboxSummary, rejectedMutations } from './queries';
export type { IdeaView, RecordView, SyncState, OutboxSummary, RejectedMutation } from './queries';
export {
	activitiesInSpace,
	currentActivity,
	activity,
	notesInActivity,
	clustersInActivity,
	votesInActivity,
	myVotes,
	answersInActivity,
	myAnswer
} from './workshop-queries';
export type { ActivityView, NoteView, ClusterView, VoteView, AnswerView } from './workshop-queries';
export {
	addMapIdea,
	updateMapIdea,
	deleteMapIdea,
	supportIdea,
	withdrawSupport,
	toggleSupport,
	addComment,
	deleteComment
} from './map';
export type { MapIdeaInput, MapIdeaChange, PhotoBytes, CommentInput } from './map';
export { mapIdeasInSpace, mapIdea, mySupports, commentsOfIdea } from './map-queries';
export type { MapIdeaView, SupportView, CommentView } from './map-queries';
export { getBlob } from './blobs';
export { retryRejected, discardRejected, exportUnsynced } from './outbox';
export type { UnsyncedExport } from './outbox';
export { getIdentity, setDisplayName } from './identity';
export type { Identity } from './identity';
export { storageState } from './persistence';
export type { StorageState } from './persistence';
export { LiveQuery, live } from './live.svelte';
export { dbStatus } from './status.svelte';
export type { DbState } from './status.svelte';
export { openDb } from './db';
export { onLocalWrite } from './local-writes';
export { hasPendingWrites } from './write';
export {
	spaceToken,
	setSpaceToken,
	spaceTokens,
	cachedSpaceInfo,
	cacheSpaceInfo,
	saveJoin,
	joinedSpaces,
	cachedAccount,
	setCachedAccount,
	spaceAccess
} from './spaces';
export type { JoinedSpace, SpaceAccess } from './spaces';
export { myContributions, eraseLocalData } from './my-data';
export { cachedHubConfig, cacheHubConfig } from './hub-config';
export { makePledge, checkIn, withdrawPledge, finishPledge } from './pledges';
export type { PledgeInput } from './pledges';
export { myPledges, localActions, pledgeOrigin } from './pledge-queries';
export type { PledgeView, CheckInView, LocalActionView, OriginView } from './pledge-queries';
export { setReminder, remindersInSpace, markReminderShown } from './reminders';
export type { ReminderChannel, ReminderRow } from './reminders';
