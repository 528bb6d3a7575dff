// Loads Prisma's schema engine (its Wasm build) so migrations run with no native engine download.
// The package's ESM entry imports a .wasm file, which Node refuses, so the module is instantiated by hand.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine as SchemaEngineType } from '@prisma/schema-engine-wasm/schema_engine_bg';

export type SchemaEngine = SchemaEngineType;

type Bindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

// The JS glue module is a process-wide singleton (Node caches it by URL) holding one Wasm instance, so
// the loaded bindings are kept on globalThis: a second copy of this module (test runners, bundlers)
// must not instantiate the Wasm again and swap the instance under a running engine.
const holder = globalThis as unknown as { ragSchemaEngineBindings?: Promise<Bindings> };

// The engine reports a Rust panic through this global before throwing; keep the message for the error.
const panics = globalThis as unknown as {
  PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void };
};
let lastPanic: string | undefined;
panics.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message: (message: string) => {
    lastPanic = message;
  },
};

export function lastSchemaEnginePanic(): string | undefined {
  return lastPanic;
}

async function loadBindings(): Promise<Bindings> {
  const require = createRequire(import.meta.url);
  const jsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const js: Bindings = await import(/* webpackIgnore: true */ jsPath);
  const bytes = await readFile(jsPath.replace(/\.js$/, '.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': js as never });
  js.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return js;
}

/** Opens a schema engine connected to `connectionString` with the given Prisma schema. */
export async function openSchemaEngine(
  connectionString: string,
  schema: { path: string; content: string },
  log: (line: string) => void = () => {},
): Promise<SchemaEngine> {
  holder.ragSchemaEngineBindings ??= loadBindings();
  const { SchemaEngine } = await holder.ragSchemaEngineBindings;
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString, max: 1 }));
  return SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, log, adapter);
}
