// Checks a file can be uploaded before sending it, with the same wording the server uses for 415/413.
import { ingestion } from '@/lib/config';
import { detectFormat, UnsupportedFormatError } from '@/lib/ingest/formats';

/** Why the server would refuse this file, or null when it looks acceptable. */
export function precheckFile(file: { name: string; size: number; type: string }): string | null {
  if (file.size > ingestion.maxFileBytes) {
    const mb = Math.round(ingestion.maxFileBytes / (1024 * 1024));
    return `${file.name} is larger than the ${mb} MB limit.`;
  }
  const format = detectFormat({ bytes: new Uint8Array(), fileName: file.name, declaredType: file.type });
  if (!format) return new UnsupportedFormatError(file.name).message;
  return null;
}
