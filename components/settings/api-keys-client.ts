// Browser calls to /api/keys, with the API's own error message surfaced as it comes.
import type { ApiKeyScope, ApiKeyView } from '@/lib/auth/api-keys';

export type NewApiKeyInput = { name: string; scopes: ApiKeyScope[]; expiresInDays?: number };
export type CreatedApiKey = { key: string; apiKey: ApiKeyView };

async function call<T>(path: string, init: RequestInit): Promise<T | null> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch {
    throw new Error('The request did not reach the server. Check the connection and try again.');
  }
  if (response.status === 204) return null;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
    if (typeof message === 'string' && message) throw new Error(message);
    if (response.status === 401) throw new Error('Your session has ended. Sign in again.');
    throw new Error(`The server answered ${response.status}. Please try again.`);
  }
  return body as T;
}

export async function createApiKey(input: NewApiKeyInput): Promise<CreatedApiKey> {
  return (await call<CreatedApiKey>('/api/keys', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  }))!;
}

export async function revokeApiKey(id: string): Promise<void> {
  await call(`/api/keys/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
