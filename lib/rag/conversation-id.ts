// Conversation ids: made by the chat in the browser for a new conversation, or by the server.
import { z } from 'zod';

export const conversationIdSchema = z
  .string({ error: 'Conversation id must be text.' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Conversation id must be 1 to 64 letters, digits, "-" or "_".');
