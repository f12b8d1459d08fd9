import { describe, expect, it } from 'vitest';
import { formatLogRecord, toEngineError } from '../src/schema-engine/engine-errors.js';
import { parseEngineArgs } from '../src/schema-engine/parse-engine-args.js';
import { listSchemaExtensions, removeSchemaExtensions } from '../src/schema-engine/schema-extensions.js';

const url = 'postgresql://u:p@db.example:6543/dermino';

describe('parseEngineArgs', () => {
  it('reads the one-shot cli form the Prisma CLI uses', () => {
    expect(parseEngineArgs(['--datasource', JSON.stringify({ url }), 'cli', 'create-database'])).toEqual({
      kind: 'cli',
      command: 'create-database',
      datasource: { url },
    });
  });

  it('reads the RPC form with repeated --datamodels and a shadow database', () => {
    const datasource = { url, shadowDatabaseUrl: 'postgresql://x@y/z' };
    const args = [
      '--datamodels',
      'a.prisma',
      '--datamodels',
      'b.prisma',
      'c.prisma',
      '--datasource',
      JSON.stringify(datasource),
    ];
    expect(parseEngineArgs([...args, '--enabled-preview-features', 'postgresqlExtensions'])).toEqual({
      kind: 'rpc',
      datamodelPaths: ['a.prisma', 'b.prisma', 'c.prisma'],
      datasource,
    });
  });

  it('names the bad argument', () => {
    expect(() => parseEngineArgs(['--datasource', '{nope'])).toThrow(/--datasource must be JSON/);
    expect(() => parseEngineArgs(['--datasource', '{}'])).toThrow(/needs a "url"/);
    expect(() => parseEngineArgs(['--datasource', JSON.stringify({ url }), 'cli', 'explode'])).toThrow(
      /got explode/,
    );
    expect(() => parseEngineArgs(['--frobnicate'])).toThrow(/unknown argument --frobnicate/);
  });
});

describe('toEngineError', () => {
  it('maps pg errors to Prisma codes', () => {
    expect(
      toEngineError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), url),
    ).toMatchObject({
      errorCode: 'P1001',
      message: expect.stringContaining('`db.example:6543`'),
    });
    expect(toEngineError({ code: '3D000', message: 'database "dermino" does not exist' }, url)).toEqual({
      errorCode: 'P1003',
      message: 'Database `dermino` does not exist on the database server at `db.example:6543`.',
    });
    expect(toEngineError({ code: '28P01', message: 'password authentication failed' }, url).errorCode).toBe(
      'P1000',
    );
    expect(toEngineError(new Error('something else'), url)).toEqual({ message: 'something else' });
  });

  it('formats a log record the CLI parses', () => {
    const record = JSON.parse(formatLogRecord('ERROR', { errorCode: 'P1001', message: 'down' }));
    expect(record).toMatchObject({
      level: 'ERROR',
      target: 'schema_engine::logger',
      fields: { message: 'down', error_code: 'P1001' },
    });
  });
});

describe('schema extensions', () => {
  const schema = `generator client {\n  provider = "prisma-client"\n}\n\ndatasource db {\n  provider   = "postgresql"\n  extensions = [vector, uuidOssp(map: "uuid-ossp", schema: "ext"), pg_trgm]\n}\n\nmodel A {\n  id Int @id\n}\n`;

  it('lists extensions by their database name', () => {
    expect(listSchemaExtensions(schema)).toEqual(['vector', 'uuid-ossp', 'pg_trgm']);
  });

  it('removes only the named extensions and leaves the rest of the schema alone', () => {
    const stripped = removeSchemaExtensions(schema, new Set(['vector', 'uuid-ossp']));
    expect(stripped).toContain('extensions = [pg_trgm]');
    expect(stripped.replace('extensions = [pg_trgm]', '')).toBe(schema.replace(/extensions = \[.*\]/, ''));
    expect(removeSchemaExtensions(schema, new Set(['plpgsql']))).toBe(schema);
  });
});
