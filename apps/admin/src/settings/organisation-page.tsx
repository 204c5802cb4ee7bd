import { Button, Card, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState, type FormEvent } from "react";
import { useSession, type OrgSettings } from "../auth/session-context";
import { PageHeader } from "../components/page-header";
import { formErrors } from "../lib/field-errors";
import { formatValue } from "../lib/format";
import { changedSettings, currencyOptions, localeOptions, timeZoneOptions } from "../lib/org-options";
import {
  CHURN_DAYS,
  checkDraft,
  draftOf,
  FIELD_LABELS,
  PERCENT_FIELDS,
  recomputesMetrics,
  recomputingEffects,
  SLA_HOURS,
  type SettingsDraft,
  type SettingsField,
} from "../lib/settings-form";
import { formatInstant } from "../lib/time";
import { trpc } from "../lib/trpc";
import { AuditTimeline } from "./audit-timeline";
import { FormAlert } from "../components/form-alert";

const FIELDS = [
  "timeZone",
  "churnDays",
  "complaintSlaHours",
  "currency",
  "locale",
  ...PERCENT_FIELDS,
] as const;

/** The §8 fields: what each percent means. */
const PERCENT_DESCRIPTIONS: Record<(typeof PERCENT_FIELDS)[number], string> = {
  pyramidTopPercent: "Share of the customers with revenue in the last 365 days ranked top (default 1 %)",
  pyramidBigPercent: "Share ranked top or big, at least the top share (default 5 %)",
  pyramidMediumPercent:
    "Share ranked top, big or medium, at least the previous share; the rest is small (default 20 %)",
  onTimePaymentThreshold:
    "A payment record is good when at least this share of payments was on time (default 90 %)",
};

