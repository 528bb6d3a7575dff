// A stored file turned into what the corpus keeps: parsed, its title and language settled, chunked, its
// passages screened for prompt injection and, with the built-in embedding, embedded. CPU work only (no
// database, no network), so it runs on a worker thread (prepare-pool.ts): a large or hostile file
// never holds up the process's event loop.
import { hashEmbed } from '@/lib/ai/local/hash-embedding';
import { embeddingText } from '@/lib/rag/embedding-text';
import { chunkDocument, type Chunk } from '@/lib/rag/chunking';
import { screenPassages, type PassageScreening } from '@/lib/security/injection/screen-passages';
import { parseDocument } from './parse';
import { DocumentParseError } from './types';

export type PrepareInput = {
  bytes: Uint8Array;
  fileName: string;
  declaredType: string | null;
  /** The document's text search configuration, or 'auto' to take the detected one. */
  language: string;
  /**
   * Set when the embedding model is the built-in one, of this many dimensions: the passages are
   * embedded here too. A provider's model is called from the event loop instead.
   */
  localEmbeddingDimensions?: number;
};

export type PreparedDocument = {
  title: string;
  language: string;
  chunks: Chunk[];
  injection: PassageScreening;
  /**
   * The passages' vectors one after another (passages × dimensions), when the input asked for the
   * built-in embedding: one buffer, handed to the event loop without a copy.
   */
  embeddings?: Float32Array<ArrayBuffer>;
};

/** Title shown for a document: its own title, else the file name without extension. */
export function titleOf(parsedTitle: string | null, fileName: string): string {
  return parsedTitle?.trim() || fileName.replace(/\.[^.]+$/, '') || fileName;
}

/** Throws DocumentParseError (with a reason for the uploader) for a file with nothing to index. */
export async function prepareDocument(input: PrepareInput): Promise<PreparedDocument> {
  const parsed = await parseDocument({
    bytes: input.bytes,
    fileName: input.fileName,
    declaredType: input.declaredType,
  });
  const chunks = chunkDocument(parsed);
  if (chunks.length === 0) throw new DocumentParseError('The document contains no text to index.');
  return {
    title: titleOf(parsed.title, input.fileName),
    language: input.language === 'auto' ? parsed.language : input.language,
    chunks,
    injection: screenPassages(chunks.map((chunk) => chunk.text)),
    embeddings: input.localEmbeddingDimensions ? embedAll(chunks, input.localEmbeddingDimensions) : undefined,
  };
}

function embedAll(chunks: Chunk[], dimensions: number): Float32Array<ArrayBuffer> {
  const vectors = new Float32Array(chunks.length * dimensions);
  chunks.forEach((chunk, i) => vectors.set(hashEmbed(embeddingText(chunk), dimensions), i * dimensions));
  return vectors;
}
