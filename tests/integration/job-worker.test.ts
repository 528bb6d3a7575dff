// [JOBS] The job queue's workers: a worker that finishes a job takes the next queued one at once,
// rather than waiting out its polling interval after every job (which held an import of many small
// files to one file a second per worker).
import { afterAll, describe, expect, inject, it } from 'vitest';
import { defineJob, enqueue, stopJobQueue } from '../../lib/jobs/queue';
import { startWorkers, stopWorkers } from '../../lib/jobs/worker';

describe(`[JOBS] workers on ${inject('database')}`, () => {
  afterAll(async () => {
    await stopWorkers();
    await stopJobQueue();
  });

  it('runs queued jobs back to back, without waiting the polling interval between them', async () => {
    const ran: number[] = [];
    let allRan: () => void;
    const done = new Promise<void>((resolve) => (allRan = resolve));
    const job = defineJob<{ n: number }>({
      name: `test-back-to-back-${Date.now()}`,
      concurrency: 1,
      async run({ n }) {
        ran.push(n);
        if (ran.length === 5) allRan();
      },
    });
    for (let n = 1; n <= 5; n++) await enqueue(job.name, { n });
    // An idle worker would wait a minute before asking again: the five jobs must not need that.
    await startWorkers({ definitions: [job], pollingIntervalSeconds: 60 });
    const timedOut = new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), 20_000));
    expect(await Promise.race([done.then(() => 'done'), timedOut])).toBe('done');
    expect([...ran].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
