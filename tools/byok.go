package tools

import (
	"errors"
	"strings"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

// byokOperations are the byok toolset: the user's own provider API keys
// (reference section 8.10). The legacy GET /byok/config (a provider
// catalog, gone from the current API) gets no tool.
var byokOperations = []operation{
	listBYOKKeys, setBYOKKey, deleteBYOKKey, updateBYOKConfig,
}

// byokProvider is the argument naming the provider whose key or settings
// a tool handles.
var byokProvider = str("provider", "Provider the key is for, as the user names it; list_byok_keys shows "+
	"which have one. google is an AI Studio key, google_vertex a Vertex service account, resend the "+
	"e-mail sender.").oneOf(catalog.BYOKProviders...).req()

// byokOut is the output schema of the configured view: one boolean per
// known provider, true when a key is stored.
var byokOut = func() []field {
	fields := make([]field, len(catalog.BYOKProviders))
	for i, p := range catalog.BYOKProviders {
		fields[i] = field{p, "boolean"}
	}
	return fields
}()

// byokConfigured shapes an answer carrying byok_keys ({<provider>_secret_id:
// vault id or null}) into {configured: {<provider>: bool}}, plus success
// when the answer has it. The vault IDs are left out: they are opaque
// references no tool takes, and whether a key is stored is all they say.
// Providers the catalog does not know yet are kept.
func byokConfigured(body any, _ map[string]any) (any, error) {
	keys, ok := unwrap(body, "byok_keys").(map[string]any)
	if !ok {
		return nil, errors.New("the answer has no byok_keys object")
	}
	configured := make(map[string]any, len(catalog.BYOKProviders))
	for _, p := range catalog.BYOKProviders {
		configured[p] = false
	}
	for k, v := range keys {
		if p, found := strings.CutSuffix(k, "_secret_id"); found {
			configured[p] = !isEmpty(v)
		}
	}
	out := map[string]any{"configured": configured}
	if m, ok := body.(map[string]any); ok {
		if s, ok := m["success"].(bool); ok {
			out["success"] = s
		}
	}
	return out, nil
}

// byokChanged shapes the answer to storing (stored true) or removing a
// key. Answers without byok_keys ({"success":true}, or an empty 204) are
// documented too; the result then reports the one provider acted on.
func byokChanged(stored bool) shapeFunc {
	return func(body any, args map[string]any) (any, error) {
		if m, ok := body.(map[string]any); ok && m["byok_keys"] != nil {
			return byokConfigured(body, args)
		}
		if m, ok := body.(map[string]any); ok && m["success"] == false {
			return nil, errors.New("the API answered success: false")
		}
		return map[string]any{"success": true,
			"configured": map[string]any{args["provider"].(string): stored}}, nil
	}
}

// byokKeysOutput is the output schema of byokConfigured.
var byokKeysOutput = func() map[string]any {
	s := objectOutput("configured", byokOut...)
	s["properties"].(map[string]any)["success"] = map[string]any{"type": "boolean"}
	return s
}()
