package tools

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/voicedock/voicedock-mcp/client"
)

// dryRunResult shows the request a dry run kept back, secrets hidden. It
// is an error result, so that nobody mistakes it for the thing done.
func dryRunResult(op operation, dry *client.DryRunError) *mcp.CallToolResult {
	var b strings.Builder
	fmt.Fprintf(&b, "DRY RUN: %s was not done and nothing was sent to the API. The operator has set "+
		"HMS_SOVEREIGN_DRY_RUN, so this server shows what it would send instead of sending it; the model "+
		"cannot change that. The request would have been:\n%s %s", op.name, dry.Method, dry.URL)
	if dry.Body != nil {
		body, _ := json.MarshalIndent(hideSecrets(dry.Body), "", "  ") // decoded arguments encode
		b.WriteString("\n" + string(body))
	}
	return mcp.NewToolResultError(b.String())
}

// hideSecrets replaces the values of secret fields, at any depth.
func hideSecrets(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, val := range x {
			if secretName(k) {
				out[k] = "(hidden)"
				continue
			}
			out[k] = hideSecrets(val)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, val := range x {
			out[i] = hideSecrets(val)
		}
		return out
	}
	return v
}
