-- The document title's lexemes (weight A, in the document's language), which full-text search adds to
-- each candidate passage's own: built once when the title or language is written, where the search
-- had parsed the title again for every candidate passage of every question (about a fifth of the
-- text search's time at 100,000 passages). A trigger keeps it, since a generated column cannot cast
-- the language (text) to regconfig. Null while the language is not yet known ("auto" until parsed).
-- Kept out of the Prisma schema: the database writes it.
ALTER TABLE "documents" ADD COLUMN "title_tsv" tsvector;

CREATE FUNCTION "documents_title_tsv"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = NEW.language) THEN
    NEW.title_tsv := setweight(to_tsvector(NEW.language::regconfig, NEW.title), ''A'')\073
  ELSE
    NEW.title_tsv := NULL\073
  END IF\073
  RETURN NEW\073
END';

CREATE TRIGGER "documents_title_tsv" BEFORE INSERT OR UPDATE OF "title", "language" ON "documents"
FOR EACH ROW EXECUTE FUNCTION "documents_title_tsv"();

-- Fills the column for the documents already there, through the trigger.
UPDATE "documents" SET "title" = "title";
