import { Alert } from "@mantine/core";

/** A form's error that belongs to no single field (the field errors show under their inputs). */
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {message}
    </Alert>
  );
}
