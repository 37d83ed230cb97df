/**
 * A small JSON Schema checker for the subset openapi.ts uses: $ref (local), type, enum, const,
 * required, properties, additionalProperties, items, min/maxItems, minimum/maximum, pattern and
 * format uuid. Returns the problems found, empty when the value fits.
 */
type Schema = Record<string, unknown>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

function resolve(schema: Schema, root: Schema): Schema {
	const ref = schema.$ref;
	if (typeof ref !== 'string') return schema;
	let target: unknown = root;
	for (const part of ref.replace(/^#\//, '').split('/')) target = (target as Schema)[part];
	if (!target) throw new Error(`Unresolved $ref ${ref}`);
	return resolve(target as Schema, root);
}

export function validate(value: unknown, schemaOrRef: Schema, root: Schema, path = '$'): string[] {
	const schema = resolve(schemaOrRef, root);
	const problems: string[] = [];
	const fail = (message: string) => problems.push(`${path}: ${message}`);
	const actual = typeOf(value);
	if (schema.type !== undefined) {
		const types = ([] as unknown[]).concat(schema.type);
		const fits = types.includes(actual) || (actual === 'integer' && types.includes('number'));
		if (!fits) return [`${path}: expected ${types.join('|')}, got ${actual}`];
	}
	if (Array.isArray(schema.enum) && !schema.enum.includes(value)) fail(`not one of ${schema.enum}`);
	if ('const' in schema && schema.const !== value) fail(`is not ${String(schema.const)}`);
	if (typeof value === 'string') {
		if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value))
			fail(`does not match ${schema.pattern}`);
		if (schema.format === 'uuid' && !uuidPattern.test(value)) fail('is not a uuid');
	}
	if (typeof value === 'number') {
		if (typeof schema.minimum === 'number' && value < schema.minimum) fail('too small');
		if (typeof schema.maximum === 'number' && value > schema.maximum) fail('too large');
	}
	if (Array.isArray(value)) {
		if (typeof schema.minItems === 'number' && value.length < schema.minItems)
			fail('too few items');
		if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
			fail('too many items');
		if (schema.items)
			value.forEach((item, i) =>
				problems.push(...validate(item, schema.items as Schema, root, `${path}[${i}]`))
			);
	}
	if (actual === 'object') {
		const object = value as Record<string, unknown>;
		const properties = (schema.properties ?? {}) as Record<string, Schema>;
		for (const key of (schema.required ?? []) as string[])
			if (!(key in object)) fail(`missing ${key}`);
		for (const [key, item] of Object.entries(object)) {
			const known = properties[key];
			if (known) problems.push(...validate(item, known, root, `${path}.${key}`));
			else if (schema.additionalProperties === false) fail(`unexpected ${key}`);
			else if (typeof schema.additionalProperties === 'object')
				problems.push(
					...validate(item, schema.additionalProperties as Schema, root, `${path}.${key}`)
				);
		}
	}
	return problems;
}
