import type { Knex } from 'knex';
import type { DoctorContext } from './context';
import { finding, MAX_EXAMPLES, plural, type Finding } from './findings';

// Data quality across the views, aggregated by the database (COUNT, GROUP BY,
// NOT EXISTS) so that a million users cost one query each, not a million rows
// in memory. Names are matched as the bridge's own queries match them (ctx.sql).

type Check = (ctx: DoctorContext) => Promise<Finding[]>;

export async function checkData(ctx: DoctorContext): Promise<Finding[]> {
  const checks: [string, Check][] = [
    ['card numbers', duplicateCards],
    ['users without credentials', usersWithoutCredentials],
    ['users with several credentials', severalCredentials],
  ];
  const findings: Finding[] = [];
  for (const [label, check] of checks) {
    ctx.progress(`checking ${label}`);
    findings.push(...(await check(ctx)));
  }
  return findings;
}

async function count(ctx: DoctorContext, query: Knex.QueryBuilder): Promise<number> {
  const rows: { n?: unknown }[] = await ctx.db.count({ n: '*' }).from(query.as('counted'));
  return Number(rows[0]?.n ?? 0);
}

async function names(query: Knex.QueryBuilder, column: string): Promise<string[]> {
  const rows: Record<string, unknown>[] = await query.limit(MAX_EXAMPLES);
  return rows.map((row) => String(row[column] ?? ''));
}

/** PaperCut identifies a person by card at the printer; a card two users hold
 * may release one person's jobs to the other, so this is an error. */
async function duplicateCards(ctx: DoctorContext): Promise<Finding[]> {
  const { db, sql } = ctx;
  const card = (column: string) => sql.exactText(db, column);
  const held = (column: string) =>
    db
      .select('username', db.raw('? as card', [card(column)]))
      .from(ctx.view('users'))
      .whereNotNull(column)
      .andWhere(card(column), '<>', '');
  // UNION, not UNION ALL: one user with the same card in both columns holds it once.
  const cards = () => held('card_number').union(held('card_number2'));
  const duplicated = () => db.select('card').from(cards().as('cards')).groupBy('card').havingRaw('count(*) > 1');
  const total = await count(ctx, duplicated());
  if (!total) return [finding('data.cards.duplicates', 'ok', 'every card number belongs to one user')];
  const examples = await names(
    db
      .select('username')
      .from(ctx.view('users'))
      .whereIn(card('card_number') as never, duplicated())
      .orWhereIn(card('card_number2') as never, duplicated())
      .orderBy(sql.binaryOrder(db, 'username') as never),
    'username',
  );
  return [
    finding(
      'data.cards.duplicates',
      'error',
      `${plural(total, 'card number')} ${total === 1 ? 'is' : 'are'} held by more than one user: PaperCut skips users whose card is not unique, and a shared card identifies the wrong person at the printer`,
      { count: total, examples },
    ),
  ];
}

/** Card-only staff are normal; the count tells the DBA whether it is only them. */
async function usersWithoutCredentials(ctx: DoctorContext): Promise<Finding[]> {
  const { db, sql } = ctx;
  const without = () =>
    db
      .from(ctx.view('users', 'u'))
      .whereNotNull('u.username')
      .andWhere('u.username', '<>', '')
      .whereNotExists(
        db
          .select(db.raw('1'))
          .from(ctx.view('credentials', 'c'))
          .where(sql.equalsColumn(db, 'c.username', 'u.username'))
          .whereNotNull('c.password_hash')
          .andWhere('c.password_hash', '<>', ''),
      );
  const total = await count(ctx, without().select('u.username'));
  if (!total) return [finding('data.credentials.missing', 'ok', 'every user has a password hash')];
  const examples = await names(
    without()
      .select('u.username')
      .orderBy(sql.binaryOrder(db, 'u.username') as never),
    'username',
  );
  return [
    finding(
      'data.credentials.missing',
      'info',
      `${plural(total, 'user')} ${total === 1 ? 'has' : 'have'} no password hash in papercut_credentials: ${total === 1 ? 'that user' : 'they'} cannot log in with a password (card-only staff are expected here)`,
      { count: total, examples },
    ),
  ];
}

/** The contract allows one row per user. The bridge takes the row spelled
 * exactly as the user, so rows spelled alike make it refuse the login. Grouped
 * on the exact spelling: a case-insensitive collation would also group the
 * rows of two colliding users, which is reported as a collision. */
async function severalCredentials(ctx: DoctorContext): Promise<Finding[]> {
  const { db, sql } = ctx;
  const several = () =>
    db
      .select(db.raw('min(??) as username', ['c.username']))
      .from(ctx.view('credentials', 'c'))
      .whereNotNull('c.password_hash')
      .whereExists(
        db
          .select(db.raw('1'))
          .from(ctx.view('users', 'u'))
          .where(sql.equalsColumn(db, 'u.username', 'c.username')),
      )
      .groupBy(sql.binaryOrder(db, 'c.username') as never)
      .havingRaw('count(*) > 1');
  const total = await count(ctx, several());
  if (!total) return [finding('data.credentials.several', 'ok', 'no user has more than one credential row')];
  const examples = await names(several(), 'username');
  return [
    finding(
      'data.credentials.several',
      'warning',
      `${plural(total, 'user')} ${total === 1 ? 'has' : 'have'} more than one row in papercut_credentials: the bridge refuses ${total === 1 ? 'that login' : 'their logins'} (the view must give one row per user)`,
      { count: total, examples },
    ),
  ];
}
