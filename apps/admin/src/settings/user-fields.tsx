// The inputs users are made of, shared by the create dialog and the edit drawer.
import { Select, SimpleGrid, type SimpleGridProps } from "@mantine/core";
import type { DepartmentInfo } from "../hooks/use-departments";
import { LEVEL_LABELS, LEVELS, ROLE_LABELS, ROLES, type Level, type Role } from "../lib/roles";

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
export const LEVEL_OPTIONS = LEVELS.map((level) => ({ value: level, label: LEVEL_LABELS[level] }));

export const ROLE_HINTS: Record<Role, string> = {
  admin: "Everything, including users, settings, API keys and the audit log",
  department_head: "Their own department, plus company-wide totals",
  account_manager: "Their own customers and KPIs",
  viewer: "Company-wide dashboards",
};

export function asRole(value: string | null): Role | null {
  return ROLES.find((r) => r === value) ?? null;
}

export function asLevel(value: string | null): Level | null {
  return LEVELS.find((l) => l === value) ?? null;
}

type RoleSelectProps = { value: Role; onChange: (role: Role) => void; error?: string | undefined };

export function RoleSelect({ value, onChange, error }: RoleSelectProps) {
  return (
    <Select
      label="Role"
      name="role"
      data={ROLE_OPTIONS}
      value={value}
      onChange={(v) => {
        const role = asRole(v);
        if (role) onChange(role);
      }}
      allowDeselect={false}
      description={ROLE_HINTS[value]}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

type DepartmentSelectProps = {
  value: string | null;
  onChange: (department: string | null) => void;
  departments: DepartmentInfo[] | undefined;
  required: boolean;
  error?: string | undefined;
};

export function DepartmentSelect({ value, onChange, departments, required, error }: DepartmentSelectProps) {
  return (
    <Select
      label="Department"
      name="department"
      placeholder={required ? "Choose the department they head" : "None"}
      data={(departments ?? []).map((d) => ({ value: d.key, label: d.name }))}
      value={value}
      onChange={onChange}
      clearable
      searchable
      withAsterisk={required}
      error={error}
      nothingFoundMessage="No department of that name"
    />
  );
}

type LevelSelectProps = { value: Level | null; onChange: (level: Level | null) => void; error?: string | undefined };

export function LevelSelect({ value, onChange, error }: LevelSelectProps) {
  return (
    <Select
      label="Level"
      name="level"
      description="Seniority of an account manager"
      placeholder="None"
      data={LEVEL_OPTIONS}
      value={value}
      onChange={(v) => onChange(asLevel(v))}
      clearable
      error={error}
    />
  );
}

type DepartmentLevelFieldsProps = {
  department: string | null;
  onDepartment: (department: string | null) => void;
  departments: DepartmentInfo[] | undefined;
  role: Role;
  level: Level | null;
  onLevel: (level: Level | null) => void;
  errors: { department?: string | undefined; level?: string | undefined };
  cols: SimpleGridProps["cols"];
};

/** Department (required for a department head) and level, side by side. */
export function DepartmentLevelFields(props: DepartmentLevelFieldsProps) {
  return (
    <SimpleGrid cols={props.cols} spacing="md">
      <DepartmentSelect
        value={props.department}
        onChange={props.onDepartment}
        departments={props.departments}
        required={props.role === "department_head"}
        error={props.errors.department}
      />
      <LevelSelect value={props.level} onChange={props.onLevel} error={props.errors.level} />
    </SimpleGrid>
  );
}
