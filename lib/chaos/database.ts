// Chaos at the database, in the driver adapter under Prisma: every query, script and transaction start
// waits a random latency, and a share fails as a server that cannot be reached does (the adapter's
// DatabaseNotReachable, which Prisma reports as P1001 and the error mapping answers with a 503).
// In the adapter rather than a client extension, so the client and its type stay what callers know.
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { decideFault, injectFault, type Random } from './faults';
import { chaosFor } from './state';

const QUERIES = new Set<PropertyKey>(['queryRaw', 'executeRaw', 'executeScript']);

/** What a refused connection gives in @prisma/adapter-pg, marked as chaos for whoever reads the logs. */
export function chaosUnreachableError(): DriverAdapterError {
  return new DriverAdapterError({ kind: 'DatabaseNotReachable', host: 'chaos-mode-injected-fault' });
}

/**
 * The fault chaos mode puts before a query when its `database` target is on (else nothing): for the
 * queries lib/db/sql.ts sends on the pool itself, past the adapter.
 */
export async function databaseFault(random: Random = Math.random): Promise<void> {
  const settings = chaosFor('database');
  if (settings) await injectFault(decideFault(settings, random), chaosUnreachableError);
}

/** `target` with a fault before each query, and on each transaction it starts. */
function faulty<T extends object>(target: T, before: () => Promise<void>): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      if (QUERIES.has(property))
        return async (...args: unknown[]) => {
          await before();
          return method.apply(object, args);
        };
      if (property === 'startTransaction')
        return async (...args: unknown[]) => {
          await before();
          return faulty((await method.apply(object, args)) as object, before);
        };
      return method.bind(object);
    },
  });
}

/** The adapter factory with chaos in every connection when the `database` target is on; else itself. */
export function withDatabaseChaos(
  factory: SqlDriverAdapterFactory,
  random: Random = Math.random,
): SqlDriverAdapterFactory {
  if (!chaosFor('database')) return factory;
  const before = () => databaseFault(random);
  return new Proxy(factory, {
    get(object, property) {
      if (property === 'connect')
        return async (): Promise<SqlDriverAdapter> => faulty(await object.connect(), before);
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}
