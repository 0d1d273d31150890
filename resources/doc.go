// Package resources defines the MCP resources of voicedock-mcp: read-only
// views an MCP client may attach to a conversation without a tool call,
// gathered by [All]. Handlers return Go errors whose text is safe to show:
// it never carries the API key or a request URL.
package resources
