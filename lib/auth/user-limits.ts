// Limits and choices of the user forms (admin Users page, sign-up), importable by client components.
export const userLimits = {
  emailMaxChars: 254,
  nameMaxChars: 100,
  /** A team, region or similar label for the fairness report. */
  groupMaxChars: 60,
  searchMaxChars: 200,
  /** Long enough for any passphrase, short enough that hashing it costs nothing unusual. */
  passwordMaxChars: 256,
  /** Users on one page of the admin list. */
  pageSize: 50,
} as const;

export const roles = ['USER', 'ADMIN', 'COMPLIANCE'] as const;
export const userStatuses = ['active', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];
