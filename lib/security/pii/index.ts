// PII detection and redaction (OWASP LLM02): the one entry point for the rest of the service.
export { detectPii, type DetectOptions } from './detect';
export { redactPii, redactPiiText, type Redaction } from './redact';
export { piiTypes, placeholder, type PiiSpan, type PiiType } from './types';
export { redactPiiDeep } from './redact-deep';
export { redactForProvider, redactForStorage } from './policy';
