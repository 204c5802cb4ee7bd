// Why a form's submit button is disabled, in words next to it, instead of a
// silently greyed-out button.

const list = new Intl.ListFormat("en", { style: "long", type: "conjunction" });

/**
 * "Enter the email and password to sign in." for the empty required fields (by their labels),
 * null when nothing is missing.
 */
export function missingFieldsReason(
  fields: readonly { label: string; value: string }[],
  action: string,
): string | null {
  const missing = fields.filter((f) => f.value.trim() === "").map((f) => f.label.toLowerCase());
  if (missing.length === 0) return null;
  return `Enter the ${list.format(missing)} to ${action}.`;
}
