// Points the data-access layer of each integration test file at the run's database.
import { afterAll, inject } from 'vitest';
import { connectDb, db } from '../../lib/db/client';

connectDb(inject('databaseUrl'), 4);

afterAll(async () => {
  await db().$disconnect();
});
