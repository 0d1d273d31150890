package tools

import "net/http"

const getMCPServerDoc = `Get one registered MCP server (the organization's own server used as ` +
	`assistant tools): name, url, transport, the names of its stored headers (values are never ` +
	`shown) and timeout. mcp_server_id comes from list_mcp_servers.`

var getMCPServer = operation{
	name: "get_mcp_server", title: "Get a registered MCP server", toolset: MCPServersSet,
	doc: getMCPServerDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/mcp-servers/{id}",
	params:   []param{mcpServerID},
	shape:    one("mcp_server"),
	output:   objectOutput("mcp_server", mcpServerOut...),
	listedBy: "list_mcp_servers",
}
