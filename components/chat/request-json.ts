// fetch for the chat's small JSON calls (conversations, feedback): a refused request throws a
// ChatRequestError, which parseChatError turns into words.
import { ChatRequestError } from './chat-transport';

export async function requestJson<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const response = await fetch(url, {
    ...rest,
    headers: json === undefined ? rest.headers : { 'content-type': 'application/json', ...rest.headers },
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
  if (!response.ok) throw await ChatRequestError.from(response);
  return (response.status === 204 ? undefined : await response.json()) as T;
}
