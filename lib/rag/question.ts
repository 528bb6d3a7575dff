// Validation of a user's question: not empty, not too long, no control characters.
import { z } from 'zod';
import { limits } from '@/lib/config';

// Tabs and newlines are fine; other C0/C1 control characters are not.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const questionSchema = z
  .string({ error: 'Question must be text.' })
  .transform((value) => value.trim())
  .pipe(
    z
      .string()
      .min(1, 'Question must not be empty.')
      .max(limits.questionMaxChars, `Question must be at most ${limits.questionMaxChars} characters.`)
      .refine((value) => !controlCharacters.test(value), 'Question must not contain control characters.'),
  );
