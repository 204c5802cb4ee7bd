export { generateDemo } from "./generate";
export { departmentKeys, type DepartmentKey } from "./departments";
export type {
  DemoData,
  DemoGoal,
  DemoOptions,
  DemoReassignment,
  DemoTierChange,
  DemoUser,
  GoalPerspective,
  ManagerLevel,
  Tier,
} from "./types";
