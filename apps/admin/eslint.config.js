import { react } from "@retain/eslint-config";

export default react;
