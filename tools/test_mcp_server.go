package tools

import "net/http"

const testMCPServerDoc = `Check a registered MCP server: the platform connects to it as a call ` +
	`would and lists its tools (name, description, input schema). It calls none of the tools and ` +
	`changes nothing. A server the platform cannot reach or use is reported as ok false with the ` +
	`error (the test itself succeeded), plus what to check. headers, if given, are laid over the ` +
	`stored ones for this test only and never saved, e.g. to try a new key before update_mcp_server. ` +
	`mcp_server_id comes from list_mcp_servers.`

var testMCPServer = operation{
	name: "test_mcp_server", title: "Test a registered MCP server", toolset: MCPServersSet,
	doc: testMCPServerDoc, effect: Read, reachesOut: true, idempotent: true,
	method: http.MethodPost, path: "/mcp-servers/{id}/test",
	params: []param{
		mcpServerID,
		mcpHeaders("Headers to use for this test only, laid over the stored ones and never saved; at " +
			"most 10."),
	},
	check: checkMCPHeaders,
	shape: mcpTestResult,
	output: withUntrustedContent(actionOutput(field{"ok", "boolean"}, field{"duration_ms", "number"},
		field{"tool_count", "integer"}, field{"tools", ""}, field{"error", "string"}, field{"next_step", "string"})),
	untrusted: []string{"tools[].name", "tools[].description", "tools[].input_schema", "error"},
	listedBy:  "list_mcp_servers",
}
