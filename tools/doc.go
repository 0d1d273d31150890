// Package tools defines the MCP tools of voicedock-mcp, one file per tool,
// grouped into toolsets (toolsets.go) and gathered by [All]; [Select]
// applies the operator's choice of toolsets, single tools, exclusions and
// read-only mode.
//
// Every tool is an [operation] (operation.go): a declaration of one API
// operation with its arguments (params.go), how the answer becomes the
// result (shapes.go, results.go) and the tool's [Effect]. From it come the
// input schema, kept to the JSON Schema subset every client accepts; the
// explicit annotations (mcp-go would otherwise mark a tool destructive); the
// checks run on every call before anything is sent (types, numeric strings,
// bounds, enums from package catalog, E.164 numbers, rules across
// arguments); and a handler that answers with structured content plus the
// same JSON as text, with nulls left out, text written by third parties
// cleaned and marked (untrusted.go), and every result bounded to 40 KB of
// JSON (about 10,000 tokens). Every API failure becomes an isError result that says what
// happened and what to do next (errors.go); a handler returns a Go error
// only for a bug.
//
// The Effect also decides how a call is guarded ([Safety], flow.go): the
// operator's call policy (package policy) is applied first, a person
// confirms destructive and real-world calls in the client (confirm.go,
// question.go; the state between rounds is sealed by internal/seal), the
// ledger counts the calls placed, a dry run keeps requests that change
// something from leaving, and every call that changes something is
// recorded in the audit trail (package audit).
//
// # Adding a tool
//
//  1. Write tools/<tool_name>.go declaring one operation: name verb-first in
//     snake_case; a description constant that says what the tool does, when
//     to use it, where each ID argument comes from, and whether it spends
//     money or reaches people; its Effect; its params; a shape and output
//     schema; listedBy, the tool that lists valid IDs; untrusted, the
//     result's fields that hold text callers or other third parties wrote
//     (untrusted.go says which), with withUntrustedContent around the
//     output schema. Use run only when one request is not enough (see
//     control_call.go). A real-world tool brings ask, the question a person
//     confirms in their own words (ask_calls.go), and policy, when it rings
//     numbers (call_policy.go); effectOf narrows the class for some
//     arguments (update_campaign.go).
//  2. Add it to its toolset's list (e.g. assistantOperations in
//     assistants.go).
//  3. Test it against the sandbox in <toolset>_test.go (runToolsetCases),
//     adding the endpoint to client/sandbox if it is new.
//  4. Run go test ./tools -update to write its schema snapshot to
//     testdata/schemas/ and the README's tool table, and review the diff.
package tools
