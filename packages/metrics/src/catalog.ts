import type { MetricDefinition } from "./definition";
import { revenue } from "./definitions/revenue";
import { orders } from "./definitions/orders";
import { avgOrderValue } from "./definitions/avg-order-value";
import { activeCustomers } from "./definitions/active-customers";
import { newCustomers } from "./definitions/new-customers";
import { churnedCustomers } from "./definitions/churned-customers";
import { purchaseFrequency } from "./definitions/purchase-frequency";
import { paymentsCollected } from "./definitions/payments-collected";
import { onTimePaymentRate } from "./definitions/on-time-payment-rate";
import { winRate } from "./definitions/win-rate";
import { visits } from "./definitions/visits";
import { campaignReach } from "./definitions/campaign-reach";
import { campaignConversionRate } from "./definitions/campaign-conversion-rate";
import { complaints } from "./definitions/complaints";
import { complaintResolutionHours } from "./definitions/complaint-resolution-hours";
import { complaintsWithinSlaRate } from "./definitions/complaints-within-sla-rate";
import { followUpRate } from "./definitions/follow-up-rate";
import { praise } from "./definitions/praise";
import { csat } from "./definitions/csat";
import { nps } from "./definitions/nps";
import { serviceResolutionHours } from "./definitions/service-resolution-hours";
import { feedbackItems } from "./definitions/feedback-items";
import { onTimeDeliveryRate } from "./definitions/on-time-delivery-rate";
import { supplierIssues } from "./definitions/supplier-issues";
import { defectRate } from "./definitions/defect-rate";
import { trainingHours } from "./definitions/training-hours";
import { tierUpgrades } from "./definitions/tier-upgrades";
import { tierDowngrades } from "./definitions/tier-downgrades";

/** Every metric, in the order of the specification's table. */
export const metricCatalog = [
  revenue,
  orders,
  avgOrderValue,
  activeCustomers,
  newCustomers,
  churnedCustomers,
  purchaseFrequency,
  paymentsCollected,
  onTimePaymentRate,
  winRate,
  visits,
  campaignReach,
  campaignConversionRate,
  complaints,
  complaintResolutionHours,
  complaintsWithinSlaRate,
  followUpRate,
  praise,
  csat,
  nps,
  serviceResolutionHours,
  feedbackItems,
  onTimeDeliveryRate,
  supplierIssues,
  defectRate,
  trainingHours,
  tierUpgrades,
  tierDowngrades,
] as const;

export type MetricKey = (typeof metricCatalog)[number]["key"];

/** What the catalog shows about a metric (everything but the computation). */
export type MetricInfo = Omit<MetricDefinition<MetricKey>, "compute">;

const byKey = new Map<string, MetricDefinition<MetricKey>>(metricCatalog.map((m) => [m.key, m]));

export function getMetric(key: string): MetricDefinition<MetricKey> | undefined {
  return byKey.get(key);
}

export function isMetricKey(key: string): key is MetricKey {
  return byKey.has(key);
}

/** The catalog without the computations, e.g. for `GET /metrics`. */
export function listMetrics(): MetricInfo[] {
  return metricCatalog.map(({ key, name, unit, direction, department, description, additive }) => ({
    key,
    name,
    unit,
    direction,
    department,
    description,
    additive,
  }));
}
