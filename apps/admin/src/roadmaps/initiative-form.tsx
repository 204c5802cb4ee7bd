import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, TextInput, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useSession } from "../auth/session-context";
import { useDepartments } from "../hooks/use-departments";
import { formErrors } from "../lib/field-errors";
import { trpc } from "../lib/trpc";
import type { InitiativeDetail } from "./types";

const FIELDS = ["title", "description", "ownerDepartment", "departments", "launchAt"] as const;

/**
 * Creates an initiative (a draft, version 1) or changes its scope: title, description,
 * departments, launch date. A change of scope in review or approved starts a new round of sign-off;
 * the form says so before saving.
 */
export function InitiativeForm({
  opened,
  onClose,
  initiative,
}: {
  opened: boolean;
  onClose: () => void;
  initiative?: InitiativeDetail;
}) {
  const { user } = useSession();
  const departments = useDepartments();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const ownDepartment = user.role === "department_head" ? (user.department ?? "") : "";
  const [title, setTitle] = useState(initiative?.title ?? "");
  const [description, setDescription] = useState(initiative?.description ?? "");
  const [owner, setOwner] = useState(initiative?.ownerDepartment ?? ownDepartment);
  const [participants, setParticipants] = useState<string[]>(
    initiative ? [...initiative.departments] : ownDepartment ? [ownDepartment] : [],
  );
  const [launchAt, setLaunchAt] = useState(initiative?.launchAt ?? "");
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.initiatives.pathKey() });
  const create = useMutation(
    trpc.initiatives.create.mutationOptions({
      onSuccess: async (created) => {
        await invalidate();
        onClose();
        void navigate(`/roadmaps/${created.id}`);
      },
    }),
  );
  const update = useMutation(
    trpc.initiatives.update.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        onClose();
      },
    }),
  );
  const mutation = initiative ? update : create;
  const errors = formErrors(mutation.error, FIELDS);
  const options = (departments.data ?? []).map((d) => ({ value: d.key, label: d.name }));
  const reopens = initiative && (initiative.status === "in_review" || initiative.status === "approved");

  const submit = () => {
    const departmentsWithOwner =
      owner && !participants.includes(owner) ? [owner, ...participants] : participants;
    if (initiative) {
      update.mutate({ id: initiative.id, title, description, departments: departmentsWithOwner, launchAt });
    } else {
      create.mutate({
        title,
        description,
        ownerDepartment: owner,
        departments: departmentsWithOwner,
        launchAt,
      });
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={initiative ? "Change the scope" : "New initiative"}
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Title"
            withAsterisk
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.fields.title}
            data-autofocus
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.fields.description}
          />
          <Select
            label="Owner department"
            withAsterisk
            data={options}
            value={owner || null}
            onChange={(value) => setOwner(value ?? "")}
            disabled={Boolean(initiative) || user.role === "department_head"}
            description={
              initiative
                ? "The owner stays with the initiative."
                : "The owner runs the initiative and always takes part."
            }
            error={errors.fields.ownerDepartment}
          />
          <MultiSelect
            label="Participating departments"
            description="Every department here signs off; the owner is added if missing."
            data={options}
            value={participants}
            onChange={setParticipants}
            searchable
            error={errors.fields.departments}
          />
          <TextInput
            label="Launch date"
            type="date"
            withAsterisk
            value={launchAt}
            onChange={(e) => setLaunchAt(e.currentTarget.value)}
            error={errors.fields.launchAt}
          />
          {reopens && (
            <Alert color="yellow" variant="light">
              Changing the scope makes a new version and asks every department to sign off again.
            </Alert>
          )}
          {errors.general && (
            <Alert color="red" variant="light" role="alert">
              {errors.general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {initiative ? "Save scope" : "Create draft"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
