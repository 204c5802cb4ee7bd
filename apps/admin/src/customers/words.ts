/** Display words of the §8 values, shared by the customer screens. */
export const SEGMENTS = ["top", "big", "medium", "small", "inactive", "prospect"] as const;
export type Segment = (typeof SEGMENTS)[number];
export const SEGMENT_WORDS: Record<Segment, string> = {
  top: "Top",
  big: "Big",
  medium: "Medium",
  small: "Small",
  inactive: "Inactive",
  prospect: "Prospect",
};
export const CREDIT_POLICIES = ["preferential", "standard", "strict", "stop"] as const;
export const CREDIT_WORDS: Record<string, string> = {
  preferential: "Preferential terms",
  standard: "Standard terms",
  strict: "Standard terms, strict payment conditions",
  stop: "No new contracts",
};
export const CREDIT_COLOR: Record<string, string> = { preferential: "teal", standard: "gray", strict: "orange", stop: "red" };
export const REASON_WORDS: Record<string, string> = {
  rising_complaints: "Rising complaints",
  late_payments: "Late payments",
  falling_spend: "Falling spend",
  open_complaint: "Open complaint past SLA",
};
export const ACTION_WORDS: Record<string, string> = {
  care: "Care",
  win_back: "Win back",
  repeat: "Repeat sale",
  up_sell: "Up-sell",
  cross_sell: "Cross-sell",
  first_order: "First order",
};
export const TIERS = ["vip", "key", "regular"] as const;
export const TIER_WORDS: Record<string, string> = { vip: "VIP", key: "Key", regular: "Regular" };
export const SIZES = ["large", "medium", "small"] as const;
export const OWNERSHIPS = ["state", "private", "foreign", "collective", "group"] as const;
