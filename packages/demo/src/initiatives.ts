/*
 * The demo's customer roadmap: five initiatives in different states, as the steps that brought
 * them there (create, submit, sign-offs with comments, a scope change, start, spend, complete), so
 * a first start shows a living roadmap with a full history. Dates are days from `today`.
 */

export type DemoInitiativeStep =
  | { day: number; by: string; action: "submit" | "start" | "complete" | "cancel" }
  | { day: number; by: string; action: "approve" | "reject"; department: string; comment?: string }
  | { day: number; by: string; action: "edit"; launchDay?: number; title?: string; description?: string }
  /** Enters the `spent` amounts of the budget lines. */
  | { day: number; by: string; action: "spend" };

export type DemoInitiative = {
  title: string;
  description: string;
  ownerDepartment: string;
  departments: string[];
  /** Days from today. */
  launchDay: number;
  createdDay: number;
  milestones: {
    title: string;
    kind: "communication" | "education" | "incentive" | "launch" | "other";
    department: string;
    startDay: number;
    dueDay: number;
    status?: "planned" | "in_progress" | "done";
  }[];
  /** Planned per year (offset from this year) and department; `spent` is entered by a `spend` step. */
  budget: { yearOffset: number; department: string; planned: string; spent?: string }[];
  /**
   * The goal it should move: a department's goal of the quarter `quarterOffset` from the current
   * one, on `metric`. The baseline is `baselineShare` × the goal's actual when seeded.
   */
  goal?: { department: string; metric: string; quarterOffset: number; baselineShare: number };
  /** `by`: `admin` or the key of the department whose head acts. */
  steps: DemoInitiativeStep[];
};

