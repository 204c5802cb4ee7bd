export { generateDemo } from "./generate";
export { goalTitle } from "./goals";
export { customersAtCreation } from "./customer-records";
export { departmentKeys, type DepartmentKey } from "./departments";
export { demoSignIns, type DemoSignIn } from "./sign-ins";
export { demoInitiatives, type DemoInitiative, type DemoInitiativeStep } from "./initiatives";
export type {
  DemoData,
  DemoGoal,
  DemoManagerProfile,
  DemoOptions,
  DemoReassignment,
  DemoTierChange,
  DemoUser,
  GoalPerspective,
  ManagerLevel,
  Ownership,
  Tier,
} from "./types";
