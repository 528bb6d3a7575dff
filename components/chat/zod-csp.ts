// Zod compiles its object parsers with `Function(...)` when the page allows it, and probes for that
// by calling `Function("")`. The pages' Content-Security-Policy has no 'unsafe-eval' in production,
// so the probe is a CSP violation on every chat page. Zod's interpreted parsers are used instead.
// Imported first by the chat, the only client code that parses with zod (the AI SDK's stream chunks);
// only in the browser, as zod's settings are global and server rendering shares the server's process.
import { config } from 'zod/v4/core';

if (typeof window !== 'undefined') config({ jitless: true });
