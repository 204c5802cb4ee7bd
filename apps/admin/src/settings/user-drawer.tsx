import {
  Button,
  Divider,
  Drawer,
  Group,
  Modal,
  PasswordInput,
  Stack,
  Tabs,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconHistory, IconUser } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useSession } from "../auth/session-context";
import type { DepartmentInfo } from "../hooks/use-departments";
import { formErrors } from "../lib/field-errors";
import type { Level, Role } from "../lib/roles";
import { trpc } from "../lib/trpc";
import { AuditTimeline } from "./audit-timeline";
import { RoleBadge, StatusBadge } from "./status-badge";
import { DepartmentLevelFields, RoleSelect } from "./user-fields";
import type { UserRow } from "./user-types";
import { FormAlert } from "../components/form-alert";

type Tab = "details" | "history";

type Props = {
  userId: string | null;
  user: UserRow | undefined;
  loading: boolean;
  tab: Tab;
  onTab: (tab: Tab) => void;
  onClose: () => void;
  departments: DepartmentInfo[] | undefined;
};

export function UserDrawer({ userId, user, loading, tab, onTab, onClose, departments }: Props) {
  return (
    <Drawer
      opened={userId !== null}
      onClose={onClose}
      position="right"
      size={520}
      title={user?.name ?? "User"}
      styles={{ title: { fontSize: "var(--mantine-font-size-lg)", fontWeight: 650 } }}
      data-testid="user-drawer"
    >
      {user ? (
        <Stack gap="md">
          <Group gap="xs">
            <Text size="sm" c="dimmed" mr={4}>
              {user.email}
            </Text>
            <RoleBadge role={user.role} />
            <StatusBadge active={user.active} />
          </Group>
          <Tabs value={tab} onChange={(value) => onTab(value === "history" ? "history" : "details")} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="details" leftSection={<IconUser size={15} />}>
                Details
              </Tabs.Tab>
              <Tabs.Tab value="history" leftSection={<IconHistory size={15} />}>
                History
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="details" pt="md">
              <Stack gap="lg">
                <EditUserForm
                  key={`${user.id}|${user.name}|${user.role}|${user.department}|${user.level}`}
                  user={user}
                  departments={departments}
                />
                <Divider />
                <PasswordSection user={user} />
                <Divider />
                <AccessSection user={user} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="md">
              <UserHistory id={user.id} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      ) : loading ? null : (
        <Text c="dimmed" size="sm">
          This user does not exist (any more). Close this panel and choose another one.
        </Text>
      )}
    </Drawer>
  );
}

/** After a change: the list, this user's history, the audit log and, if it was us, the session. */
function useUserChanged() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.users.pathFilter()),
      queryClient.invalidateQueries(trpc.audit.pathFilter()),
    ]);
  };
}

const EDIT_FIELDS = ["name", "role", "department", "level"] as const;

function EditUserForm({ user, departments }: { user: UserRow; departments: DepartmentInfo[] | undefined }) {
  const changed = useUserChanged();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [department, setDepartment] = useState<string | null>(user.department);
  const [level, setLevel] = useState<Level | null>(user.level);
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async (saved) => {
        notifications.show({ color: "green", title: "Changes saved", message: `${saved.name} is up to date.` });
        await changed();
      },
    }),
  );

  const changes = {
    ...(name.trim() !== user.name ? { name: name.trim() } : {}),
    ...(role !== user.role ? { role } : {}),
    ...(department !== user.department ? { department } : {}),
    ...(level !== user.level ? { level } : {}),
  };
  const dirty = Object.keys(changes).length > 0;
  const submitted = Object.keys(update.variables ?? {}).filter((key) => key !== "id");
  const errors = formErrors(update.error, EDIT_FIELDS, submitted);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (dirty) update.mutate({ id: user.id, ...changes });
  };
  const reset = () => {
    setName(user.name);
    setRole(user.role);
    setDepartment(user.department);
    setLevel(user.level);
    update.reset();
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Edit user">
      <Stack gap="md">
        <FormAlert message={errors.general} />
        <TextInput label="Name" name="name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fields.name} />
        <RoleSelect value={role} onChange={setRole} error={errors.fields.role} />
        <DepartmentLevelFields
          cols={2}
          department={department}
          onDepartment={setDepartment}
          departments={departments}
          role={role}
          level={level}
          onLevel={setLevel}
          errors={errors.fields}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={reset} disabled={!dirty && !update.error}>
            Discard
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!dirty}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PasswordSection({ user }: { user: UserRow }) {
  const changed = useUserChanged();
  const [password, setPassword] = useState("");
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async () => {
        setPassword("");
        notifications.show({
          color: "green",
          title: "Password reset",
          message: `${user.name}'s sessions were signed out; they sign in with the new password.`,
        });
        await changed();
      },
    }),
  );
  const errors = formErrors(update.error, ["password"], ["password"]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate({ id: user.id, password });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Reset password">
      {/* Lets password managers file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={user.email} readOnly />
      <Stack gap={6}>
        <Text fw={600} size="sm">
          Reset password
        </Text>
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <PasswordInput
            aria-label="New password"
            name="new-password"
            placeholder="New password, 8 to 128 characters"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.fields.password ?? errors.general}
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="default" loading={update.isPending} disabled={!password}>
            Set password
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Signs the user out everywhere.
        </Text>
      </Stack>
    </form>
  );
}

function AccessSection({ user }: { user: UserRow }) {
  const { user: me } = useSession();
  const changed = useUserChanged();
  const [confirming, setConfirming] = useState(false);
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async (saved) => {
        setConfirming(false);
        notifications.show({
          color: saved.active ? "green" : "gray",
          title: saved.active ? "User reactivated" : "User deactivated",
          message: saved.active ? `${saved.name} can sign in again.` : `${saved.name} was signed out and can no longer sign in.`,
        });
        await changed();
      },
      onError: () => setConfirming(false),
    }),
  );
  const errors = formErrors(update.error, ["active"], ["active"]);
  const error = errors.fields.active ?? errors.general;
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        Access
      </Text>
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {user.active
            ? "Deactivating signs the user out at once; their history stays."
            : "This user cannot sign in. Reactivate to let them back in."}
        </Text>
        {user.active ? (
          <Button color="red" variant="light" onClick={() => setConfirming(true)} style={{ flexShrink: 0 }}>
            Deactivate
          </Button>
        ) : (
          <Button
            variant="light"
            loading={update.isPending}
            onClick={() => update.mutate({ id: user.id, active: true })}
            style={{ flexShrink: 0 }}
          >
            Reactivate
          </Button>
        )}
      </Group>
      {error && (
        <Text size="sm" c="red.7" role="alert" data-testid="active-error">
          {error}
        </Text>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`Deactivate ${user.name}?`} size="sm">
        <Stack gap="md">
          <Text size="sm">
            {user.id === me.id
              ? "This is your own account: you will be signed out at once and cannot sign in again."
              : `${user.name} is signed out at once and can no longer sign in. Their history stays in the audit log.`}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button color="red" loading={update.isPending} onClick={() => update.mutate({ id: user.id, active: false })}>
              Deactivate
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function UserHistory({ id }: { id: string }) {
  const history = useQuery(trpc.users.history.queryOptions({ id }, { staleTime: 0 }));
  return (
    <AuditTimeline
      records={history.data}
      error={history.error}
      onRetry={() => void history.refetch()}
      empty="No change has been recorded for this user yet."
    />
  );
}
