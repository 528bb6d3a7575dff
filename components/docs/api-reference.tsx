'use client';
// The interactive API reference: Swagger UI's prebuilt bundle (self-hosted, no CDN) rendering the
// OpenAPI document the API serves. It needs `window`, so it is loaded in the browser, on mount.
import { useEffect, useRef, useState } from 'react';
import 'swagger-ui-dist/swagger-ui.css';

export function ApiReference({ specUrl }: { specUrl: string }) {
  const node = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let cancelled = false;
    import('swagger-ui-dist/swagger-ui-es-bundle.js')
      .then(({ default: SwaggerUIBundle }) => {
        if (cancelled || !node.current) return;
        SwaggerUIBundle({
          domNode: node.current,
          url: specUrl,
          docExpansion: 'list',
          defaultModelsExpandDepth: 0,
          displayOperationId: true,
          displayRequestDuration: true,
          deepLinking: true,
          onComplete: () => {
            if (!cancelled) setState('ready');
          },
        });
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
    };
  }, [specUrl]);

  return (
    // Swagger UI has no dark theme: it keeps a light surface of its own whatever the system scheme.
    <div data-testid="api-reference" className="rounded-xl bg-white text-neutral-900 [color-scheme:light]">
      {state === 'loading' && (
        <p role="status" className="px-4 py-8 text-sm text-neutral-600">
          Loading the API reference…
        </p>
      )}
      {state === 'failed' && (
        <p role="alert" className="px-4 py-8 text-sm text-red-700">
          The API reference could not be loaded. The document itself is at{' '}
          <a href={specUrl} className="underline">
            {specUrl}
          </a>
          .
        </p>
      )}
      <div ref={node} />
    </div>
  );
}
