import { describe, expect, it } from "vitest";
import { profileChanges, type Profile } from "./profile-changes";

const saved: Profile = {
  email: "xavier.jensen@example.com",
  level: "senior",
  specialties: ["pumps"],
  industries: ["mining", "energy"],
  ownerships: ["private"],
  capacity: 50,
};

describe("profileChanges", () => {
  it("is empty when nothing differs", () => {
    expect(profileChanges(saved, { ...saved })).toEqual({});
    expect(profileChanges(saved, { ...saved, capacity: "50" })).toEqual({});
  });

  it("names only the fields that differ, lists whole", () => {
    expect(
      profileChanges(saved, { ...saved, level: "junior", industries: ["mining"], capacity: 57 }),
    ).toEqual({
      level: "junior",
      industries: ["mining"],
      capacity: 57,
    });
    // Order is part of the list as the server stores it.
    expect(profileChanges(saved, { ...saved, industries: ["energy", "mining"] })).toEqual({
      industries: ["energy", "mining"],
    });
    expect(profileChanges(saved, { ...saved, specialties: [], ownerships: ["state", "private"] })).toEqual({
      specialties: [],
      ownerships: ["state", "private"],
    });
  });

  it("sends a capacity the server will judge, and none for an empty field", () => {
    expect(profileChanges(saved, { ...saved, capacity: 100_001 })).toEqual({ capacity: 100_001 });
    expect(profileChanges(saved, { ...saved, capacity: 0 })).toEqual({ capacity: 0 });
    expect(profileChanges(saved, { ...saved, capacity: "" })).toEqual({});
  });
});
