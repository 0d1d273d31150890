// Package tools defines the MCP tools of voicedock-mcp: one file per tool,
// gathered by [All].
//
// Every tool states its annotations explicitly (mcp-go would otherwise mark
// it destructive), declares an output schema, and answers with structured
// content plus the same JSON as text. Every API failure becomes an isError
// result whose text says what happened and what to do next (errorResult in
// errors.go); a handler returns a Go error only for a bug.
//
// # Adding a tool
//
//  1. Add the API call to package client, returning a domain type.
//  2. Write tools/<name>.go with a constructor returning server.ServerTool:
//     name verb-first in snake_case, a description constant that says when to
//     use the tool and where each ID argument comes from, all four annotation
//     hints, an output schema, and a handler that parses arguments, calls the
//     client and returns structuredResult or errorResult.
//  3. List the constructor in All.
//  4. Run go test ./tools -update to write its schema snapshot to
//     testdata/schemas/, and review the diff.
package tools
