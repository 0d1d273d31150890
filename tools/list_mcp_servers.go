package tools

import "net/http"

const listMCPServersDoc = `List the MCP servers the organization has registered: its own servers ` +
	`whose tools assistants call during phone calls (not this server). Shows ID, name, url, ` +
	`transport, header names (never values) and timeout. Use it to find an mcp_server_id for ` +
	`get_mcp_server, test_mcp_server, update_mcp_server, or an assistant's llm_config.tools entry ` +
	`{type: mcp, mcp_server_id}. Returns one page (default 20); pass next_offset as offset for more.`

var listMCPServers = operation{
	name: "list_mcp_servers", title: "List registered MCP servers", toolset: MCPServersSet,
	doc: listMCPServersDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/mcp-servers",
	params: pageParams(inTool, 20, 1000),
	shape:  many("mcp_servers", nil),
	output: listOutput("mcp_servers", mcpServerOut...),
}
