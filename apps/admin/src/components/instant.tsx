import { Text, Tooltip, type TextProps } from "@mantine/core";
import { useSession } from "../auth/session-context";
import { formatInstant, formatUtc } from "../lib/time";

/** An instant in the organisation's time zone; the UTC time on hover. */
export function Instant({ value, ...props }: { value: string } & TextProps) {
  const { settings } = useSession();
  return (
    <Tooltip label={formatUtc(value)} withArrow openDelay={300}>
      <Text component="time" dateTime={value} size="sm" tabIndex={0} style={{ whiteSpace: "nowrap" }} {...props}>
        {formatInstant(value, settings.timeZone, settings.locale)}
      </Text>
    </Tooltip>
  );
}
