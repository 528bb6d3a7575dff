-- The OpenTelemetry trace id of the request that wrote each query-log row.

-- AlterTable
ALTER TABLE "query_logs" ADD COLUMN     "trace_id" TEXT;
