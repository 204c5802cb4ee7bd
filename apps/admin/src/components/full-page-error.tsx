import { Center, Paper } from "@mantine/core";
import { QueryError } from "./query-error";

export function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Center mih="100vh" bg="gray.0" px="md">
      <Paper w="100%" maw={480}>
        <QueryError title="Retain could not start" error={error} onRetry={onRetry} />
      </Paper>
    </Center>
  );
}
