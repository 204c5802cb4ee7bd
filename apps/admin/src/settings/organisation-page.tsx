import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { useSession, type OrgSettings } from "../auth/session-context";
import { PageHeader } from "../components/page-header";
import { formErrors } from "../lib/field-errors";
import { formatValue } from "../lib/format";
import { changedSettings, currencyOptions, localeOptions, timeZoneOptions } from "../lib/org-options";
import { formatInstant } from "../lib/time";
import { trpc } from "../lib/trpc";
import { AuditTimeline } from "./audit-timeline";
import { FormAlert } from "../components/form-alert";

const FIELDS = ["timeZone", "churnDays", "complaintSlaHours", "currency", "locale"] as const;

export function OrganisationPage() {
  const { settings } = useSession();
  return (
    <Stack gap="lg">
      <PageHeader title="Organisation" description="Time zone, currency and the thresholds every metric is computed with." />
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
  const [draft, setDraft] = useState<OrgSettings>(saved);
  const set = <K extends keyof OrgSettings>(key: K, value: OrgSettings[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const save = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({ color: "green", title: "Settings saved", message: "Dashboards use the new settings from now on." });
        queryClient.setQueryData(trpc.settings.public.queryKey(), result);
        // Metrics depend on the time zone and thresholds; the audit log has a new record.
        await Promise.all([
          queryClient.invalidateQueries(trpc.metrics.pathFilter()),
          queryClient.invalidateQueries(trpc.audit.pathFilter()),
        ]);
      },
    }),
  );
  const changes = changedSettings(saved, draft);
  const dirty = Object.keys(changes).length > 0;
  const errors = formErrors(save.error, FIELDS, Object.keys(save.variables ?? {}));

  const zones = useMemo(() => timeZoneOptions(saved.timeZone), [saved.timeZone]);
  const currencies = useMemo(() => currencyOptions(draft.currency, saved.locale), [draft.currency, saved.locale]);
  const locales = useMemo(() => localeOptions(draft.locale, saved.locale), [draft.locale, saved.locale]);

  const preview = previewOf(draft);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (dirty) save.mutate(changes);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Organisation settings">
      <Stack gap="md">
        <FormAlert message={errors.general} />
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
            error={errors.fields.timeZone}
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
            error={errors.fields.currency}
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
            error={errors.fields.locale}
          />
          <div />
          <NumberInput
            label="Churn after"
            name="churnDays"
            description="Days without an order before a customer counts as churned"
            suffix=" days"
            min={1}
            max={3650}
            allowDecimal={false}
            value={draft.churnDays}
            onChange={(value) => set("churnDays", typeof value === "number" ? value : Number(value) || 0)}
            error={errors.fields.churnDays}
          />
          <NumberInput
            label="Complaint SLA"
            name="complaintSlaHours"
            description="Hours within which a complaint should be resolved"
            suffix=" hours"
            min={0.5}
            max={24 * 365}
            step={1}
            decimalScale={2}
            value={draft.complaintSlaHours}
            onChange={(value) => set("complaintSlaHours", typeof value === "number" ? value : Number(value) || 0)}
            error={errors.fields.complaintSlaHours}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed" data-testid="settings-preview">
          Preview: {preview}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            disabled={!dirty && !save.error}
            onClick={() => {
              setDraft(saved);
              save.reset();
            }}
          >
            Discard
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function previewOf(draft: OrgSettings): string {
  try {
    const money = formatValue(1234567.89, "money", draft);
    const now = formatInstant(new Date().toISOString(), draft.timeZone, draft.locale);
    return `${money} · now ${now}`;
  } catch {
    return "—";
  }
}

function SettingsHistory() {
  const history = useQuery(trpc.audit.list.queryOptions({ entityType: "settings", limit: 5 }, { staleTime: 0 }));
  return (
    <AuditTimeline
      records={history.data?.items}
      error={history.error}
      onRetry={() => void history.refetch()}
      empty="The settings have not been changed since the start."
    />
  );
}
