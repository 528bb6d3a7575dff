// A separate app process that only runs the background workers, so a test can kill it mid-job.
// Environment: DATABASE_URL (and the model settings of the instance being imitated).
import { connectDb } from '../../lib/db/client';
import { env } from '../../lib/env';
import { startWorkers } from '../../lib/jobs/worker';

connectDb(env().DATABASE_URL!, 4);
await startWorkers();
process.stdout.write('workers started\n');
setInterval(() => {}, 60_000);
