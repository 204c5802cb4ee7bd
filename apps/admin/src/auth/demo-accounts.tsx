import { Button, Code, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { trpc } from "../lib/trpc";

/**
 * The demo's accounts, one per role, on the sign-in page of a demo install. The server lists them
 * only when its database was seeded with the demo; on any other install this shows nothing.
 */
/** `onPick` gets the account's email and, but for the admin's, its password. */
export function DemoAccounts({ onPick }: { onPick: (email: string, password: string | null) => void }) {
  const demo = useQuery(
    trpc.auth.demoAccounts.queryOptions(undefined, { staleTime: Infinity, retry: false }),
  );
  const accounts = demo.data?.accounts ?? [];
  if (accounts.length === 0) return null;
  const password = accounts.find((a) => a.password)?.password;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      mt="md"
      component="section"
      aria-labelledby="demo-accounts-title"
      data-testid="demo-accounts"
    >
      <Stack gap={6}>
        <Title order={2} fz="sm" fw={600} id="demo-accounts-title">
          Demo accounts
        </Title>
        <Text size="xs" c="dimmed">
          {password ? (
            <>
              Password <Code>{password}</Code> for all but the admin, whose password was set at install.
            </>
          ) : (
            "The admin's password was set at install."
          )}
        </Text>
        <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={4} fz="xs">
          <Table.Tbody>
            {accounts.map((account) => (
              <Table.Tr key={account.email}>
                <Table.Td>{account.label}</Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    onClick={() => onPick(account.email, account.password)}
                    aria-label={`Use ${account.email} (${account.label})`}
                    data-testid="demo-account"
                  >
                    {account.email}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
