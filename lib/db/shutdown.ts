// Closes the database pool of this process when it shuts down (lib/lifecycle/shutdown.ts).
import 'server-only';
import { closeDb } from './client';

export async function closeDatabase(): Promise<void> {
  await closeDb();
}
