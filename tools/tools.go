package tools

import (
	"encoding/json"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/voicedock/voicedock-mcp/client"
)

// All returns every tool, in the order tools/list shows them.
func All(c *client.Client) []server.ServerTool {
	return []server.ServerTool{
		getAccountInformation(c),
	}
}

// structuredResult answers with v as structured content and as JSON text.
func structuredResult(v any) (*mcp.CallToolResult, error) {
	text, err := json.Marshal(v)
	if err != nil {
		return nil, err // a bug: v is always one of our own types
	}
	return mcp.NewToolResultStructured(v, string(text)), nil
}
