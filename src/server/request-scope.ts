import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The request being served, for code that runs on its behalf without being handed the request:
 * Apollo's formatError (which gets no context) puts the request id into unexpected errors with it.
 * Entered by the app's first middleware, once per HTTP request.
 */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}
