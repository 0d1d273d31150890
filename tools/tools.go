package tools

import (
	"encoding/json"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/voicedock/voicedock-mcp/client"
)

// All returns every tool, in the order tools/list shows them.
func All(c *client.Client) []server.ServerTool {
	all := []server.ServerTool{
		getAccountInformation(c),
	}
	for i := range all {
		all[i].Tool = withPortableInputSchema(all[i].Tool)
	}
	return all
}

// withPortableInputSchema fixes the input schema as mcp-go would send it so
// that every client accepts it: "properties" always present, and
// "required" left out rather than sent as an empty list.
func withPortableInputSchema(t mcp.Tool) mcp.Tool {
	if t.RawInputSchema != nil {
		return t
	}
	schema := t.InputSchema
	if schema.Properties == nil {
		schema.Properties = map[string]any{}
	}
	raw, err := json.Marshal(schema)
	if err != nil {
		panic("tools: input schema of " + t.Name + " does not encode: " + err.Error()) // a bug in a constructor
	}
	var fields map[string]any
	_ = json.Unmarshal(raw, &fields) // raw was just encoded from a struct
	if required, ok := fields["required"].([]any); ok && len(required) == 0 {
		delete(fields, "required")
	}
	t.RawInputSchema, _ = json.Marshal(fields)
	t.InputSchema = mcp.ToolInputSchema{}
	return t
}

// structuredResult answers with v as structured content and as JSON text.
func structuredResult(v any) (*mcp.CallToolResult, error) {
	text, err := json.Marshal(v)
	if err != nil {
		return nil, err // a bug: v is always one of our own types
	}
	return mcp.NewToolResultStructured(v, string(text)), nil
}
