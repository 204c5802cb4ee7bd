import { Button } from "@mantine/core";
import { Link } from "react-router";
import { EmptyState } from "./empty-state";

export function NotFoundPage() {
  return (
    <EmptyState
      height={400}
      heading={1}
      title="This page does not exist"
      description={
        <>
          The link may be old or mistyped.{" "}
          <Button component={Link} to="/" variant="subtle" size="compact-sm">
            Go to the overview
          </Button>
        </>
      }
    />
  );
}
