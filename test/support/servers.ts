// Which database servers the tests can use: a URL from the environment, else a
// container started with testcontainers where a container runtime answers,
// else a printed reason to skip. BRIDGE_TEST_REQUIRE lists the dialects that
// must not be skipped (CI sets it, so CI never passes by skipping).
import type { Dialect } from '../../bridge/db/dialect';

export type ServerDialect = Exclude<Dialect, 'sqlite'>;
export const SERVER_DIALECTS: readonly ServerDialect[] = ['pg', 'mysql', 'mssql'];

/** An admin URL to a server (any database on it), or why there is none. */
export type Server = { url: string } | { skip: string };
export type ServerMap = Record<ServerDialect, Server>;

export const URL_VARIABLES: Record<ServerDialect, string> = {
  pg: 'BRIDGE_TEST_PG_URL',
  mysql: 'BRIDGE_TEST_MYSQL_URL',
  mssql: 'BRIDGE_TEST_MSSQL_URL',
};

interface Started {
  url: string;
  stop(): Promise<unknown>;
}

/** Starts a throwaway server of each dialect in a container. */
const CONTAINERS: Record<ServerDialect, () => Promise<Started>> = {
  pg: async () => {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:16-alpine').start();
    return { url: container.getConnectionUri(), stop: () => container.stop() };
  },
  mysql: async () => {
    const { MariaDbContainer } = await import('@testcontainers/mariadb');
    const container = await new MariaDbContainer('mariadb:11.4').start();
    return { url: container.getConnectionUri(true).replace(/^mariadb:/, 'mysql:'), stop: () => container.stop() };
  },
  mssql: async () => {
    const { MSSQLServerContainer } = await import('@testcontainers/mssqlserver');
    const container = await new MSSQLServerContainer('mcr.microsoft.com/mssql/server:2022-latest')
      .acceptLicense()
      .start();
    const password = encodeURIComponent(container.getPassword());
    const url = `mssql://sa:${password}@${container.getHost()}:${container.getPort()}/master?encrypt=false`;
    return { url, stop: () => container.stop() };
  },
};

export function requiredDialects(env: NodeJS.ProcessEnv): Set<string> {
  return new Set(
    (env.BRIDGE_TEST_REQUIRE ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );
}

/** Finds or starts every server; returns them with a function that stops the containers. */
export async function findServers(env: NodeJS.ProcessEnv): Promise<{
  servers: Record<ServerDialect, Server>;
  stop: () => Promise<void>;
}> {
  const started: Started[] = [];
  const servers = {} as Record<ServerDialect, Server>;
  let runtime: string | undefined;
  for (const dialect of SERVER_DIALECTS) {
    const url = env[URL_VARIABLES[dialect]];
    if (url) {
      servers[dialect] = { url };
      continue;
    }
    runtime ??= await containerRuntimeProblem();
    if (runtime) {
      servers[dialect] = { skip: `${URL_VARIABLES[dialect]} is not set and ${runtime}` };
      continue;
    }
    try {
      const container = await CONTAINERS[dialect]();
      started.push(container);
      servers[dialect] = { url: container.url };
    } catch (error) {
      servers[dialect] = { skip: `its container did not start: ${(error as Error).message}` };
    }
  }
  return { servers, stop: async () => void (await Promise.all(started.map((container) => container.stop()))) };
}

/** Undefined when a container runtime answers; otherwise what is wrong. */
async function containerRuntimeProblem(): Promise<string | undefined> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return undefined;
  } catch (error) {
    return `no container runtime answers (${(error as Error).message})`;
  }
}
