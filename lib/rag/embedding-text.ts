// The text a passage is embedded from: its heading path, then its text. Ingestion, re-embedding and
// erasure all embed the same way, so a question finds a passage by its headings too.
export function embeddingText(chunk: { headingPath: string; text: string }): string {
  return `${chunk.headingPath}\n${chunk.text}`;
}
