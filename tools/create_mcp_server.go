package tools

import "net/http"

const createMCPServerDoc = `Register one of the organization's own MCP servers so that assistants ` +
	`can call its tools during phone calls (add {type: mcp, mcp_server_id, allowed_tools} to an ` +
	`assistant's llm_config.tools with update_assistant). headers (e.g. an API key) are stored ` +
	`encrypted and never shown again. Then run test_mcp_server to check the platform can reach it ` +
	`and see its tools. Returns the registered server with its ID.`

var createMCPServer = operation{
	name: "create_mcp_server", title: "Register an MCP server", toolset: MCPServersSet,
	doc: createMCPServerDoc, effect: Write,
	method: http.MethodPost, path: "/mcp-servers",
	params: func() []param {
		f := mcpServerFields(true)
		f[0], f[1] = f[0].req(), f[1].req()
		return f
	}(),
	check:  checkMCPHeaders,
	shape:  one("mcp_server"),
	output: objectOutput("mcp_server", mcpServerOut...),
}
