import { base } from "@retain/eslint-config";

export default base;
