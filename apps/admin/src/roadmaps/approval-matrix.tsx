import { Anchor, Table, Text, Tooltip } from "@mantine/core";
import { Link } from "react-router";
import { departmentName } from "../lib/roles";
import { closedBecause, SIGNOFF_COLOR, SIGNOFF_WORDS, signoffState } from "./signoff-state";
import { STATUS_WORDS, type InitiativeSummary } from "./types";

/*
 * Initiatives × departments: each cell the sign-off of the current version — pending, approved,
 * rejected, not decided (the round closed without it: cancelled, or rejected by another
 * department) — or "not taking part", with who decided and when on hover or keyboard focus.
 */
export function ApprovalMatrix({
  initiatives,
  departments,
  locale,
}: {
  initiatives: InitiativeSummary[];
  departments: { key: string; name: string }[];
  locale: string;
}) {
  const when = (at: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(at));
  return (
    <Table.ScrollContainer minWidth={200 + departments.length * 100}>
      <Table
        striped
        withTableBorder
        data-testid="approval-matrix"
        aria-label="Sign-offs of the current version by department"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Initiative</Table.Th>
            {departments.map((d) => (
              <Table.Th scope="col" key={d.key}>
                {d.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {initiatives.map((i) => (
            <Table.Tr key={i.id} data-initiative={i.title}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/roadmaps/${i.id}`} size="sm">
                  {i.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {STATUS_WORDS[i.status]} · v{i.version}
                </Text>
              </Table.Th>
              {departments.map((d) => {
                if (!i.departments.includes(d.key)) {
                  return (
                    <Table.Td key={d.key} data-department={d.key} data-decision="none">
                      <Text size="xs" c="dimmed">
                        not taking part
                      </Text>
                    </Table.Td>
                  );
                }
                const signoff = i.signoffs.find((s) => s.department === d.key);
                if (!signoff) {
                  return (
                    <Table.Td key={d.key} data-department={d.key} data-decision="not_submitted">
                      <Text size="xs">not submitted yet</Text>
                    </Table.Td>
                  );
                }
                const state = signoffState(i.status, signoff.decision);
                const who = departmentName(d.key, departments);
                const detail =
                  state === "pending"
                    ? `${who}: pending for version ${signoff.version}`
                    : state === "closed"
                      ? `${who}: not decided for version ${signoff.version}, ${closedBecause(i.status)}`
                      : `${who}: ${SIGNOFF_WORDS[state].toLowerCase()} version ${signoff.version} by ${signoff.by ?? "?"} on ${signoff.at ? when(signoff.at) : "?"}${signoff.comment ? ` — “${signoff.comment}”` : ""}`;
                return (
                  <Table.Td
                    key={d.key}
                    data-department={d.key}
                    data-decision={state}
                    style={{ whiteSpace: "nowrap" }}
                  >
                    <Tooltip
                      label={detail}
                      multiline
                      w={280}
                      withArrow
                      events={{ hover: true, focus: true, touch: true }}
                    >
                      <span
                        tabIndex={0}
                        aria-label={detail}
                        data-testid="signoff-cell"
                        style={{
                          display: "inline-block",
                          padding: "2px 10px",
                          borderRadius: 16,
                          background: `var(--mantine-color-${SIGNOFF_COLOR[state]}-light)`,
                          color: `var(--mantine-color-${SIGNOFF_COLOR[state]}-light-color)`,
                          fontSize: 11,
                          fontWeight: 700,
                          textTransform: "uppercase",
                          whiteSpace: "nowrap",
                          cursor: "default",
                        }}
                      >
                        {SIGNOFF_WORDS[state]}
                      </span>
                    </Tooltip>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
