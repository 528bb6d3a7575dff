// Word (.docx) uploads: mammoth turns styles into HTML (Heading 1 → h1), then the HTML path makes Markdown.
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { DocumentParseError } from '../types';
import { htmlToMarkdown } from './html';
import { firstHeading } from './markdown';

const DAMAGED = 'The DOCX file is damaged (not a valid Word document).';
/**
 * Largest total the parts of a .docx may unpack to. Real documents unpack to a few megabytes of XML;
 * a "zip bomb" unpacks to gigabytes and would take the server's memory with it.
 */
export const docxMaxUnpackedBytes = 200 * 1024 * 1024;
const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';

/** Word's own "Title" style names the document; map it to a top heading like Heading 1. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh"];

type ZipEntry = JSZip.JSZipObject & { _data?: { uncompressedSize?: number } };

async function openZip(bytes: Uint8Array, maxUnpackedBytes: number): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (error) {
    throw new DocumentParseError(DAMAGED, { cause: error });
  }
  if (!zip.file('word/document.xml')) throw new DocumentParseError(DAMAGED);
  // The sizes the archive declares; jszip keeps them from the central directory without unpacking.
  let unpacked = 0;
  zip.forEach((_path, entry) => {
    unpacked += (entry as ZipEntry)._data?.uncompressedSize ?? 0;
  });
  if (unpacked > maxUnpackedBytes) {
    throw new DocumentParseError('The DOCX file unpacks to more data than any real document holds.');
  }
  return zip;
}

/** The title set in File › Properties (docProps/core.xml), or null. */
async function metadataTitle(zip: JSZip): Promise<string | null> {
  const entry = zip.file('docProps/core.xml') as ZipEntry | null;
  // The properties part holds a few hundred bytes; a large one is not worth parsing for a title.
  if (!entry || (entry._data?.uncompressedSize ?? 0) > 64 * 1024) return null;
  const core = await entry.async('string');
  // xmldom reports malformed XML through its handler instead of throwing; a missing title is fine.
  const document = new DOMParser({ errorHandler: () => {} }).parseFromString(core, 'text/xml');
  const title = document.getElementsByTagNameNS(DUBLIN_CORE, 'title')[0]?.textContent;
  return title?.replace(/\s+/g, ' ').trim() || null;
}

/** A Word document: its text as Markdown with headings kept, and its title from metadata or first H1. */
export async function parseDocx(
  bytes: Uint8Array,
  options: { maxUnpackedBytes?: number } = {},
): Promise<{ title: string | null; markdown: string }> {
  const zip = await openZip(bytes, options.maxUnpackedBytes ?? docxMaxUnpackedBytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Images are not text; skipping them avoids base64-encoding every picture into the HTML.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        // Never follow a document's links to files on the server's disk.
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (error) {
    throw new DocumentParseError(DAMAGED, { cause: error });
  }
  const { markdown } = htmlToMarkdown(html);
  const title = (await metadataTitle(zip).catch(() => null)) ?? firstHeading(markdown);
  return { title, markdown };
}
