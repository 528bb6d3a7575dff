// Test documents made on the fly: a two-page PDF whose page 2 has a larger-font heading, and a Word
// file with Heading 1 / Heading 2. Each carries `token` so every run uploads new content (the same
// bytes again would be reported as unchanged and not ingested anew).
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export type TestFile = { name: string; mimeType: string; buffer: Buffer };

/** A word no other document contains, so a question about it can only be answered by this run's files. */
export function uniqueToken(): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  let word = 'zor';
  for (let i = 0; i < 6; i++) word += letters[Math.floor(Math.random() * letters.length)];
  return word;
}

/** Page 1 is an introduction; page 2 holds the heading "Refunds" and the sentence about `token`. */
export async function makePdf(token: string): Promise<TestFile> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Customer handbook ${token}`);
  const body = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);

  const page = (heading: string, paragraphs: string[]) => {
    const p = pdf.addPage([595, 842]);
    p.drawText(heading, { x: 56, y: 770, size: 22, font: bold });
    let y = 730;
    for (const text of paragraphs) {
      for (const line of wrap(text, 80)) {
        p.drawText(line, { x: 56, y, size: 11, font: body });
        y -= 16;
      }
      y -= 10;
    }
  };
  page('Welcome', [
    'This handbook explains how customer accounts work, from sign-up to closing an account.',
    'Accounts are opened online and confirmed by email within one working day.',
    'Support answers questions by chat on weekdays between nine and five.',
  ]);
  page('Refunds', [
    `Refunds for the ${token} lantern are paid back to the original card within 11 working days.`,
    'A refund needs the order number and the reason for the return.',
    'Goods must come back unused and in their original packaging.',
  ]);
  return {
    name: `handbook-${token}.pdf`,
    mimeType: 'application/pdf',
    buffer: Buffer.from(await pdf.save()),
  };
}

/** Heading 1 "Travel policy", Heading 2 "Booking trains" with the sentence about `token`. */
export async function makeDocx(token: string): Promise<TestFile> {
  const doc = new Document({
    creator: 'e2e',
    title: `Travel policy ${token}`,
    sections: [
      {
        children: [
          new Paragraph({ text: 'Travel policy', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Staff travel is booked through the travel desk and approved by a manager.'),
          new Paragraph({ text: 'Booking trains', heading: HeadingLevel.HEADING_2 }),
          new Paragraph(
            `Train tickets for the ${token} office are booked in second class at least 9 days ahead.`,
          ),
          new Paragraph({ text: 'Hotels', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Hotels are booked close to the office being visited, breakfast included.'),
        ],
      },
    ],
  });
  return {
    name: `travel-policy-${token}.docx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await Packer.toBuffer(doc),
  };
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