export const demoInitiatives: readonly DemoInitiative[] = [
  {
    title: "Key-account loyalty programme",
    description: "Points and priority service for repeat orders of key and VIP customers.",
    ownerDepartment: "marketing",
    departments: ["marketing", "sales", "customer_service", "hr"],
    launchDay: 60,
    createdDay: -200,
    milestones: [
      {
        title: "Announce the programme to key accounts",
        kind: "communication",
        department: "marketing",
        startDay: -60,
        dueDay: 50,
        status: "in_progress",
      },
      {
        title: "Train account managers on the scheme",
        kind: "education",
        department: "hr",
        startDay: -45,
        dueDay: 30,
        status: "in_progress",
      },
      {
        title: "Bonus for managers who enrol customers",
        kind: "incentive",
        department: "sales",
        startDay: -40,
        dueDay: 60,
      },
      { title: "Programme goes live", kind: "launch", department: "marketing", startDay: 60, dueDay: 60 },
    ],
    budget: [
      { yearOffset: 0, department: "marketing", planned: "48000.00", spent: "21450.75" },
      { yearOffset: 0, department: "sales", planned: "15000.00", spent: "3200.00" },
      { yearOffset: 0, department: "hr", planned: "9000.00", spent: "7480.20" },
      { yearOffset: 1, department: "marketing", planned: "30000.00" },
    ],
    goal: { department: "sales", metric: "revenue", quarterOffset: 0, baselineShare: 0.9 },
    steps: [
      { day: -190, by: "marketing", action: "submit" },
      { day: -188, by: "marketing", action: "approve", department: "marketing" },
      { day: -187, by: "sales", action: "approve", department: "sales" },
      { day: -186, by: "customer_service", action: "approve", department: "customer_service" },
      { day: -185, by: "hr", action: "approve", department: "hr" },
      { day: -120, by: "marketing", action: "start" },
      { day: -10, by: "admin", action: "spend" },
    ],
  },
  {
    title: "24-hour complaint response",
    description:
      "Every complaint answered within a day: a new desk rota, a triage step in the service tool, a promise on the website.",
    ownerDepartment: "customer_service",
    departments: ["customer_service", "quality", "marketing"],
    launchDay: 150,
    createdDay: -40,
    milestones: [
      {
        title: "Publish the promise",
        kind: "communication",
        department: "marketing",
        startDay: 30,
        dueDay: 150,
      },
      {
        title: "Triage training for the desk",
        kind: "education",
        department: "customer_service",
        startDay: 20,
        dueDay: 90,
      },
      { title: "Rota and tooling ready", kind: "other", department: "quality", startDay: 0, dueDay: 120 },
    ],
    budget: [{ yearOffset: 0, department: "customer_service", planned: "22000.00" }],
    steps: [
      { day: -35, by: "customer_service", action: "submit" },
      { day: -33, by: "customer_service", action: "approve", department: "customer_service" },
      {
        day: -30,
        by: "quality",
        action: "reject",
        department: "quality",
        comment: "Quality needs the root-cause review in the plan before we commit to 24 h.",
      },
      {
        day: -20,
        by: "customer_service",
        action: "edit",
        description:
          "Every complaint answered within a day: a new desk rota, a triage step in the service tool, a root-cause review with quality, a promise on the website.",
      },
      { day: -18, by: "customer_service", action: "submit" },
      { day: -16, by: "quality", action: "approve", department: "quality" },
    ],
  },
  {
    title: "Supplier quality incentives",
    description: "Bonuses for suppliers whose parts cut our defect rate.",
    ownerDepartment: "procurement",
    departments: ["procurement", "quality", "production"],
    launchDay: 100,
    createdDay: -5,
    milestones: [
      {
        title: "Tell suppliers about the bonus",
        kind: "communication",
        department: "procurement",
        startDay: 40,
        dueDay: 95,
      },
      {
        title: "Bonus scheme in contracts",
        kind: "incentive",
        department: "procurement",
        startDay: 5,
        dueDay: 100,
      },
      {
        title: "Incoming inspection upgrade",
        kind: "other",
        department: "quality",
        startDay: 10,
        dueDay: 80,
      },
    ],
    budget: [{ yearOffset: 0, department: "procurement", planned: "12500.00" }],
    steps: [],
  },
  {
    title: "Service follow-up calls",
    description:
      "A call to every customer a week after a service visit, to catch problems before they become complaints.",
    ownerDepartment: "customer_service",
    departments: ["customer_service", "sales"],
    launchDay: -100,
    createdDay: -330,
    milestones: [
      {
        title: "Call scripts and training",
        kind: "education",
        department: "customer_service",
        startDay: -260,
        dueDay: -120,
        status: "done",
      },
      {
        title: "Tell customers calls are coming",
        kind: "communication",
        department: "sales",
        startDay: -220,
        dueDay: -100,
        status: "done",
      },
      {
        title: "Calls start",
        kind: "launch",
        department: "customer_service",
        startDay: -100,
        dueDay: -100,
        status: "done",
      },
    ],
    budget: [
      { yearOffset: -1, department: "customer_service", planned: "8000.00", spent: "7650.00" },
      { yearOffset: 0, department: "customer_service", planned: "6000.00", spent: "5990.50" },
    ],
    goal: {
      department: "customer_service",
      metric: "complaints_within_sla_rate",
      quarterOffset: -1,
      baselineShare: 0.8,
    },
    steps: [
      { day: -320, by: "customer_service", action: "submit" },
      { day: -318, by: "customer_service", action: "approve", department: "customer_service" },
      { day: -316, by: "sales", action: "approve", department: "sales" },
      { day: -280, by: "customer_service", action: "start" },
      { day: -20, by: "customer_service", action: "complete" },
    ],
  },
  {
    title: "Trade-fair presence 2026",
    description: "A stand at the national trade fair; dropped for the customer events programme.",
    ownerDepartment: "marketing",
    departments: ["marketing", "sales"],
    launchDay: 30,
    createdDay: -150,
    milestones: [
      {
        title: "Invite customers",
        kind: "communication",
        department: "marketing",
        startDay: -60,
        dueDay: 25,
      },
    ],
    budget: [{ yearOffset: 0, department: "marketing", planned: "35000.00" }],
    steps: [
      { day: -140, by: "marketing", action: "submit" },
      { day: -90, by: "admin", action: "cancel" },
    ],
  },
];
