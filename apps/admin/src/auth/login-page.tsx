import { Alert, Anchor, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Navigate, useSearchParams } from "react-router";
import { Logo } from "../components/logo";
import { API_REFERENCE } from "../lib/links";
import { lockoutMessage } from "../lib/lockout";
import { missingFieldsReason } from "../lib/submit-reason";
import { trpc } from "../lib/trpc";
import { errorCode, errorMessage } from "../lib/trpc-errors";
import { DemoAccounts } from "./demo-accounts";
import { redirectTarget } from "./redirect-target";

function loginErrorText(error: unknown): string {
  switch (errorCode(error)) {
    case "UNAUTHORIZED":
      return "The email or password is not correct.";
    case "TOO_MANY_REQUESTS":
      return lockoutMessage(errorMessage(error));
    default:
      return errorMessage(error);
  }
}

export function LoginPage() {
  const [params] = useSearchParams();
  const next = redirectTarget(params.get("next"));
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const reasonId = useId();
  const reason = missingFieldsReason(
    [
      { label: "Email", value: email },
      { label: "Password", value: password },
    ],
    "sign in",
  );
  // Already signed in (e.g. a bookmarked /login)? Then straight on.
  const session = useQuery(trpc.auth.session.queryOptions(undefined, { retry: false, retryOnMount: false }));
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      // The signed-in user becomes the cached session; the redirect below follows.
      onSuccess: (result) => queryClient.setQueryData(trpc.auth.session.queryKey(), { user: result.user }),
    }),
  );

  if (session.data?.user) return <Navigate to={next} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password });
  };

  return (
    <Center component="main" mih="100vh" bg="gray.0" px="md">
      <Box w="100%" maw={380}>
        <Stack align="center" gap="xs" mb="lg">
          <Logo size={36} />
          <Title order={1} fz="h3" ta="center">
            Sign in to Retain
          </Title>
          <Text c="dimmed" size="sm" ta="center">
            Customer retention KPIs for every department
          </Text>
        </Stack>
        <Paper withBorder radius="md" p="xl" shadow="xs">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              {login.error && (
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconAlertCircle size={18} />}
                  role="alert"
                  data-testid="login-error"
                >
                  {loginErrorText(login.error)}
                </Alert>
              )}
              <TextInput
                label="Email"
                name="email"
                type="email"
                autoComplete="username"
                placeholder="you@company.com"
                required
                autoFocus
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <PasswordInput
                label="Password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <Button
                type="submit"
                fullWidth
                loading={login.isPending}
                disabled={reason !== null}
                aria-describedby={reason ? reasonId : undefined}
              >
                Sign in
              </Button>
              {reason && (
                <Text size="sm" c="dimmed" ta="center" id={reasonId} data-testid="submit-reason">
                  {reason}
                </Text>
              )}
            </Stack>
          </form>
        </Paper>
        <DemoAccounts
          onPick={(email, demoPassword) => {
            setEmail(email);
            setPassword(demoPassword ?? "");
          }}
        />
        <Text c="dimmed" size="xs" ta="center" mt="md">
          No account yet? Ask an administrator to invite you.{" "}
          {/* Underlined: a link inside a sentence is told apart by more than its colour. */}
          <Anchor href={API_REFERENCE} size="xs" underline="always">
            API reference
          </Anchor>
        </Text>
      </Box>
    </Center>
  );
}
