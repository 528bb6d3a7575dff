// Query-string parsing for route handlers: the URL's parameters through a zod schema, 400 when bad.
import type { z } from 'zod';
import { AppError, describeZodError } from './errors';

export function parseSearchParams<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): z.infer<Schema> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new AppError('validation_failed', describeZodError(parsed.error));
  return parsed.data;
}
