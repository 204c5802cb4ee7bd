import { DAY, HOUR, type MonthSlot } from "./calendar";
import type { Tier } from "./types";

/** Who a campaign is aimed at, judged at send time. */
export type CampaignAudience = {
  tier: Tier;
  size: "large" | "medium" | "small";
  industry: string;
  /** Not ordering any more (between churn and return). */
  lapsed: boolean;
};

export type Campaign = {
  id: string;
  sendAt: number;
  /** Share of the audience the campaign actually reaches. */
  reach: number;
  targets: (audience: CampaignAudience) => boolean;
};

type Theme = { name: string; day: number; reach: number; targets: (audience: CampaignAudience) => boolean };

const active = (audience: CampaignAudience): boolean => !audience.lapsed;
const valuable = (audience: CampaignAudience): boolean => !audience.lapsed && audience.tier !== "regular";

/** The marketing calendar: one theme per calendar month, busiest before the Q4 peak. */
const themes: readonly Theme[] = [
  { name: "new-year-kickoff", day: 12, reach: 0.3, targets: active },
  {
    name: "product-webinar",
    day: 8,
    reach: 0.45,
    targets: (a) => active(a) && ["manufacturing", "technology", "automotive", "energy"].includes(a.industry),
  },
  { name: "spring-catalogue", day: 4, reach: 0.35, targets: active },
  { name: "service-check", day: 10, reach: 0.4, targets: (a) => active(a) && a.size !== "small" },
  {
    name: "trade-fair-invite",
    day: 6,
    reach: 0.6,
    targets: (a) => valuable(a) || (active(a) && a.size === "large"),
  },
  { name: "summer-offer", day: 3, reach: 0.3, targets: active },
  { name: "loyalty-programme", day: 9, reach: 0.25, targets: (a) => active(a) && a.tier === "regular" },
  { name: "back-to-business", day: 25, reach: 0.3, targets: active },
  { name: "new-range-launch", day: 7, reach: 0.38, targets: active },
  { name: "customer-day", day: 14, reach: 0.7, targets: valuable },
  { name: "year-end-offer", day: 2, reach: 0.45, targets: active },
  { name: "season-greetings", day: 5, reach: 0.5, targets: active },
];

const winBack: Theme = { name: "win-back", day: 18, reach: 0.6, targets: (a) => a.lapsed };

/** The campaigns sent in a month of the demo window (none when the send day lies outside it). */
export function campaignsIn(slot: MonthSlot): Campaign[] {
  const theme = themes[slot.month];
  const chosen = theme ? [theme] : [];
  if (slot.month % 3 === 2) chosen.push(winBack);
  const label = `${slot.year}-${String(slot.month + 1).padStart(2, "0")}`;
  return chosen
    .map((entry) => ({
      id: `cmp-${label}-${entry.name}`,
      sendAt: Date.UTC(slot.year, slot.month, entry.day) + 9 * HOUR,
      reach: entry.reach,
      targets: entry.targets,
    }))
    .filter((campaign) => campaign.sendAt >= slot.start && campaign.sendAt + 2 * DAY < slot.end);
}
