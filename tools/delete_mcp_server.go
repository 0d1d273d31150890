package tools

import (
	"net/http"

	"github.com/voicedock/voicedock-mcp/client"
)

const deleteMCPServerDoc = `Delete a registered MCP server and its stored headers for good; this ` +
	`cannot be undone, so check the name with get_mcp_server first. The API refuses while an ` +
	`assistant still uses it: first remove the {type: mcp, mcp_server_id} entry from that assistant's ` +
	`llm_config.tools with update_assistant. mcp_server_id comes from list_mcp_servers.`

var deleteMCPServer = operation{
	name: "delete_mcp_server", title: "Delete a registered MCP server", toolset: MCPServersSet,
	doc: deleteMCPServerDoc, effect: Destructive, idempotent: true,
	method: http.MethodDelete, path: "/mcp-servers/{id}",
	params:   []param{mcpServerID},
	shape:    deleted("mcp_server_id"),
	output:   deletedOutput,
	listedBy: "list_mcp_servers",
	advice: map[error]string{client.ErrConflict: "An assistant still uses this MCP server: get_assistant shows it in llm_config.tools as " +
		"{type: mcp, mcp_server_id}; remove that entry with update_assistant (send llm_config whole), then " +
		"call delete_mcp_server again."},
}
