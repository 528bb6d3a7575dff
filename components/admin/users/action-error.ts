// A failed server action's message for the screen, with the request id to quote to an operator.
import type { ActionResult } from '@/lib/http/action';

export function actionErrorMessage(result: Extract<ActionResult<unknown>, { ok: false }>): string {
  return `${result.error.message} (request ${result.error.requestId})`;
}

/** Runs a server action, turning a failure to reach the server into a result like any other. */
export async function callAction<T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch {
    return {
      ok: false,
      error: {
        code: 'service_unavailable',
        message: 'The request did not reach the server. Check the connection and try again.',
        requestId: 'none',
      },
    };
  }
}
