import { Button, Group, Modal, PasswordInput, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { SubmitReason } from "../components/submit-reason";
import { missingFieldsReason } from "../lib/submit-reason";
import type { DepartmentInfo } from "../hooks/use-departments";
import { formErrors } from "../lib/field-errors";
import type { Level, Role } from "../lib/roles";
import { trpc } from "../lib/trpc";
import { DepartmentLevelFields, RoleSelect } from "./user-fields";
import type { UserRow } from "./user-types";
import { FormAlert } from "../components/form-alert";

const FIELDS = ["email", "name", "password", "role", "department", "level"] as const;

type Props = {
  opened: boolean;
  onClose: () => void;
  onCreated: (user: UserRow) => void;
  departments: DepartmentInfo[] | undefined;
};

export function CreateUserModal({ opened, onClose, onCreated, departments }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="New user" size="lg">
      {/* A fresh form every time the dialog opens. */}
      {opened && <CreateUserForm onClose={onClose} onCreated={onCreated} departments={departments} />}
    </Modal>
  );
}

function CreateUserForm({ onClose, onCreated, departments }: Omit<Props, "opened">) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [department, setDepartment] = useState<string | null>(null);
  const [level, setLevel] = useState<Level | null>(null);
  const reasonId = useId();
  const reason = missingFieldsReason(
    [
      { label: "Name", value: name },
      { label: "Email", value: email },
      { label: "Password", value: password },
    ],
    "create the user",
  );
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (user) => {
        notifications.show({ color: "green", title: "User created", message: `${user.name} can sign in now.` });
        onCreated(user);
        await queryClient.invalidateQueries(trpc.users.pathFilter());
        await queryClient.invalidateQueries(trpc.audit.pathFilter());
      },
    }),
  );
  const errors = formErrors(create.error, FIELDS);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate({
      email: email.trim(),
      name: name.trim(),
      password,
      role,
      ...(department ? { department } : {}),
      ...(level ? { level } : {}),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="New user">
      <Stack gap="md">
        <FormAlert message={errors.general} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Name"
            name="name"
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.fields.name}
          />
          <TextInput
            label="Email"
            name="email"
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.fields.email}
          />
        </SimpleGrid>
        <PasswordInput
          label="Initial password"
          name="password"
          description="8 to 128 characters; share it with them safely"
          required
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.fields.password}
        />
        <RoleSelect value={role} onChange={setRole} error={errors.fields.role} />
        <DepartmentLevelFields
          cols={{ base: 1, sm: 2 }}
          department={department}
          onDepartment={setDepartment}
          departments={departments}
          role={role}
          level={level}
          onLevel={setLevel}
          errors={errors.fields}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <SubmitReason id={reasonId} reason={reason} />
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending} disabled={reason !== null} aria-describedby={reason ? reasonId : undefined}>
            Create user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
