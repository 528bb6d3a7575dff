-- The audit trail becomes append-only in the database itself, and ready for GDPR pseudonymisation
-- (docs/GOVERNANCE.md, "Audit trail").
--
-- The migration runner splits scripts at every semicolon (comments and quoted text included), so this
-- file holds none outside statement ends: the trigger function's body is an E'' string whose
-- statement ends are spelled \073 (octal for a semicolon), which the SQL lexer turns back into
-- semicolons before plpgsql reads the body. This runs the same on Postgres and on PGlite.

-- New rows commit to the personal fields (actor id, target id, IP) through salted digests kept in
-- "commitments", which the hash covers instead of the raw values. Erasing a person replaces the value
-- with a pseudonym and drops its salt from "salts": the chain still verifies, and the digest left
-- behind can no longer be linked to anyone. Rows written before this migration have no commitments.
ALTER TABLE "audit_events" ADD COLUMN "ip" TEXT,
ADD COLUMN "commitments" JSONB,
ADD COLUMN "salts" JSONB NOT NULL DEFAULT '{}';

CREATE INDEX "audit_events_target_id_at_idx" ON "audit_events"("target_id", "at");

-- Refuses every UPDATE and DELETE, with one narrow exception: a transaction that has set
-- rag.audit_pseudonymise to on (SET LOCAL, so it ends with the transaction) may replace actor_id,
-- target_id and ip with NULL or an erased: pseudonym, dropping the same field's salt, on rows that
-- carry commitments. Nothing else in the row may change.
CREATE OR REPLACE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' THEN
  IF coalesce(current_setting(''rag.audit_pseudonymise'', true), '''') = ''on''
    AND OLD.commitments IS NOT NULL
    AND (NEW.seq, NEW.at, NEW.actor_role, NEW.action, NEW.target_type, NEW.reason, NEW.metadata,
         NEW.request_id, NEW.prev_hash, NEW.hash, NEW.commitments)
        IS NOT DISTINCT FROM
        (OLD.seq, OLD.at, OLD.actor_role, OLD.action, OLD.target_type, OLD.reason, OLD.metadata,
         OLD.request_id, OLD.prev_hash, OLD.hash, OLD.commitments)
    AND (NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
         OR ((NEW.actor_id IS NULL OR NEW.actor_id LIKE ''erased:%'') AND NOT NEW.salts ? ''actorId''))
    AND (NEW.target_id IS NOT DISTINCT FROM OLD.target_id
         OR ((NEW.target_id IS NULL OR NEW.target_id LIKE ''erased:%'') AND NOT NEW.salts ? ''targetId''))
    AND (NEW.ip IS NOT DISTINCT FROM OLD.ip
         OR (NEW.ip IS NULL AND NOT NEW.salts ? ''ip''))
    AND NEW.salts <@ OLD.salts
  THEN
    RETURN NEW\073
  END IF\073
  END IF\073
  RAISE EXCEPTION ''audit_events is append-only: % refused'', TG_OP
    USING ERRCODE = ''insufficient_privilege'', HINT = ''See docs/GOVERNANCE.md, Audit trail.''\073
END';

CREATE TRIGGER "audit_events_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_events"
FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();

CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
