// Where the service redacts, by the settings in lib/config.ts (`pii`): what the answer path calls.
import { pii } from '@/lib/config';
import { redactMemoised } from './memo';
import type { Redaction } from './redact';

/** Redacts a question or answer before it is stored (query logs, audit events) when `pii.redactStored`. */
export function redactForStorage(text: string): Redaction {
  return pii.redactStored ? redactMemoised(text, pii.types) : { text, found: {} };
}

/**
 * Redacts text bound for a model provider when `enabled` (the `pii-redact-provider` flag, by default
 * `pii.redactBeforeProvider`); otherwise returns it as is.
 */
export function redactForProvider(text: string, enabled: boolean = pii.redactBeforeProvider): Redaction {
  return enabled ? redactMemoised(text, pii.types) : { text, found: {} };
}
