import { Alert, Anchor, Button, Group, List, Modal, Radio, Select, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { FormAlert } from "../components/form-alert";
import { countOf } from "../lib/plural";
import { errorMessage } from "../lib/trpc-errors";
import { trpc } from "../lib/trpc";

const CUSTOMER = { one: "customer", other: "customers" };
const UNASSIGNED_WORDS: Record<string, string> = {
  no_capacity: "every eligible manager is full",
  no_match: "no eligible manager",
  no_relationship: "no relationship",
};

type Props = { manager: { email: string; name: string; customers: number }; locale: string };

/**
 * An admin hands a leaving manager's customers over (SPEC §8): all to one named manager, or each to
 * the manager its level proposal names; a confirmation says how many move, the result what moved
 * and what stayed.
 */
export function HandoverPanel({ manager, locale }: Props) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"person" | "level">("person");
  const [to, setTo] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const users = useQuery(trpc.users.list.queryOptions());
  const others = (users.data ?? [])
    .filter((u) => u.role === "account_manager" && u.active && u.email !== manager.email)
    .map((u) => ({ value: u.email, label: `${u.name} (${u.email})` }));
  const handover = useMutation(
    trpc.accountManagers.handover.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.accountManagers.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.customers.pathKey() }),
        ]);
      },
    }),
  );
  const target = others.find((o) => o.value === to)?.label;
  const ready = manager.customers > 0 && (mode === "level" || to !== null);
  const count = countOf(manager.customers, CUSTOMER, locale);
  const result = handover.data;

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Hand over customers
      </Title>
      <Text size="sm" c="dimmed">
        When {manager.name} leaves or changes role, move their customers in one audited change. Past events
        keep their attribution.
      </Text>
      <Radio.Group label="Move them" value={mode} onChange={(v) => setMode(v as "person" | "level")}>
        <Stack gap={6} mt={6}>
          <Radio value="person" label="All to one manager" />
          <Radio
            value="level"
            label="By level proposals (each to the least-loaded manager of the right level)"
          />
        </Stack>
      </Radio.Group>
      {mode === "person" && (
        <Select
          label="To"
          placeholder={users.isPending ? "Loading the managers…" : "Choose a manager"}
          data={others}
          value={to}
          onChange={setTo}
          searchable
          error={users.error ? errorMessage(users.error) : undefined}
          nothingFoundMessage="No other active account manager"
        />
      )}
      <Group>
        <Button color="orange" disabled={!ready} onClick={() => setConfirming(true)}>
          Hand over {count}
        </Button>
      </Group>
      {manager.customers === 0 && !result && (
        <Text size="sm" c="dimmed">
          {manager.name} serves no customers.
        </Text>
      )}
      {result && (
        <Alert
          color={result.unassigned.length > 0 ? "orange" : "teal"}
          variant="light"
          role="status"
          data-testid="handover-result"
        >
          <Text size="sm">
            Moved {countOf(result.moved.length, CUSTOMER, locale)}
            {result.unassigned.length > 0
              ? `; ${countOf(result.unassigned.length, CUSTOMER, locale)} stayed with ${manager.name}`
              : ""}
            .
          </Text>
          {result.unassigned.length > 0 && (
            <List size="sm" mt={4}>
              {result.unassigned.slice(0, 20).map((u) => (
                <List.Item key={u.customerId}>
                  <Anchor
                    component={Link}
                    to={`/customers/${encodeURIComponent(u.customerId)}`}
                    underline="always"
                    size="sm"
                  >
                    {u.customerId}
                  </Anchor>
                  : {UNASSIGNED_WORDS[u.reason] ?? u.reason}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`Hand over ${count}?`} centered>
        <Stack gap="md">
          <Text size="sm" data-testid="handover-confirmation">
            {mode === "person"
              ? `All ${count} of ${manager.name} move to ${target ?? to}.`
              : `Each of the ${count} of ${manager.name} moves to the manager its level proposal names; any no one can take stays with ${manager.name}.`}
          </Text>
          <FormAlert message={handover.error ? errorMessage(handover.error) : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button
              color="orange"
              loading={handover.isPending}
              onClick={() =>
                handover.mutate({ email: manager.email, ...(mode === "person" && to ? { to } : {}) })
              }
            >
              Move {count}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
