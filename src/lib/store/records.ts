/**
 * Ideas: thin wrappers over the generic write path (write.ts) that validate the idea form
 * first, so a person's input gets the form's messages.
 */
import * as v from 'valibot';
import type { Fields } from '$lib/domain/merge';
import { IdeaFormSchema, type IdeaForm } from '$lib/domain/records';
import { SpaceIdSchema } from '$lib/domain/space';
import { bulkCreateRecords, deleteRecord, parse, updateRecord } from './write';

export {
	createRecord,
	bulkCreateRecords,
	updateRecord,
	deleteRecord,
	putOncePerPerson
} from './write';

const IdeaFormPatchSchema = v.partial(IdeaFormSchema);

/** Create ideas in one space; one transaction, outbox rows of ≤ mutationsPerBatch. */
export async function bulkCreateIdeas(space: string, forms: IdeaForm[]): Promise<string[]> {
	parse(SpaceIdSchema, space);
	const parsed = forms.map((form) => parse(IdeaFormSchema, form) as Fields);
	return bulkCreateRecords('idea', space, parsed);
}

/** Create one idea; returns its id. */
export async function createIdea(space: string, form: IdeaForm): Promise<string> {
	const [id] = await bulkCreateIdeas(space, [form]);
	return id!;
}

/** Change some fields of an idea; an empty patch writes nothing. */
export async function updateIdea(id: string, patch: Partial<IdeaForm>): Promise<void> {
	const parsed = parse(IdeaFormPatchSchema, patch) as Fields;
	await updateRecord(id, parsed);
}

/** Delete an idea: the tombstone is one more field under the same merge rule. */
export async function deleteIdea(id: string): Promise<void> {
	await deleteRecord(id);
}
