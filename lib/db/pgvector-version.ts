// Which pgvector the app needs, and what to say when a server's is older. Iterative index scans
// (0.8.0) keep a filtered passage search from coming back short; the server's passage index is built
// over half-precision vectors (0.7.0).

export const PGVECTOR_MIN_VERSION = '0.8.0';

/** -1, 0 or 1 as version `a` is older than, the same as, or newer than `b` ("0.10.1" > "0.8.0"). */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/**
 * Why this server's pgvector cannot serve the app, or null when it can. `available` is the version
 * the server would install (`pg_available_extensions.default_version`), `installed` the version in
 * this database, if any (`pg_extension.extversion`). A missing extension is reported elsewhere.
 */
export function pgvectorVersionProblem(available: string, installed: string | null): string | null {
  const min = PGVECTOR_MIN_VERSION;
  if (installed !== null && compareVersions(installed, min) < 0) {
    return compareVersions(available, min) >= 0
      ? `pgvector ${installed} is installed in this database and the app needs ${min} or newer. ` +
          `The server has ${available}: run \`ALTER EXTENSION vector UPDATE\` in this database as its owner.`
      : `pgvector ${installed} is installed in this database and the app needs ${min} or newer. ` +
          'Install a newer pgvector on the server (Debian/Ubuntu: `apt-get install postgresql-<version>-pgvector` ' +
          'from the PostgreSQL apt repository, or the `pgvector/pgvector:pg17` image), then run ' +
          '`ALTER EXTENSION vector UPDATE` in this database.';
  }
  if (installed === null && compareVersions(available, min) < 0)
    return (
      `This Postgres server has pgvector ${available} and the app needs ${min} or newer. ` +
      'Install a newer pgvector (Debian/Ubuntu: `apt-get install postgresql-<version>-pgvector` from the ' +
      'PostgreSQL apt repository, or the `pgvector/pgvector:pg17` image).'
    );
  return null;
}
