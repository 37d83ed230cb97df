/**
 * Building blocks of the OpenAPI description shared by its parts (openapi.ts assembles them):
 * references, JSON bodies, the error answer and the common string formats.
 */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const jsonBody = (schema: object, description: string) => ({
	description,
	content: { 'application/json': { schema } }
});
export const error = (description: string) => jsonBody(ref('Error'), description);
export const noBody = (description: string) => ({ description });
export const uuid = { type: 'string', format: 'uuid' };
export const spaceId = { type: 'string', pattern: '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$' };
export const dateTime = { type: 'string', description: 'ISO 8601 date and time' };

/** `{ type: 'object', required: every key, additionalProperties: false, properties }` */
export function strict(properties: Record<string, object>, optional: string[] = []): object {
	const required = Object.keys(properties).filter((key) => !optional.includes(key));
	return { type: 'object', required, additionalProperties: false, properties };
}

export const pathParam = (name: string, schema: object = { type: 'string' }) => ({
	name,
	in: 'path',
	required: true,
	schema
});
