import { describe, expect, it } from "vitest";
import { closedBecause, signoffState, SIGNOFF_WORDS } from "./signoff-state";

describe("signoffState", () => {
  it("shows a pending sign-off as waiting only while the initiative is in review", () => {
    expect(signoffState("in_review", "pending")).toBe("pending");
    for (const status of ["draft", "approved", "in_progress", "done", "cancelled"] as const) {
      expect({ status, state: signoffState(status, "pending") }).toEqual({ status, state: "closed" });
    }
    expect(SIGNOFF_WORDS[signoffState("cancelled", "pending")]).toBe("Not decided");
  });

  it("keeps decisions that were taken, whatever became of the initiative", () => {
    expect(signoffState("cancelled", "approved")).toBe("approved");
    expect(signoffState("draft", "rejected")).toBe("rejected");
    expect(signoffState("done", "approved")).toBe("approved");
  });

  it("says why a closed sign-off was never given", () => {
    expect(closedBecause("cancelled")).toBe("closed when the initiative was cancelled");
    expect(closedBecause("draft")).toBe("closed when another department rejected this version");
  });
});
