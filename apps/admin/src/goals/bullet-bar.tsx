import { Box, Tooltip } from "@mantine/core";
import { STATUS_COLOR, type GoalStatus } from "./goal-rules";

type Props = {
  actual: number | null;
  target: number;
  expected: number;
  status: GoalStatus;
  /** The bar's text alternative: "412 of 500 (expected 380 by now)". */
  label: string;
};

/**
 * A bullet bar: the actual as a bar against the target (the full width is the larger of target and
 * actual, with room to spare), a marker where the actual should be by now.
 */
export function BulletBar({ actual, target, expected, status, label }: Props) {
  const scale = Math.max(Math.abs(target), Math.abs(actual ?? 0), Math.abs(expected)) * 1.1 || 1;
  const pct = (value: number) => `${Math.min(100, Math.max(0, (value / scale) * 100))}%`;
  return (
    <Tooltip label={label} withArrow>
      <Box
        role="img"
        aria-label={label}
        tabIndex={0}
        pos="relative"
        h={14}
        w="100%"
        miw={90}
        bg="gray.2"
        style={{ borderRadius: 3 }}
      >
        {actual !== null && (
          <Box
            pos="absolute"
            left={0}
            top={3}
            h={8}
            w={pct(actual)}
            bg={`${STATUS_COLOR[status]}.7`}
            style={{ borderRadius: 2 }}
          />
        )}
        {/* Target: the end of the grey band a goal aims for. */}
        <Box pos="absolute" top={0} h={14} w={2} left={pct(target)} bg="dark.6" />
        {/* Expected by now. */}
        <Box
          pos="absolute"
          top={-2}
          h={18}
          w={3}
          left={pct(expected)}
          bg="brand.7"
          style={{ borderRadius: 1 }}
        />
      </Box>
    </Tooltip>
  );
}
