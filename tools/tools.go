package tools

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// structuredResult answers with v as structured content and as JSON text
// (resultJSON).
func structuredResult(v any) (*mcp.CallToolResult, error) {
	text, err := resultJSON(v)
	if err != nil {
		return nil, err // a bug: v is always one of our own types or decoded JSON
	}
	return mcp.NewToolResultStructured(v, text), nil
}

// encodeJSON is v's JSON on one line, with &, < and > as they are.
func encodeJSON(v any) (string, error) {
	var text strings.Builder
	enc := json.NewEncoder(&text)
	enc.SetEscapeHTML(false) // "Björk & Søn", not "Björk \u0026 Søn"
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(text.String(), "\n"), nil
}

// plainName is an argument name that reads clearly without quotes.
var plainName = regexp.MustCompile(`^[A-Za-z0-9_]+$`)

// RejectUnknownArguments returns middleware that refuses a call to any of
// tools whose arguments are not a JSON object or name an argument the tool
// does not declare, with an isError result that names them and lists what
// the tool takes. Schemas do not carry additionalProperties:false, which
// some model APIs reject; this enforces the same rule when a call arrives.
func RejectUnknownArguments(tools []server.ServerTool) server.ToolHandlerMiddleware {
	declared := make(map[string][]string, len(tools))
	for _, st := range tools {
		var schema struct {
			Properties map[string]json.RawMessage `json:"properties"`
		}
		_ = json.Unmarshal(st.Tool.RawInputSchema, &schema) // encoded by the tool constructors
		declared[st.Tool.Name] = slices.Sorted(maps.Keys(schema.Properties))
	}

	return func(next server.ToolHandlerFunc) server.ToolHandlerFunc {
		return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			known, ok := declared[req.Params.Name]
			if !ok {
				return next(ctx, req)
			}
			args, isObject := req.Params.Arguments.(map[string]any)
			if !isObject && req.Params.Arguments != nil {
				return mcp.NewToolResultError(fmt.Sprintf("%s: arguments must be a JSON object, e.g. {}",
					req.Params.Name)), nil
			}
			var unknown []string
			for name := range args {
				if !slices.Contains(known, name) {
					unknown = append(unknown, name)
				}
			}
			if len(unknown) == 0 {
				return next(ctx, req)
			}
			slices.Sort(unknown)
			for i, name := range unknown {
				if !plainName.MatchString(name) {
					unknown[i] = strconv.Quote(name) // an empty or odd name stays visible
				}
			}
			takes := "no arguments"
			if len(known) > 0 {
				takes = "only " + strings.Join(known, ", ")
			}
			return mcp.NewToolResultError(fmt.Sprintf("%s does not take the argument(s) %s; it takes %s",
				req.Params.Name, strings.Join(unknown, ", "), takes)), nil
		}
	}
}
