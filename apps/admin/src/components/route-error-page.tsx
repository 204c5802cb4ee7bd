import { Button, Center, Group, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconAlertTriangle, IconHome, IconRefresh } from "@tabler/icons-react";
import { useEffect } from "react";
import { isRouteErrorResponse, Link, useLocation, useNavigate, useRouteError } from "react-router";

/**
 * What a page that failed to render shows instead of React Router's stack trace: what happened and
 * a way on. The error goes to the browser console for whoever debugs it, never onto the screen.
 */
export function RouteErrorPage({ fullPage = false }: { fullPage?: boolean }) {
  const error = useRouteError();
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    console.error("A page of the admin failed to render:", error);
  }, [error]);

  // A chunk that no longer exists after a deploy: only a reload brings the new one.
  const stale =
    error instanceof TypeError &&
    /dynamically imported module|Importing a module script/i.test(error.message);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const title = notFound ? "This page does not exist" : "This page could not be shown";
  const description = notFound
    ? "The link may be old or mistyped."
    : stale
      ? "A newer version of Retain was installed while this page was open. Reload to get it."
      : "Something went wrong while drawing it. Your data is safe; trying again usually helps. If it keeps happening, tell your administrator what you did just before.";

  const body = (
    <Stack
      align="center"
      gap={8}
      ta="center"
      maw={460}
      mx="auto"
      py={48}
      role="alert"
      data-testid="route-error"
    >
      <ThemeIcon variant="light" color="red" size={44} radius="xl" aria-hidden>
        <IconAlertTriangle size={22} />
      </ThemeIcon>
      <Title order={1} fz="lg" fw={600}>
        {title}
      </Title>
      <Text c="dimmed" size="sm">
        {description}
      </Text>
      <Group gap="sm" mt="xs" justify="center">
        {!notFound && (
          <Button
            size="sm"
            leftSection={<IconRefresh size={16} />}
            onClick={() => (stale ? window.location.reload() : void navigate(location, { replace: true }))}
          >
            {stale ? "Reload" : "Try again"}
          </Button>
        )}
        {location.pathname !== "/" || notFound ? (
          <Button component={Link} to="/" variant="light" size="sm" leftSection={<IconHome size={16} />}>
            Back to the overview
          </Button>
        ) : (
          <Button
            component={Link}
            to="/"
            reloadDocument
            variant="light"
            size="sm"
            leftSection={<IconHome size={16} />}
          >
            Reload the overview
          </Button>
        )}
      </Group>
    </Stack>
  );
  return fullPage ? (
    <Center mih="100vh" bg="gray.0" px="md" component="main">
      {body}
    </Center>
  ) : (
    body
  );
}
