import type { Kysely } from "kysely";
import type { Database } from "@retain/db";

/** The eight departments that share customer care (SPEC §2), created on first start. */
export const coreDepartments = [
  { key: "marketing", name: "Marketing", description: "Customer-oriented plans and campaigns" },
  { key: "sales", name: "Sales", description: "Long-term relationships, orders and collections" },
  { key: "customer_service", name: "Customer service", description: "Complaints, loyalty and follow-up" },
  { key: "rnd", name: "R&D", description: "Customer feedback into products" },
  { key: "production", name: "Production", description: "Quality and on-time delivery" },
  { key: "procurement", name: "Procurement", description: "Reliable materials and suppliers" },
  { key: "quality", name: "Quality", description: "Product and service quality" },
  { key: "hr", name: "HR", description: "Training of customer-facing staff" },
] as const;

export async function ensureDepartments(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto("departments")
    .values(coreDepartments.map((d) => ({ ...d })))
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
}
