import { Button, Group, MultiSelect, NumberInput, Select, Stack, TagsInput, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FormAlert } from "../components/form-alert";
import { OWNERSHIPS } from "../customers/words";
import { formErrors } from "../lib/field-errors";
import { trpc } from "../lib/trpc";
import {
  LEVELS,
  profileChanges,
  type Draft,
  type Level,
  type Ownership,
  type Profile,
} from "./profile-changes";

export type { Profile };

const FIELDS = ["level", "specialties", "industries", "ownerships", "capacity"] as const;
const LEVEL_WORDS: Record<Level, string> = {
  senior: "Senior",
  intermediate: "Intermediate",
  junior: "Junior",
};

/** An admin edits a manager's profile (SPEC §8); the server's refusals show on the field they concern. */
export function ProfileForm({ profile }: { profile: Profile }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(profile);
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.accountManagers.update.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.accountManagers.pathKey() });
      },
    }),
  );
  const changes = profileChanges(profile, draft);
  const changed = Object.keys(changes);
  const errors = formErrors(update.error, FIELDS, changed);
  const capacityMissing = draft.capacity === "";
  const set = (patch: Partial<Draft>) => {
    setSaved(false);
    update.reset();
    setDraft((d) => ({ ...d, ...patch }));
  };

  return (
    <form
      aria-label="Profile"
      onSubmit={(e) => {
        e.preventDefault();
        if (changed.length > 0 && !capacityMissing) update.mutate({ email: profile.email, ...changes });
      }}
    >
      <Stack gap="sm">
        <Select
          label="Level"
          data={LEVELS.map((l) => ({ value: l, label: LEVEL_WORDS[l] }))}
          value={draft.level}
          onChange={(v) => v && set({ level: v as Level })}
          allowDeselect={false}
          error={errors.fields.level}
        />
        <TagsInput
          label="Specialties"
          description="Press Enter after each"
          value={draft.specialties}
          onChange={(v) => set({ specialties: v })}
          error={errors.fields.specialties}
          clearable
        />
        <TagsInput
          label="Industries"
          description="Press Enter after each"
          value={draft.industries}
          onChange={(v) => set({ industries: v })}
          error={errors.fields.industries}
          clearable
        />
        <MultiSelect
          label="Ownerships"
          data={[...OWNERSHIPS]}
          value={draft.ownerships}
          onChange={(v) => set({ ownerships: v as Ownership[] })}
          error={errors.fields.ownerships}
          clearable
        />
        <NumberInput
          label="Capacity"
          description="The most customers this manager serves"
          value={draft.capacity}
          onChange={(v) => set({ capacity: v })}
          // The server says what is wrong with a value out of range; nothing is changed silently.
          clampBehavior="none"
          min={0}
          max={100_000}
          allowDecimal={false}
          allowNegative={false}
          error={capacityMissing ? "Enter the most customers, 0 or more" : errors.fields.capacity}
        />
        <FormAlert message={errors.general} />
        <Group gap="sm">
          <Button type="submit" loading={update.isPending} disabled={changed.length === 0 || capacityMissing}>
            Save profile
          </Button>
          {(changed.length > 0 || capacityMissing) && (
            <Button variant="subtle" onClick={() => set(profile)}>
              Undo changes
            </Button>
          )}
          {saved && changed.length === 0 && (
            <Text size="sm" c="teal.8" role="status">
              Saved.
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
