-- Each lexeme's document frequency (passages of READY documents holding it) for one corpus version,
-- counted over the whole corpus in one statement by a background job after the corpus changes
-- (lib/db/lexeme-frequencies.ts). A question's text search reads its lexemes' frequencies here in
-- the statement that analyses it, when the counted version is the corpus's current one. Counting a
-- question's new lexemes through the GIN index instead was the largest part of a first search.
-- The row of system_state keyed 'lexeme_frequencies' holds the version counted.
CREATE TABLE "lexeme_frequencies" (
    "version" INTEGER NOT NULL,
    "lexeme" TEXT NOT NULL,
    "df" INTEGER NOT NULL,

    CONSTRAINT "lexeme_frequencies_pkey" PRIMARY KEY ("version", "lexeme")
);
