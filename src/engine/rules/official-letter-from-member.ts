// PLACEHOLDER: not yet implemented; the rule reports nothing until it is.
import { defineRule } from "../rule.ts";

export default defineRule({
  meta: {
    id: "official-letter-from-member",
    description: "",
    defaultSeverity: "warning",
    citations: {},
    messages: {},
    fixable: false,
  },
  check: () => [],
});
