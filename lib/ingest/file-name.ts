// Upload file names made safe to store and show: no paths, no invisible or direction-flipping characters.

/** Longest name kept, in characters; the extension survives shortening. */
export const fileNameMaxChars = 200;
const EXTENSION = /\.[\p{L}\p{N}]{1,15}$/u;

/**
 * The name of an uploaded file fit for storage and display: the last path segment only (a name like
 * "../../etc/passwd" or "C:\\Users\\x\\report.pdf" keeps "passwd" and "report.pdf"); control, format
 * (bidi overrides that make "exe.pdf" read as "fdp.exe", zero-width) and separator characters removed;
 * whitespace collapsed; at most `fileNameMaxChars` characters with the extension kept; never empty.
 */
export function sanitizeFileName(name: string): string {
  const segments = name.normalize('NFC').split(/[/\\]/);
  let base = segments.reverse().find((segment) => segment.trim()) ?? '';
  base = base
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, '')
    .replace(/\s+/g, ' ')
    // Windows drops trailing dots and spaces; "a.pdf." and "a.pdf" are one file there.
    .replace(/^[\s.]+$|[\s.]+$/g, '')
    .trim();
  if (!base) return 'untitled';
  // A bare extension (".pdf") is a name nobody chose.
  if (/^\.[^.]+$/.test(base) && EXTENSION.test(base)) base = `untitled${base}`;

  const characters = Array.from(base);
  if (characters.length <= fileNameMaxChars) return base;
  const extension = EXTENSION.exec(base)?.[0] ?? '';
  const stem = Array.from(base.slice(0, base.length - extension.length));
  const kept = stem
    .slice(0, fileNameMaxChars - Array.from(extension).length)
    .join('')
    .replace(/[\s.]+$/, '');
  return `${kept || 'untitled'}${extension}`;
}
