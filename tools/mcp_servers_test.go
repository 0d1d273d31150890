package tools

import (
	"testing"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

func TestMCPServerTools(t *testing.T) {
	crm := map[string]any{"mcp_server_id": sandbox.MCPServerID}
	newServer := map[string]any{"name": "Stock", "url": "https://stock.shop.example/mcp",
		"headers": map[string]any{"X-Api-Key": "secret-value"}, "timeout_seconds": 30}
	runToolsetCases(t, []toolsetCase{
		{name: "list", steps: []toolStep{
			{tool: "list_mcp_servers", args: map[string]any{}, want: []string{`"CRM tools"`, `"Authorization"`,
				`"streamable_http"`, `"has_more":false`}, wantNot: []string{"Bearer sandbox"}},
			{tool: "list_mcp_servers", args: map[string]any{"limit": "many"}, wantError: true,
				want: []string{"limit"}},
		}},
		{name: "get", steps: []toolStep{
			{tool: "get_mcp_server", args: crm, want: []string{`"https://crm.acme-dental.example/mcp"`,
				`"timeout_seconds":20`}, wantNot: []string{"Bearer sandbox"}},
			{tool: "get_mcp_server", args: map[string]any{"mcp_server_id": unknownUUID}, wantError: true,
				want: []string{"list_mcp_servers"}},
		}},
		{name: "create then list", steps: []toolStep{
			{tool: "create_mcp_server", args: newServer, want: []string{`"name":"Stock"`, `"X-Api-Key"`,
				`"timeout_seconds":30`}, wantNot: []string{"secret-value"}, save: "mcp_server"},
			{tool: "list_mcp_servers", args: map[string]any{}, want: []string{`"Stock"`, `"total":2`}},
			{tool: "create_mcp_server", args: newServer, wantError: true, want: []string{"409", "Stock"}},
		}},
		{name: "create refuses", steps: []toolStep{
			{tool: "create_mcp_server", args: map[string]any{"name": "X", "url": "http://stock.shop.example/mcp"},
				wantError: true, want: []string{"url", "https://"}},
			{tool: "create_mcp_server", args: map[string]any{"name": "X", "url": "https://user:pw@stock.shop.example/"},
				wantError: true, want: []string{"url", "credentials"}},
			{tool: "create_mcp_server", args: map[string]any{"name": "X", "url": "https://a.example",
				"timeout_seconds": 90}, wantError: true, want: []string{"timeout_seconds", "60"}},
			{tool: "create_mcp_server", args: map[string]any{"name": "X", "url": "https://a.example",
				"transport": "websocket"}, wantError: true, want: []string{"transport", "streamable_http"}},
			{tool: "create_mcp_server", args: map[string]any{"name": "X", "url": "https://a.example",
				"headers": map[string]any{"X-Retries": 3}}, wantError: true, want: []string{"headers.X-Retries"}},
			{tool: "create_mcp_server", args: map[string]any{"name": "X", "url": "https://a.example",
				"headers": elevenHeaders()}, wantError: true, want: []string{"headers", "at most 10"}},
			{tool: "list_mcp_servers", args: map[string]any{}, want: []string{`"total":1`}},
		}},
		{name: "update then read back", steps: []toolStep{
			{tool: "update_mcp_server", args: map[string]any{"mcp_server_id": sandbox.MCPServerID,
				"timeout_seconds": 45, "headers": map[string]any{"X-Api-Key": "k"}},
				want: []string{`"timeout_seconds":45`, `"X-Api-Key"`}, wantNot: []string{"Authorization"}},
			{tool: "get_mcp_server", args: crm, want: []string{`"timeout_seconds":45`, `"X-Api-Key"`}},
			{tool: "update_mcp_server", args: map[string]any{"mcp_server_id": sandbox.MCPServerID,
				"url": "https://other.example/mcp"}, wantError: true, want: []string{"headers"}},
			{tool: "update_mcp_server", args: crm, wantError: true, want: []string{"nothing to change"}},
			{tool: "update_mcp_server", args: map[string]any{"mcp_server_id": unknownUUID, "name": "X"},
				wantError: true, want: []string{"list_mcp_servers"}},
		}},
		{name: "test reachable and unreachable", steps: []toolStep{
			{tool: "test_mcp_server", args: crm, want: []string{`"ok":true`, `"tool_count":`, `"tools":`},
				wantNot: []string{"next_step"}},
			{tool: "create_mcp_server", args: map[string]any{"name": "Far away", "url": "https://mcp.far-away.org/mcp"},
				save: "mcp_server"},
			{tool: "test_mcp_server", args: map[string]any{"mcp_server_id": "$mcp_server"},
				want: []string{`"ok":false`, `"error":`, "update_mcp_server"}},
			{tool: "test_mcp_server", args: map[string]any{"mcp_server_id": unknownUUID}, wantError: true,
				want: []string{"list_mcp_servers"}},
			{tool: "test_mcp_server", args: map[string]any{"mcp_server_id": sandbox.MCPServerID, "headers": "x"},
				wantError: true, want: []string{"headers"}},
		}},
		{name: "delete in use says how to detach", steps: []toolStep{
			{tool: "delete_mcp_server", args: crm, wantError: true,
				want: []string{"409", "update_assistant", "llm_config.tools"}},
			{tool: "get_mcp_server", args: crm, want: []string{`"CRM tools"`}},
		}},
		{name: "delete then gone", steps: []toolStep{
			{tool: "create_mcp_server", args: newServer, save: "mcp_server"},
			{tool: "delete_mcp_server", args: map[string]any{"mcp_server_id": "$mcp_server"},
				want: []string{`"success":true`}},
			{tool: "list_mcp_servers", args: map[string]any{}, wantNot: []string{`"Stock"`}},
			{tool: "delete_mcp_server", args: map[string]any{"mcp_server_id": unknownUUID}, wantError: true,
				want: []string{"list_mcp_servers"}},
		}},
	})
}

func elevenHeaders() map[string]any {
	h := map[string]any{}
	for _, k := range []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"} {
		h["X-"+k] = "v"
	}
	return h
}
