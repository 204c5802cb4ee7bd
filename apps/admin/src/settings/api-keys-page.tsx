import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  ActionIcon,
  VisuallyHidden,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconCheck, IconCopy, IconKey, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { useId, useState, type FormEvent } from "react";
import { SubmitReason } from "../components/submit-reason";
import { missingFieldsReason } from "../lib/submit-reason";
import { EmptyState } from "../components/empty-state";
import { Instant } from "../components/instant";
import { PageHeader } from "../components/page-header";
import { QueryError } from "../components/query-error";
import { formErrors } from "../lib/field-errors";
import { trpc } from "../lib/trpc";
import { StatusBadge } from "./status-badge";
import { FormAlert } from "../components/form-alert";

type ApiKey = inferOutput<typeof trpc.apiKeys.list>[number];
type Scope = ApiKey["scopes"][number];

const SCOPES: { value: Scope; label: string; description: string }[] = [
  { value: "ingest", label: "Ingest", description: "Send customers and events (POST /api/v1/customers, /events)" },
  { value: "read", label: "Read", description: "Read metrics and dashboards company-wide" },
];

export function ApiKeysPage() {
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  return (
    <Stack gap="lg">
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let other systems send data to Retain or read from it, sent as{" "}
            <Code fz="xs">Authorization: Bearer &lt;key&gt;</Code>.
          </>
        }
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New API key
          </Button>
        }
      />
      <Card padding={0}>
        {keys.error ? (
          <Stack p="md">
            <QueryError title="Could not load the API keys" error={keys.error} onRetry={() => void keys.refetch()} />
          </Stack>
        ) : !keys.data ? (
          <Stack p="md" gap="sm" aria-busy="true">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} h={36} />
            ))}
          </Stack>
        ) : keys.data.length === 0 ? (
          <Stack py={48}>
            <EmptyState
              title="No API keys yet"
              description="Create a key with the ingest scope to send customers and events from your systems."
              action={{ label: "New API key", onClick: () => setCreating(true) }}
            />
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing={8} fz="sm" aria-label="API keys">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th w={150}>Scopes</Table.Th>
                  <Table.Th w={170}>Created</Table.Th>
                  <Table.Th w={170}>Last used</Table.Th>
                  <Table.Th w={190}>Status</Table.Th>
                  <Table.Th w={90}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.data.map((key) => (
                  <Table.Tr key={key.id} data-testid={`api-key-${key.name}`} c={key.revokedAt ? "dimmed" : undefined}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {key.name}
                      </Text>
                      <Code fz="xs" c="dimmed">
                        {key.prefix}…
                      </Code>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {key.scopes.map((scope) => (
                          <Badge key={scope} variant="outline" color="gray" radius="sm" tt="none" fw={500}>
                            {scope}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Instant value={key.createdAt} />
                    </Table.Td>
                    <Table.Td>{key.lastUsedAt ? <Instant value={key.lastUsedAt} /> : <Text size="sm" c="dimmed">Never</Text>}</Table.Td>
                    <Table.Td>
                      {key.revokedAt ? (
                        <Group gap={4} wrap="nowrap">
                          <StatusBadge active={false} off="Revoked" />
                          <Instant value={key.revokedAt} size="xs" c="dimmed" />
                        </Group>
                      ) : (
                        <StatusBadge active />
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {!key.revokedAt && (
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRevoking(key)}>
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <CreateKeyModal opened={creating} onClose={() => setCreating(false)} />
      <RevokeKeyModal apiKey={revoking} onClose={() => setRevoking(null)} />
    </Stack>
  );
}

function useKeysChanged() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.apiKeys.pathFilter()),
      queryClient.invalidateQueries(trpc.audit.pathFilter()),
    ]);
  };
}

function CreateKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="New API key" size="lg" closeOnClickOutside={false}>
      {opened && <CreateKeyForm onClose={onClose} />}
    </Modal>
  );
}

function CreateKeyForm({ onClose }: { onClose: () => void }) {
  const changed = useKeysChanged();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(["ingest"]);
  const reasonId = useId();
  const reason = missingFieldsReason([{ label: "Name", value: name }], "create the key");
  const create = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: () => changed() }));
  const errors = formErrors(create.error, ["name", "scopes"]);

  if (create.data) {
    const { key, apiKey } = create.data;
    return (
      <Stack gap="md">
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Copy the key now">
          This is the only time the key is shown — you won&apos;t see it again. Store it in your integration&apos;s secret
          store; if it is lost, revoke it and create a new one.
        </Alert>
        <div>
          <Text size="sm" fw={600} mb={6}>
            {apiKey.name} · {apiKey.scopes.join(", ")}
          </Text>
          <Group gap="xs" wrap="nowrap" p="xs" bg="gray.0" style={{ borderRadius: "var(--mantine-radius-md)", border: "1px solid var(--mantine-color-gray-3)" }}>
            <Code data-testid="new-api-key" bg="transparent" fz="sm" style={{ flex: 1, wordBreak: "break-all" }}>
              {key}
            </Code>
            <CopyButton value={key} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? "Copied" : "Copy"} withArrow>
                  <ActionIcon variant={copied ? "light" : "default"} color={copied ? "green" : undefined} size="lg" onClick={copy} aria-label="Copy the key">
                    {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        </div>
        <Group justify="flex-end">
          <Button onClick={onClose}>I have stored the key</Button>
        </Group>
      </Stack>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), scopes });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="New API key">
      <Stack gap="md">
        <FormAlert message={errors.general} />
        <TextInput
          label="Name"
          name="name"
          description="Where the key is used, e.g. “CRM sync”"
          required
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.fields.name}
        />
        <Checkbox.Group
          label="Scopes"
          value={scopes}
          onChange={(value) => setScopes(SCOPES.filter((s) => value.includes(s.value)).map((s) => s.value))}
          error={errors.fields.scopes}
          withAsterisk
        >
          <Stack gap="xs" mt={6}>
            {SCOPES.map((scope) => (
              <Checkbox key={scope.value} value={scope.value} label={scope.label} description={scope.description} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group justify="flex-end" gap="sm">
          <SubmitReason id={reasonId} reason={reason} />
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            leftSection={<IconKey size={16} />}
            loading={create.isPending}
            disabled={reason !== null}
            aria-describedby={reason ? reasonId : undefined}
          >
            Create key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RevokeKeyModal({ apiKey, onClose }: { apiKey: ApiKey | null; onClose: () => void }) {
  const changed = useKeysChanged();
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async (key) => {
        notifications.show({ color: "gray", title: "API key revoked", message: `${key.name} no longer works.` });
        revoke.reset();
        onClose();
        await changed();
      },
    }),
  );
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Modal opened={apiKey !== null} onClose={close} title={`Revoke ${apiKey?.name ?? "key"}?`} size="sm">
      <Stack gap="md">
        <Text size="sm">Systems using this key are refused from now on. A revoked key cannot be restored.</Text>
        {revoke.error && (
          <Alert color="red" variant="light" role="alert">
            {formErrors(revoke.error, []).general}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={() => apiKey && revoke.mutate({ id: apiKey.id })}>
            Revoke key
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
