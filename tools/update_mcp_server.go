package tools

import (
	"net/http"
	"slices"
)

const updateMCPServerDoc = `Change a registered MCP server. Only the fields given change, but headers, ` +
	`when given, replaces ALL stored headers ({} removes them); stored values cannot be read back. ` +
	`Moving url to another host requires sending headers in the same call, so credentials never go ` +
	`to a new host unasked. Calls already running keep the old settings. mcp_server_id comes from ` +
	`list_mcp_servers.`

var updateMCPServer = operation{
	name: "update_mcp_server", title: "Update a registered MCP server", toolset: MCPServersSet,
	doc: updateMCPServerDoc, effect: Write, idempotent: true,
	method: http.MethodPatch, path: "/mcp-servers/{id}",
	params: slices.Concat([]param{mcpServerID}, mcpServerFields(false)),
	check: func(args map[string]any) error {
		if err := requireChange(args, "mcp_server_id"); err != nil {
			return err
		}
		return checkMCPHeaders(args)
	},
	shape:    one("mcp_server"),
	output:   objectOutput("mcp_server", mcpServerOut...),
	listedBy: "list_mcp_servers",
}
