// What an admin sends to create or change a flag (shared by the forms and the server actions): keys
// and variant names in a fixed alphabet, a stage from flags.stages, lists without overlaps.
import { z } from 'zod';
import { flags as settings } from '@/lib/config';
import { BOOLEAN_VARIANTS } from './types';

export const flagKey = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9-]{1,62}$/,
    'Use 2–63 lowercase letters, digits and hyphens, starting with a letter (e.g. "model-rollout").',
  );

const variantName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'Variant names are 1–32 lowercase letters, digits, "_" or "-".');

const variantValue = z.union([z.string().max(200), z.number().finite(), z.boolean()]);

const variantsRecord = z
  .record(variantName, variantValue)
  .refine((variants) => Object.keys(variants).length >= 2, 'A flag needs at least two variants.')
  .refine(
    (variants) => Object.keys(variants).length <= settings.variantsMax,
    `A flag has at most ${settings.variantsMax} variants.`,
  );

const description = z.string().trim().max(settings.descriptionMaxChars).default('');

type VariantChoice = { variants: Record<string, unknown>; defaultVariant: string; rolloutVariant: string };

/** Both variants named must exist, and differ (else the rollout would change nothing). */
const checkVariants = (value: VariantChoice, context: z.RefinementCtx) => {
  for (const field of ['defaultVariant', 'rolloutVariant'] as const)
    if (!(value[field] in value.variants))
      context.addIssue({
        code: 'custom',
        path: [field],
        message: `"${value[field]}" is not one of the variants.`,
      });
  if (value.defaultVariant === value.rolloutVariant)
    context.addIssue({
      code: 'custom',
      path: ['rolloutVariant'],
      message: 'The rollout variant must differ from the default variant.',
    });
};

const flagShape = {
  description,
  defaultVariant: variantName,
  rolloutVariant: variantName,
};

/** A new flag: boolean flags always have the variants on (true) and off (false). */
export const createFlagInput = z
  .discriminatedUnion('kind', [
    z.object({ key: flagKey, kind: z.literal('BOOLEAN'), ...flagShape }),
    z.object({ key: flagKey, kind: z.literal('VARIANT'), variants: variantsRecord, ...flagShape }),
  ])
  .transform((input) => ({
    ...input,
    variants: input.kind === 'BOOLEAN' ? BOOLEAN_VARIANTS : input.variants,
  }))
  .superRefine(checkVariants);
export type CreateFlagInput = z.infer<typeof createFlagInput>;

/** Description, variants (variant flags only: the data layer keeps a boolean flag's) and which is which. */
export const updateFlagInput = z
  .object({ key: flagKey, variants: variantsRecord.optional(), ...flagShape })
  .superRefine((input, context) => {
    if (input.variants) checkVariants({ ...input, variants: input.variants }, context);
  });
export type UpdateFlagInput = z.infer<typeof updateFlagInput>;

export const flagToggleInput = z.object({ key: flagKey, enabled: z.boolean() });

export const flagStage = z
  .number()
  .int()
  .refine((percent) => (settings.stages as readonly number[]).includes(percent), {
    message: `The stage must be one of ${settings.stages.join(', ')} %.`,
  });
export const flagStageInput = z.object({ key: flagKey, percent: flagStage });

const entry = z.string().trim().min(1).max(200);
const list = z
  .array(entry)
  .max(settings.listMaxEntries, `A list holds at most ${settings.listMaxEntries} entries.`)
  .transform((items) => [...new Set(items)]);

/** Allow and deny lists: users by email or id, groups by name; nobody on both lists of a kind. */
export const flagListsInput = z
  .object({ key: flagKey, allowUsers: list, denyUsers: list, allowGroups: list, denyGroups: list })
  .superRefine((input, context) => {
    const both = (allow: string[], deny: string[]) => allow.filter((item) => deny.includes(item));
    for (const [field, overlap] of [
      ['denyUsers', both(input.allowUsers, input.denyUsers)],
      ['denyGroups', both(input.allowGroups, input.denyGroups)],
    ] as const)
      if (overlap.length)
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `On both the allow and the deny list: ${overlap.join(', ')}.`,
        });
  });
export type FlagListsInput = z.infer<typeof flagListsInput>;

/** One entry per line or comma, as typed into a list box. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Variants typed one per line as `name = value`: true/false are booleans, numbers numbers, the rest text. */
export function parseVariantLines(text: string): Record<string, string | number | boolean> {
  const variants: Record<string, string | number | boolean> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (!line.trim()) continue;
    const name = (at < 0 ? line : line.slice(0, at)).trim();
    const raw = at < 0 ? name : line.slice(at + 1).trim();
    variants[name] =
      raw === 'true' ? true : raw === 'false' ? false : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  }
  return variants;
}

/** The other way round, for the edit form. */
export function formatVariantLines(variants: Record<string, string | number | boolean>): string {
  return Object.entries(variants)
    .map(([name, value]) => `${name} = ${String(value)}`)
    .join('\n');
}
