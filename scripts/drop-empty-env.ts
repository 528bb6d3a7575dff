// Imported first by the launchers: removes environment variables set to an empty string.
// Our settings treat empty as unset, but some libraries read process.env at import time and reject
// an empty value (e.g. @ai-sdk/openai's default provider throws on OPENAI_BASE_URL=""), so empty
// values are dropped before anything else loads, and the Next.js process inherits the clean set.
for (const [key, value] of Object.entries(process.env)) {
  if (value === '') delete process.env[key];
}
