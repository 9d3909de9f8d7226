import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Column, getTableColumns, is, type Table } from 'drizzle-orm';
import { PgTable, getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { SQLiteTable, getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import {
  MIGRATIONS_DIR,
  observerSchema,
  PG_MIGRATIONS_DIR,
  peerSchema,
  pgSchema,
  schema,
  shareSchema,
  studySchema,
} from '../src/index.ts';

// The two dialects' schemas are kept side by side (drizzle has one table builder per dialect);
// these tests fail as soon as one changes without the other, or without its migration.

const sqliteTables = [schema, peerSchema, observerSchema, shareSchema, studySchema].flatMap((module) =>
  Object.values(module as Record<string, unknown>).filter((value): value is SQLiteTable =>
    is(value, SQLiteTable),
  ),
);
// Tables only a database several instances share needs (one process writes a SQLite file).
const PG_ONLY_TABLES = new Set(['room_fences']);
const pgTables = Object.values(pgSchema as Record<string, unknown>).filter(
  (value): value is PgTable => is(value, PgTable) && !PG_ONLY_TABLES.has(pgConfig(value).name),
);

/** What must match: per column its property, name, nullability, key, default and allowed values. */
function columns(table: Table) {
  return Object.entries(getTableColumns(table))
    .map(([key, column]: [string, Column]) => ({
      key,
      name: column.name,
      notNull: column.notNull,
      primary: column.primary,
      unique: column.isUnique,
      default: column.default,
      enumValues: column.enumValues ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

type Config = ReturnType<typeof pgConfig> | ReturnType<typeof sqliteConfig>;

/** Keys, foreign keys and indexes, by the column names they cover. */
function constraints(config: Config) {
  const names = (cols: { name: string }[]) => cols.map((column) => column.name);
  return {
    primaryKeys: config.primaryKeys.map((key) => names(key.columns)),
    foreignKeys: config.foreignKeys
      .map((key) => {
        const ref = key.reference();
        return {
          columns: names(ref.columns),
          table: getTableName(ref.foreignTable),
          foreignColumns: names(ref.foreignColumns),
          onDelete: key.onDelete ?? null,
        };
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
    indexes: config.indexes
      .map((index) => ({
        name: index.config.name,
        unique: index.config.unique,
        columns: index.config.columns.map((column) => ('name' in column ? column.name : String(column))),
        partial: index.config.where !== undefined,
      }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
  };
}

function getTableName(table: Table): string {
  return is(table, PgTable) ? pgConfig(table).name : sqliteConfig(table as SQLiteTable).name;
}

describe('PostgreSQL schema', () => {
  it('has the same tables as the SQLite schema', () => {
    const names = (tables: Table[]) => tables.map(getTableName).sort();
    expect(names(pgTables)).toEqual(names(sqliteTables));
    expect(pgTables.length).toBeGreaterThanOrEqual(11);
  });

  for (const sqliteTable of sqliteTables) {
    const name = sqliteConfig(sqliteTable).name;
    it(`has the columns, keys and indexes of ${name}`, () => {
      const pgTable = pgTables.find((table) => getTableName(table) === name);
      expect(pgTable, `pg-schema.ts has no table ${name}`).toBeDefined();
      expect(columns(pgTable!)).toEqual(columns(sqliteTable));
      expect(constraints(pgConfig(pgTable!))).toEqual(constraints(sqliteConfig(sqliteTable)));
    });
  }
});

/** The snapshot drizzle-kit wrote with the newest migration of a folder. */
function latestSnapshot(dir: string) {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number }[];
  };
  const last = journal.entries.at(-1)!;
  const file = join(dir, 'meta', `${String(last.idx).padStart(4, '0')}_snapshot.json`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

describe('migrations', () => {
  it('migrations-pg is up to date with src/pg-schema.ts (else run pnpm db:generate)', async () => {
    const { generateDrizzleJson, generateMigration } = await import('drizzle-kit/api');
    const statements = await generateMigration(
      latestSnapshot(PG_MIGRATIONS_DIR),
      generateDrizzleJson(pgSchema),
    );
    expect(statements).toEqual([]);
  });

  it('migrations is up to date with the SQLite schema files (else run pnpm db:generate)', async () => {
    const { generateSQLiteDrizzleJson, generateSQLiteMigration } = await import('drizzle-kit/api');
    const current = await generateSQLiteDrizzleJson({
      ...schema,
      ...peerSchema,
      ...observerSchema,
      ...shareSchema,
      ...studySchema,
    });
    const statements = await generateSQLiteMigration(latestSnapshot(MIGRATIONS_DIR), current);
    expect(statements).toEqual([]);
  });
});
