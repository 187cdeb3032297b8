/** What a user does with a finding card, shared by the page tests. */
import type { Locator } from 'playwright-core';

/** Words a user gives for why a councillor is copied in. */
export const OWN_REASON = 'he is a ward councillor for the area';

/**
 * Apply the silent-copy disclosure fix: press its Apply button, then say why the councillor is
 * copied in (in the user's own words, or one of the offered reasons) and apply.
 */
export async function applyDisclosure(card: Locator, reason: { own: string } | { choice: string } = { own: OWN_REASON }): Promise<void> {
  await card.getByRole('button', { name: /^Apply/ }).first().click();
  if ('own' in reason) {
    await card.getByRole('radio', { name: 'Something else' }).check();
    await card.getByLabel('In your own words').fill(reason.own);
  } else await card.getByRole('radio', { name: reason.choice }).check();
  await card.getByRole('button', { name: 'Apply', exact: true }).click();
}

/** Open a card's Dismiss form: Dismiss is behind "Why?" with the card's other options. */
export async function openDismiss(card: Locator): Promise<void> {
  const dismiss = card.getByRole('button', { name: /^Dismiss/ });
  if (!(await dismiss.count())) await card.getByRole('button', { name: /^Why\?/ }).click();
  await dismiss.click();
}
