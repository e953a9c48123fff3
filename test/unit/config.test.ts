import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig, type ConfigSources } from '../../bridge/config/config';
import type { Config } from '../../bridge/core/contract';
import { BridgeError } from '../../bridge/core/errors';

// A made-up installation, far from the test's working directory.
const ROOT = resolve('/opt/papercut-bridge-under-test');
const DEFAULT_FILE = join(ROOT, 'papercut-bridge.env');
const DEMO = join(ROOT, 'demo', 'demo-erp.sqlite');
const PASSWORD = 'Sup3r-s3cret-pw';

/** Sources that touch no real file: `files` maps absolute paths to contents. */
function sources(env: Record<string, string | undefined>, files: Record<string, string> = {}): ConfigSources {
  return {
    env,
    readFile: (path) => files[path],
    root: ROOT,
    defaultConfigFile: DEFAULT_FILE,
    demoDatabase: DEMO,
  };
}

/** `sources` with the demo chosen, for tests of the other settings. */
const demoSources = (env: Record<string, string | undefined>, files: Record<string, string> = {}) =>
  sources({ BRIDGE_DB_CLIENT: 'demo', ...env }, files);

function configFailure(source: ConfigSources): BridgeError {
  try {
    resolveConfig(source);
  } catch (error) {
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).code).toBe('config');
    return error as BridgeError;
  }
  throw new Error('resolveConfig accepted a bad configuration');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('resolveConfig', () => {
  it('fails with nothing configured, naming the file it looked for', () => {
    for (const files of [{}, { [DEFAULT_FILE]: '# BRIDGE_DB_CLIENT=pg\n#BRIDGE_DB_URL=postgres://db/erp\n' }]) {
      const error = configFailure(sources({}, files));
      expect(error.message).toContain(`nothing is configured`);
      expect(error.message).toContain(DEFAULT_FILE);
      expect(error.message).toContain('BRIDGE_DB_CLIENT=demo');
    }
    // A file beside the expected one, under another name, is not read.
    expect(configFailure(sources({}, { [`${DEFAULT_FILE}.txt`]: 'BRIDGE_DB_CLIENT=demo\n' })).message).toContain(
      '(no such file)',
    );
    expect(resolveConfig({ ...sources({}), demoWhenUnset: true }).demo).toBe(true);
  });

  it('answers from the demo database only when it is chosen', () => {
    expect(configFailure(sources({ BRIDGE_DB_CLIENT: 'demo', BRIDGE_DB_URL: 'erp.sqlite' })).message).toContain(
      'takes no BRIDGE_DB_URL',
    );
    expect(resolveConfig(demoSources({}))).toEqual({
      dialect: 'sqlite',
      url: DEMO,
      schema: undefined,
      demo: true,
      migrationsDir: join(ROOT, 'mapping'),
      configFile: undefined,
      connectTimeoutMs: 5_000,
      statementTimeoutMs: 30_000,
      authTimeoutMs: 5_000,
      allowWeakHashes: false,
      aliasLogin: false,
      logFile: join(ROOT, 'logs', 'papercut-bridge.log'),
      stateDir: join(ROOT, 'state'),
      maxUserDropPercent: 10,
    });
  });

  it('reads yes/no settings and refuses anything else', () => {
    const config = resolveConfig(demoSources({ BRIDGE_ALLOW_WEAK_HASHES: '1', BRIDGE_ALIAS_LOGIN: 'TRUE' }));
    expect([config.allowWeakHashes, config.aliasLogin]).toEqual([true, true]);
    expect(resolveConfig(demoSources({ BRIDGE_ALLOW_WEAK_HASHES: 'no' })).allowWeakHashes).toBe(false);
    expect(configFailure(demoSources({ BRIDGE_ALLOW_WEAK_HASHES: 'maybe' })).message).toContain(
      'BRIDGE_ALLOW_WEAK_HASHES',
    );
  });

  it('takes the guard limit as a whole percentage', () => {
    expect(resolveConfig(demoSources({ BRIDGE_MAX_USER_DROP_PERCENT: '100' })).maxUserDropPercent).toBe(100);
    for (const bad of ['101', '-5', '7.5', 'ten']) {
      expect(configFailure(demoSources({ BRIDGE_MAX_USER_DROP_PERCENT: bad })).message).toContain(
        'BRIDGE_MAX_USER_DROP_PERCENT',
      );
    }
  });

  it('resolves the audit log against the installation', () => {
    expect(resolveConfig(demoSources({ BRIDGE_LOG_FILE: 'var/audit.log' })).logFile).toBe(
      join(ROOT, 'var', 'audit.log'),
    );
  });

  it('takes timeouts in seconds and refuses nonsense', () => {
    const config = resolveConfig(demoSources({ BRIDGE_CONNECT_TIMEOUT: '2.5', BRIDGE_STATEMENT_TIMEOUT: '10' }));
    expect([config.connectTimeoutMs, config.statementTimeoutMs]).toEqual([2_500, 10_000]);
    for (const bad of ['0', '-1', 'soon', '1e3', '7200']) {
      expect(configFailure(demoSources({ BRIDGE_CONNECT_TIMEOUT: bad })).message).toContain('BRIDGE_CONNECT_TIMEOUT');
    }
  });

  it('refuses a schema for sqlite', () => {
    const error = configFailure(
      sources({ BRIDGE_DB_CLIENT: 'sqlite', BRIDGE_DB_URL: 'erp.sqlite', BRIDGE_DB_SCHEMA: 'erp' }),
    );
    expect(error.message).toContain('BRIDGE_DB_SCHEMA does not apply to sqlite');
  });

  it('reads the settings from the environment', () => {
    const config = resolveConfig(
      sources({ BRIDGE_DB_CLIENT: 'pg', BRIDGE_DB_URL: 'postgres://bridge:pw@db/erp', BRIDGE_DB_SCHEMA: 'erp' }),
    );
    expect(config).toMatchObject({ dialect: 'pg', url: 'postgres://bridge:pw@db/erp', schema: 'erp', demo: false });
    expect(config.configFile).toBeUndefined();
  });

  it('uses the config file when the environment is unset', () => {
    const file = 'BRIDGE_DB_CLIENT=mysql\nBRIDGE_DB_URL=mysql://bridge:pw@db/erp\nBRIDGE_DB_SCHEMA=erp\n';
    const config = resolveConfig(sources({}, { [DEFAULT_FILE]: file }));
    expect(config).toMatchObject({ dialect: 'mysql', url: 'mysql://bridge:pw@db/erp', schema: 'erp', demo: false });
    expect(config.configFile).toBe(DEFAULT_FILE);
  });

  it('lets the environment win over the file, setting by setting', () => {
    const file = 'BRIDGE_DB_CLIENT=mysql\nBRIDGE_DB_URL=mysql://file:pw@db/erp\nBRIDGE_DB_SCHEMA=from_file\n';
    const config = resolveConfig(
      sources({ BRIDGE_DB_CLIENT: 'pg', BRIDGE_DB_URL: 'postgres://env:pw@db/erp' }, { [DEFAULT_FILE]: file }),
    );
    expect(config).toMatchObject({ dialect: 'pg', url: 'postgres://env:pw@db/erp', schema: 'from_file' });
  });

  it('treats empty or blank environment values as unset', () => {
    const file = 'BRIDGE_DB_CLIENT=pg\nBRIDGE_DB_URL=postgres://file:pw@db/erp\n';
    const config = resolveConfig(
      sources({ BRIDGE_DB_CLIENT: '', BRIDGE_DB_URL: '   ', BRIDGE_DB_SCHEMA: '' }, { [DEFAULT_FILE]: file }),
    );
    expect(config).toMatchObject({ dialect: 'pg', url: 'postgres://file:pw@db/erp', schema: undefined });
    expect(configFailure(sources({ BRIDGE_DB_CLIENT: '', BRIDGE_DB_URL: '' })).message).toContain(
      'nothing is configured',
    );
  });

  it('resolves a relative SQLite path against the root, never the working directory', () => {
    vi.spyOn(process, 'cwd').mockImplementation(() => {
      throw new Error('process.cwd() must not be used');
    });
    const config = resolveConfig(sources({ BRIDGE_DB_CLIENT: 'sqlite', BRIDGE_DB_URL: 'data/erp.sqlite' }));
    expect(config.url).toBe(join(ROOT, 'data', 'erp.sqlite'));
  });

  it('keeps an absolute SQLite path', () => {
    const path = resolve('/var/lib/erp/erp.sqlite');
    expect(resolveConfig(sources({ BRIDGE_DB_CLIENT: 'sqlite', BRIDGE_DB_URL: path })).url).toBe(path);
  });

  it('turns a file: URL into a path', () => {
    const config = resolveConfig(
      sources({ BRIDGE_DB_CLIENT: 'sqlite', BRIDGE_DB_URL: 'file:///var/lib/erp/my%20erp.sqlite' }),
    );
    expect(config.url).toBe(resolve('/var/lib/erp/my erp.sqlite'));
  });

  it('refuses a file: URL that names another host', () => {
    const error = configFailure(sources({ BRIDGE_DB_CLIENT: 'sqlite', BRIDGE_DB_URL: 'file://fileserver/erp.sqlite' }));
    expect(error.message).toContain('BRIDGE_DB_URL');
  });

  it('refuses an unknown client, naming BRIDGE_DB_CLIENT', () => {
    const error = configFailure(sources({ BRIDGE_DB_CLIENT: 'oracle', BRIDGE_DB_URL: 'oracle://db/erp' }));
    expect(error.message).toContain('BRIDGE_DB_CLIENT');
    expect(error.message).toContain('oracle');
  });

  it('refuses a missing URL', () => {
    const error = configFailure(sources({ BRIDGE_DB_CLIENT: 'pg' }));
    expect(error.message).toContain('BRIDGE_DB_URL');
  });

  it('refuses a missing client when a URL is set', () => {
    const error = configFailure(sources({ BRIDGE_DB_URL: 'postgres://db/erp' }));
    expect(error.message).toContain('BRIDGE_DB_CLIENT');
  });

  it('refuses a malformed URL without echoing its password', () => {
    for (const url of [
      `postgres://bridge:${PASSWORD}@db host:5432/erp`,
      `postgres://bridge:${PASSWORD}@db:port/erp`,
      `postgres//bridge:${PASSWORD}@db/erp`,
    ]) {
      const error = configFailure(sources({ BRIDGE_DB_CLIENT: 'pg', BRIDGE_DB_URL: url }));
      expect(error.message).toContain('BRIDGE_DB_URL');
      expect(error.message).not.toContain(PASSWORD);
    }
  });

  it('refuses a URL whose scheme belongs to another database, without echoing it', () => {
    const error = configFailure(
      sources({ BRIDGE_DB_CLIENT: 'pg', BRIDGE_DB_URL: `mysql://bridge:${PASSWORD}@db/erp` }),
    );
    expect(error.message).toContain('BRIDGE_DB_URL');
    expect(error.message).toContain('postgres://');
    expect(error.message).not.toContain(PASSWORD);
  });

  it('refuses a URL without a host', () => {
    const error = configFailure(sources({ BRIDGE_DB_CLIENT: 'pg', BRIDGE_DB_URL: `postgres:/u:${PASSWORD}@db/erp` }));
    expect(error.message).toContain('BRIDGE_DB_URL for pg names no host');
    expect(error.message).not.toContain(PASSWORD);
  });

  it('accepts each dialect’s own URL schemes', () => {
    const accepted: [string, string][] = [
      ['pg', 'postgres://u:pw@db/erp'],
      ['pg', 'postgresql://u:pw@db/erp'],
      ['mysql', 'mysql://u:pw@db/erp'],
      ['mysql', 'mariadb://u:pw@db/erp'],
      ['mssql', 'mssql://u:pw@db/erp'],
      ['mssql', 'sqlserver://u:pw@db/erp'],
    ];
    for (const [client, url] of accepted) {
      expect(resolveConfig(sources({ BRIDGE_DB_CLIENT: client, BRIDGE_DB_URL: url })).url).toBe(url);
    }
  });

  it('reports several problems in one error', () => {
    const error = configFailure(
      sources({}, { [DEFAULT_FILE]: 'BRIDGE_DB_CLIENT=oracle\nBRIDGE_DB_SCHEMA=erp; drop\nBRIDGE_DB_PASSWORD=x\n' }),
    );
    expect(error.message).toContain('BRIDGE_DB_CLIENT');
    expect(error.message).toContain('BRIDGE_DB_URL is not set');
    expect(error.message).toContain('BRIDGE_DB_SCHEMA');
    expect(error.message).toContain('BRIDGE_DB_PASSWORD');
  });

  it('refuses an unknown key in the config file, naming it', () => {
    const error = configFailure(sources({}, { [DEFAULT_FILE]: 'BRIDGE_DB_CLEINT=pg\n' }));
    expect(error.message).toContain('BRIDGE_DB_CLEINT');
    expect(error.message).toContain(DEFAULT_FILE);
  });

  it('reads the file BRIDGE_CONFIG_FILE names, relative to the root', () => {
    const named = join(ROOT, 'etc', 'bridge.env');
    const config = resolveConfig(
      sources(
        { BRIDGE_CONFIG_FILE: 'etc/bridge.env' },
        { [named]: 'BRIDGE_DB_CLIENT=sqlite\nBRIDGE_DB_URL=erp.sqlite\n', [DEFAULT_FILE]: 'BRIDGE_DB_CLIENT=pg\n' },
      ),
    );
    expect(config).toMatchObject({ dialect: 'sqlite', url: join(ROOT, 'erp.sqlite'), configFile: named });
  });

  it('refuses a BRIDGE_CONFIG_FILE that does not exist', () => {
    const error = configFailure(sources({ BRIDGE_CONFIG_FILE: '/etc/papercut-bridge/missing.env' }));
    expect(error.message).toContain('BRIDGE_CONFIG_FILE');
    expect(error.message).toContain(resolve('/etc/papercut-bridge/missing.env'));
  });

  it('reports a config file it may not read', () => {
    const error = configFailure({
      ...sources({}),
      readFile: () => {
        throw Object.assign(new Error(`EACCES: permission denied, open '${DEFAULT_FILE}'`), { code: 'EACCES' });
      },
    });
    expect(error.message).toContain('EACCES');
    expect(error.message).toContain(DEFAULT_FILE);
  });

  it('accepts a plain schema identifier and refuses anything else', () => {
    const base = { BRIDGE_DB_CLIENT: 'pg', BRIDGE_DB_URL: 'postgres://db/erp' };
    expect(resolveConfig(sources({ ...base, BRIDGE_DB_SCHEMA: 'erp_2024$' })).schema).toBe('erp_2024$');
    for (const schema of ['erp.papercut', '"erp"', '1erp', 'erp; DROP TABLE x', 'x'.repeat(129)]) {
      const error = configFailure(sources({ ...base, BRIDGE_DB_SCHEMA: schema }));
      expect(error.message).toContain('BRIDGE_DB_SCHEMA');
    }
  });

  it('puts the migrations in <root>/mapping unless told otherwise, relative to the root', () => {
    expect(resolveConfig(demoSources({})).migrationsDir).toBe(join(ROOT, 'mapping'));
    expect(resolveConfig(demoSources({ BRIDGE_MIGRATIONS_DIR: 'erp-views' })).migrationsDir).toBe(
      join(ROOT, 'erp-views'),
    );
    const absolute = resolve('/srv/mapping');
    expect(resolveConfig(demoSources({ BRIDGE_MIGRATIONS_DIR: absolute })).migrationsDir).toBe(absolute);
    expect(
      resolveConfig(demoSources({}, { [DEFAULT_FILE]: 'BRIDGE_MIGRATIONS_DIR=views-from-file\n' })).migrationsDir,
    ).toBe(join(ROOT, 'views-from-file'));
  });

  it('returns a frozen object', () => {
    const demo = resolveConfig(demoSources({}));
    const pg = resolveConfig(sources({ BRIDGE_DB_CLIENT: 'pg', BRIDGE_DB_URL: 'postgres://db/erp' }));
    for (const config of [demo, pg]) {
      expect(Object.isFrozen(config)).toBe(true);
      expect(() => {
        (config as { -readonly [K in keyof Config]: Config[K] }).url = 'elsewhere';
      }).toThrow(TypeError);
    }
  });
});
