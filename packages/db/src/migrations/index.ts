import type { Migration } from "kysely";
import * as m0001 from "./2026_11_23_0001_core";
import * as m0002 from "./2026_11_23_0002_goals";
import * as m0101 from "./2026_11_23_0101_rollups";
import * as m0201 from "./2026_11_23_0201_access";
import * as m0202 from "./2026_11_23_0202_drop_events_seq_idx";
import * as m0301 from "./2026_11_23_0301_auth_changes";
import * as m1201 from "./2026_12_01_0001_stage_events";
import * as m120401 from "./2026_12_04_0101_goal_state";
import * as m120402 from "./2026_12_04_0201_user_preferences";
import * as m120403 from "./2026_12_04_0301_roadmaps";
import * as m120404 from "./2026_12_04_0401_accounts";
import * as m120405 from "./2026_12_04_0402_customer_standings";
import * as m120701 from "./2026_12_07_0201_customer_daily_revenue";
import * as m120703 from "./2026_12_07_0202_complaint_resolution_idx";
import * as m120702 from "./2026_12_07_0301_metric_facts";

// Static provider: works the same from source, in tests and in bundles.
export const migrations: Record<string, Migration> = {
  "2026_11_23_0001_core": m0001,
  "2026_11_23_0002_goals": m0002,
  "2026_11_23_0101_rollups": m0101,
  "2026_11_23_0201_access": m0201,
  "2026_11_23_0202_drop_events_seq_idx": m0202,
  "2026_11_23_0301_auth_changes": m0301,
  "2026_12_01_0001_stage_events": m1201,
  "2026_12_04_0101_goal_state": m120401,
  "2026_12_04_0201_user_preferences": m120402,
  "2026_12_04_0301_roadmaps": m120403,
  "2026_12_04_0401_accounts": m120404,
  "2026_12_04_0402_customer_standings": m120405,
  "2026_12_07_0201_customer_daily_revenue": m120701,
  "2026_12_07_0202_complaint_resolution_idx": m120703,
  "2026_12_07_0301_metric_facts": m120702,
};
