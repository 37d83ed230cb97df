/** Reading accounts as the API shows them, and creating one (setup, accepted invite). */
import type { AccountView, Role } from '$lib/domain/auth';
import { newId } from '$lib/domain/ids';
import type { Queryable } from '../db/client';

const viewColumns = `a.id, a.organisation, o.name AS organisation_name, a.role, a.email, a.name,
	a.operator`;

interface ViewRow {
	id: string;
	organisation: string;
	organisation_name: string;
	role: Role;
	email: string;
	name: string;
	operator: boolean;
}

function toView(row: ViewRow): AccountView {
	const { id, organisation, role, email, name, operator } = row;
	return { id, organisation, organisationName: row.organisation_name, role, email, name, operator };
}

export async function accountView(db: Queryable, id: string): Promise<AccountView | null> {
	const rows = await db.query<ViewRow>(
		`SELECT ${viewColumns} FROM accounts a JOIN organisations o ON o.id = a.organisation
		WHERE a.id = $1`,
		[id]
	);
	return rows[0] ? toView(rows[0]) : null;
}

export async function organisationAccounts(
	db: Queryable,
	organisation: string
): Promise<AccountView[]> {
	const rows = await db.query<ViewRow>(
		`SELECT ${viewColumns} FROM accounts a JOIN organisations o ON o.id = a.organisation
		WHERE a.organisation = $1 ORDER BY a.created_at, a.email`,
		[organisation]
	);
	return rows.map(toView);
}

export interface NewAccount {
	organisation: string;
	email: string;
	name: string;
	passwordHash: string;
	role: Role;
	/** Only the account setup makes. */
	operator?: boolean;
}

export async function insertAccount(tx: Queryable, account: NewAccount): Promise<string> {
	const id = newId();
	await tx.query(
		`INSERT INTO accounts (id, organisation, email, name, password_hash, role, operator)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		[
			id,
			account.organisation,
			account.email,
			account.name,
			account.passwordHash,
			account.role,
			account.operator ?? false
		]
	);
	return id;
}

/** Whether `account` is the hub's operator. */
export async function isOperator(db: Queryable, account: string): Promise<boolean> {
	const rows = await db.query<{ operator: boolean }>(
		'SELECT operator FROM accounts WHERE id = $1',
		[account]
	);
	return rows[0]?.operator === true;
}

export async function emailTaken(db: Queryable, email: string): Promise<boolean> {
	return (await db.query('SELECT 1 FROM accounts WHERE email = $1', [email])).length > 0;
}
