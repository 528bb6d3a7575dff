// The shapes of a flag shared by the evaluation, the input schemas and the console's forms (no
// imports, so client components may use it).
export type VariantValue = string | number | boolean;

export type FlagKind = 'BOOLEAN' | 'VARIANT';

/** The variants of every boolean flag. */
export const BOOLEAN_VARIANTS: Record<string, VariantValue> = { on: true, off: false };
