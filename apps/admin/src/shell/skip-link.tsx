// The first thing the keyboard reaches on every page: a way past the top bar
// and the navigation, straight to the page's content. Hidden until focused.
import { Anchor } from "@mantine/core";

export function SkipLink({ target }: { target: string }) {
  return (
    <Anchor
      href={`#${target}`}
      className="skip-link"
      onClick={(event) => {
        // Focus the content without a hash in the URL (the router owns the URL).
        event.preventDefault();
        document.getElementById(target)?.focus();
      }}
    >
      Skip to content
    </Anchor>
  );
}
