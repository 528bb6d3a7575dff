// Readiness: the database answers and every migration shipped with this build is applied.
import 'server-only';
import { checkDatabase, type DatabaseHealth } from './health';
import { listMigrationNames } from './migration-names';

let shipped: Promise<string[]> | undefined;

export async function checkReadiness(): Promise<DatabaseHealth> {
  shipped ??= listMigrationNames();
  return checkDatabase(await shipped);
}