export function OrganisationPage() {
  const { settings } = useSession();
  return (
    <Stack gap="lg">
      <PageHeader
        title="Organisation"
        description="Time zone, currency and the thresholds every metric is computed with."
      />
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
        <Card style={{ gridColumn: "span 2" }}>
          {/* Saved settings come back through the session; the form restarts from them. */}
          <SettingsForm key={JSON.stringify(settings)} saved={settings} />
        </Card>
        <Card>
          <Title order={2} fz="md" fw={600} mb="md">
            Recent changes
          </Title>
          <SettingsHistory />
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

function SettingsForm({ saved }: { saved: OrgSettings }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(saved));
  const [confirming, setConfirming] = useState<{
    changes: Partial<OrgSettings>;
    effects: string[];
    title: string;
  } | null>(null);
  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const save = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({
          color: "green",
          title: "Settings saved",
          message: "Dashboards use the new settings from now on.",
        });
        queryClient.setQueryData(trpc.settings.public.queryKey(), result);
        // Metrics depend on the time zone and thresholds, segments and credit policies on the §8
        // settings; the audit log has a new record.
        await Promise.all([
          queryClient.invalidateQueries(trpc.metrics.pathFilter()),
          queryClient.invalidateQueries(trpc.customers.pathFilter()),
          queryClient.invalidateQueries(trpc.accountManagers.pathFilter()),
          queryClient.invalidateQueries(trpc.audit.pathFilter()),
        ]);
      },
    }),
  );
  const check = checkDraft(draft, saved);
  const changes = check.ok ? changedSettings(saved, check.values) : {};
  const dirty = JSON.stringify(draftOf(saved)) !== JSON.stringify(draft);
  const serverErrors = formErrors(save.error, FIELDS, Object.keys(save.variables ?? {}));
  const fieldError = (field: SettingsField) => check.errors[field] ?? serverErrors.fields[field];
  const invalid = FIELDS.filter((field) => check.errors[field]);
  const canSave = check.ok && Object.keys(changes).length > 0;
  const reasonId = useId();
  const reason =
    invalid.length > 0
      ? `Correct ${invalid.map((f) => FIELD_LABELS[f]).join(", ")} to save.`
      : !canSave
        ? "Nothing to save: the settings are as saved."
        : null;

  const zones = useMemo(() => timeZoneOptions(saved.timeZone), [saved.timeZone]);
  const currencies = useMemo(
    () => currencyOptions(draft.currency, saved.locale),
    [draft.currency, saved.locale],
  );
  const locales = useMemo(() => localeOptions(draft.locale, saved.locale), [draft.locale, saved.locale]);

  const preview = previewOf(draft);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!check.ok || !canSave) return;
    const effects = recomputingEffects(saved, check.values);
    const title = recomputesMetrics(saved, check.values)
      ? "Recompute every metric?"
      : "Recompute segments and credit policies?";
    if (effects.length > 0) setConfirming({ changes, effects, title });
    else save.mutate(changes);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Organisation settings">
      <Stack gap="md">
        <FormAlert message={serverErrors.general} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label="Time zone"
            name="timeZone"
            description="Days, weeks and months are cut in this zone"
            data={zones}
            value={draft.timeZone}
            onChange={(value) => value && set("timeZone", value)}
            searchable
            allowDeselect={false}
            limit={60}
            error={fieldError("timeZone")}
          />
          <Select
            label="Currency"
            name="currency"
            description="ISO 4217 code of the amounts you send"
            data={currencies}
            value={draft.currency}
            onChange={(value) => value && set("currency", value)}
            searchable
            allowDeselect={false}
            limit={60}
            error={fieldError("currency")}
          />
          <Select
            label="Locale"
            name="locale"
            description="Number and date formats"
            data={locales}
            value={draft.locale}
            onChange={(value) => value && set("locale", value)}
            searchable
            allowDeselect={false}
            error={fieldError("locale")}
          />
          <div />
          <TextInput
            label="Churn after"
            name="churnDays"
            description={`Days without an order before a customer counts as churned (${CHURN_DAYS.min}–${CHURN_DAYS.max})`}
            rightSection={<UnitText>{draft.churnDays.trim() === "1" ? "day" : "days"}</UnitText>}
            rightSectionWidth={52}
            // Text as typed: no clamping, no rounding, no default for an empty field.
            inputMode="numeric"
            autoComplete="off"
            value={draft.churnDays}
            onChange={(event) => set("churnDays", event.currentTarget.value)}
            error={fieldError("churnDays")}
            data-testid="churn-days"
          />
          <TextInput
            label="Complaint SLA"
            name="complaintSlaHours"
            description={`Hours within which a complaint should be resolved (more than 0, at most ${SLA_HOURS.max})`}
            rightSection={<UnitText>{draft.complaintSlaHours.trim() === "1" ? "hour" : "hours"}</UnitText>}
            rightSectionWidth={52}
            inputMode="decimal"
            autoComplete="off"
            value={draft.complaintSlaHours}
            onChange={(event) => set("complaintSlaHours", event.currentTarget.value)}
            error={fieldError("complaintSlaHours")}
            data-testid="complaint-sla"
          />
        </SimpleGrid>
        <Title order={2} fz="md" fw={600} mt="sm">
          Customer value and credit
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" data-testid="customer-value-settings">
          {PERCENT_FIELDS.map((field) => (
            <TextInput
              key={field}
              label={FIELD_LABELS[field]}
              name={field}
              description={PERCENT_DESCRIPTIONS[field]}
              rightSection={<UnitText>%</UnitText>}
              rightSectionWidth={36}
              // Text as typed: no clamping, no rounding, no default for an empty field.
              inputMode="decimal"
              autoComplete="off"
              value={draft[field]}
              onChange={(event) => set(field, event.currentTarget.value)}
              error={fieldError(field)}
            />
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed" data-testid="settings-preview">
          Preview: {preview}
        </Text>
        <Group justify="flex-end" gap="sm">
          {reason && (
            <Text
              size="sm"
              c={invalid.length > 0 ? "red.8" : "dimmed"}
              id={reasonId}
              data-testid="save-reason"
              mr="auto"
            >
              {reason}
            </Text>
          )}
          <Button
            variant="default"
            disabled={!dirty && !save.error}
            onClick={() => {
              setDraft(draftOf(saved));
              save.reset();
            }}
          >
            Discard
          </Button>
          <Button
            type="submit"
            loading={save.isPending}
            disabled={!canSave}
            aria-describedby={reason ? reasonId : undefined}
          >
            Save settings
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming?.title}
        centered
        data-testid="settings-confirm"
      >
        <Stack gap="sm">
          {confirming?.effects.map((effect) => (
            <Text size="sm" key={effect}>
              {effect}
            </Text>
          ))}
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              onClick={() => {
                if (confirming) save.mutate(confirming.changes);
                setConfirming(null);
              }}
            >
              Save and recompute
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}

function UnitText({ children }: { children: string }) {
  return (
    <Text size="sm" c="dimmed" pr={8} aria-hidden>
      {children}
    </Text>
  );
}

function previewOf(draft: SettingsDraft): string {
  try {
    const money = formatValue(1234567.89, "money", draft);
    const now = formatInstant(new Date().toISOString(), draft.timeZone, draft.locale);
    return `${money} · now ${now}`;
  } catch {
    return "—";
  }
}

function SettingsHistory() {
  const history = useQuery(
    trpc.audit.list.queryOptions({ entityType: "settings", limit: 5 }, { staleTime: 0 }),
  );
  return (
    <AuditTimeline
      records={history.data?.items}
      error={history.error}
      onRetry={() => void history.refetch()}
      empty="The settings have not been changed since the start."
    />
  );
}
