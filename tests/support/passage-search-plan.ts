// The plan Postgres makes for the statement the passage search (nearest_chunks) runs for a question
// of `dimensions`, under the function's own setting (sequential scans off) and with sorting off too:
// over a test's few passages the planner rightly prefers reading a document's passages and sorting
// them, so it is asked whether the HNSW index serves the statement's order. It takes the index when
// the order matches the index's expression; when it does not, the plan still sorts. EXPLAIN cannot
// look inside a function call, so the statement is prepared and explained on its own.
import { db } from '../../lib/db/client';

let prepared = 0;

export async function passageSearchPlan(dimensions: number): Promise<string> {
  const name = `passage_search_plan_${process.pid}_${prepared++}`;
  const question = `[${Array.from({ length: dimensions }, (_, i) => ((i % 7) + 1) / 10).join(',')}]`;
  return db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
    await tx.$executeRawUnsafe('SET LOCAL enable_sort = off');
    const [row] = await tx.$queryRaw<Array<{ sql: string }>>`
      SELECT nearest_chunks_statement(${dimensions}::int) AS sql`;
    await tx.$executeRawUnsafe(`PREPARE ${name}(vector, text, text[], text[], integer) AS ${row!.sql}`);
    const plan = await tx.$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(
      `EXPLAIN EXECUTE ${name}('${question}', NULL, NULL, NULL, 50)`,
    );
    await tx.$executeRawUnsafe(`DEALLOCATE ${name}`);
    return plan.map((line) => line['QUERY PLAN']).join('\n');
  });
}
