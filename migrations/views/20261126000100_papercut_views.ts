import type { Knex } from 'knex';
import { dialectOfKnex } from '../../bridge/db/dialect';
import { readViewStatements } from '../../bridge/db/view-sql';

// The demo ERP's mapping: the four views of the contract, from views/<dialect>/.
export async function up(knex: Knex): Promise<void> {
  for (const { sql } of readViewStatements(dialectOfKnex(knex))) await knex.raw(sql);
}

export async function down(knex: Knex): Promise<void> {
  for (const { view } of readViewStatements(dialectOfKnex(knex)).reverse()) {
    await knex.schema.dropViewIfExists(view);
  }
}
