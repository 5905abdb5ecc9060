import { sql, type Param } from 'drizzle-orm';

/**
 * One column of a batch as a single array parameter, for `insert ... select * from unnest($1::t[], ...)`:
 * a batch of hundreds of rows costs little to build and to parse, unlike a parameter per value.
 */
export function columnParam<Row, Value>(rows: readonly Row[], pick: (row: Row) => Value): Param<Value[]> {
  return sql.param(rows.map(pick));
}
