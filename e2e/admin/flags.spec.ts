// [ADMIN][FLAGS] An admin creates a flag, turns it on and moves it through its stages 5 → 25 → 50 →
// 75 → 100 %; the evaluation preview shows each user keeping one bucket, entering the rollout once
// the stage passes their bucket and never leaving it as it grows; a deny list takes a user out at
// 100 %. A user and a compliance officer are denied the flag pages. The flag's key is unique and no
// pipeline reads it, so other specs are unaffected.
import { expect, test, type Page } from '@playwright/test';
import { FlagsPage } from '../pages/flags-page';
import { LoginPage, demo } from '../pages/login-page';
import { uniqueToken } from '../support/make-files';

type Seen = { bucket: number; inRollout: boolean; variant: string };

async function seen(page: Page, key: string, email: string, percent: number): Promise<Seen> {
  await page.goto(`/admin/flags/${key}?user=${encodeURIComponent(email)}`);
  const result = page.getByTestId('flag-preview-result');
  await expect(result).toContainText(`stage ${percent} %`);
  return {
    bucket: Number(await result.getAttribute('data-bucket')),
    inRollout: (await result.getAttribute('data-in-rollout')) === 'true',
    variant: (await result.getAttribute('data-variant')) ?? '',
  };
}

test('[ADMIN][FLAGS]: create, turn on, move through 5/25/50/75/100 % and see bucketing hold', async ({
  page,
}) => {
  const key = `e2e-${uniqueToken()}`;
  const users = [demo.user, demo.compliance, demo.admin];
  await new LoginPage(page).signInAs(demo.admin, '/admin/flags');
  const flags = new FlagsPage(page);
  await flags.goto();
  await expect(page.getByRole('heading', { name: 'Feature flags', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Flags' }),
  ).toHaveAttribute('aria-current', 'page');

  // A bad key is refused before anything is stored.
  await page.getByTestId('flag-key').fill('Not A Key');
  await page.getByTestId('flag-create').click();
  await expect(page.getByTestId('flag-create-error')).toContainText('lowercase letters');

  await flags.createBoolean(key);
  await expect(flags.state()).toHaveAttribute('data-enabled', 'false');
  await expect(flags.stage(0)).toHaveAttribute('aria-pressed', 'true');
  await flags.toggle(true);

  // Off at 0 %: everyone gets the default variant; each user's bucket is fixed.
  const buckets = new Map<string, number>();
  for (const email of users) {
    const first = await seen(page, key, email, 0);
    expect(first).toMatchObject({ inRollout: false, variant: 'off' });
    buckets.set(email, first.bucket);
  }

  const inside = new Set<string>();
  for (const percent of [5, 25, 50, 75, 100]) {
    await page.goto(`/admin/flags/${key}`);
    await flags.moveTo(percent);
    for (const email of users) {
      const now = await seen(page, key, email, percent);
      // The same bucket at every stage, inside exactly when it is below the stage…
      expect(now.bucket).toBe(buckets.get(email));
      expect(now.inRollout).toBe(now.bucket < percent);
      expect(now.variant).toBe(now.inRollout ? 'on' : 'off');
      // …so whoever was inside stays inside as the rollout grows.
      if (inside.has(email)) expect(now.inRollout).toBe(true);
      if (now.inRollout) inside.add(email);
    }
  }
  expect(inside.size).toBe(users.length);

  // The list shows it at 100 %; the history has every stage.
  await flags.goto();
  await expect(flags.row(key).getByTestId('flag-row-percent')).toHaveText('100 %');
  await page.goto(`/admin/flags/${key}`);
  await expect(page.getByTestId('flag-event').first()).toContainText('Stage changed 75 % → 100 %');
  await expect(page.getByTestId('flag-event').filter({ hasText: 'Stage changed' })).toHaveCount(5);

  // A deny list takes a user out even at 100 %.
  await page.getByTestId('flag-denyUsers').fill(demo.user);
  await page.getByTestId('flag-lists-save').click();
  await expect(page.getByTestId('flag-event').first()).toContainText('Lists changed');
  await page.goto(`/admin/flags/${key}?user=${encodeURIComponent(demo.user)}`);
  await expect(flags.preview()).toHaveAttribute('data-in-rollout', 'false');
  await expect(flags.preview()).toContainText('they are on the deny list');
  await expect(page.getByTestId('flag-denyUsers')).toHaveValue(demo.user);
});

for (const [who, email] of [
  ['a user', demo.user],
  ['a compliance officer', demo.compliance],
] as const) {
  test(`[ADMIN][FLAGS]: ${who} is denied the flag pages`, async ({ page }) => {
    await new LoginPage(page).signInAs(email);
    for (const path of ['/admin/flags', '/admin/flags/model-rollout']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
      await expect(page.getByTestId('flags-table')).toHaveCount(0);
    }
  });
}
