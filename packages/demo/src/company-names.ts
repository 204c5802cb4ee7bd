import type { Random } from "./random";

export const industries = [
  "manufacturing",
  "retail",
  "healthcare",
  "construction",
  "logistics",
  "energy",
  "food & beverage",
  "automotive",
  "technology",
  "education",
  "public administration",
  "hospitality",
] as const;

export type Industry = (typeof industries)[number];

export const regions = ["North", "South", "East", "West", "Central", "International"] as const;

const prefixes = [
  "Alpine",
  "Atlas",
  "Aurora",
  "Beacon",
  "Blue River",
  "Bright",
  "Cedar",
  "Crest",
  "Delta",
  "Eastgate",
  "Evergreen",
  "Falcon",
  "Golden Field",
  "Granite",
  "Harbor",
  "Highland",
  "Horizon",
  "Iron Bridge",
  "Juniper",
  "Keystone",
  "Lakeside",
  "Lighthouse",
  "Maple",
  "Meridian",
  "Northwind",
  "Oakridge",
  "Orion",
  "Pacific",
  "Pinnacle",
  "Prairie",
  "Redwood",
  "Riverside",
  "Silverline",
  "Summit",
  "Sunrise",
  "Tidewater",
  "Trident",
  "Valley",
  "Vertex",
  "Westbrook",
  "Willow",
  "Zenith",
] as const;

/** Words that fit each industry, so "Harbor Freight Lines" is a logistics firm, not a hospital. */
const cores: Record<Industry, readonly string[]> = {
  manufacturing: ["Machining", "Components", "Fabrication", "Tooling", "Plastics", "Metalworks"],
  retail: ["Stores", "Outlets", "Home & Garden", "Market", "Supply"],
  healthcare: ["Clinics", "Medical", "Care Homes", "Health", "Diagnostics"],
  construction: ["Builders", "Construction", "Civil Works", "Roofing", "Developments"],
  logistics: ["Freight", "Logistics", "Transport", "Shipping", "Warehousing"],
  energy: ["Energy", "Power", "Solar", "Utilities", "Grid Services"],
  "food & beverage": ["Foods", "Bakeries", "Brewing", "Dairy", "Catering"],
  automotive: ["Motors", "Auto Parts", "Fleet Services", "Garages", "Coachworks"],
  technology: ["Systems", "Software", "Networks", "Data", "Electronics"],
  education: ["Academy", "College", "Learning", "Schools", "Training Centre"],
  "public administration": ["Council", "Water Board", "Municipal Services", "Transit Authority", "Agency"],
  hospitality: ["Hotels", "Resorts", "Restaurants", "Inns", "Events"],
};

const legalForms = ["Ltd", "Inc", "GmbH", "AG", "SA", "BV", "Group", "& Co", "Partners", "LLC"] as const;

const publicBodies = ["City", "County", "District", "Regional"] as const;

/** Unique, plausible company names; public bodies get no legal form. */
export function companyNameFactory(random: Random): (industry: Industry) => string {
  const taken = new Set<string>();
  return (industry) => {
    for (let attempt = 0; ; attempt += 1) {
      const core = random.pick(cores[industry]);
      const name =
        industry === "public administration"
          ? `${random.pick(prefixes)} ${random.pick(publicBodies)} ${core}`
          : `${random.pick(prefixes)} ${core} ${random.pick(legalForms)}`;
      const unique = attempt < 20 ? name : `${name} ${attempt}`;
      if (!taken.has(unique)) {
        taken.add(unique);
        return unique;
      }
    }
  };
}
