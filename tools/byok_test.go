package tools

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/client/catalog"
	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// storedKeys reads the configured view of list_byok_keys.
func storedKeys(t *testing.T, c *client.Client) map[string]any {
	t.Helper()
	return mustCall(t, c, "list_byok_keys", nil)["configured"].(map[string]any)
}

func storeBYOKKey(provider string) func(t *testing.T, c *client.Client) {
	return func(t *testing.T, c *client.Client) {
		mustCall(t, c, "set_byok_key", map[string]any{"provider": provider, "api_key": "key-of-" + provider})
	}
}

func TestBYOKTools(t *testing.T) {
	runSandboxCalls(t, []sandboxCall{
		{name: "list", tool: "list_byok_keys",
			wantText: []string{`"deepgram":true`, `"openai":false`, `"google_vertex":false`},
			notText:  []string{"vault", "secret_id"},
			after: func(t *testing.T, _ *client.Client, _ *sentLog, out map[string]any) {
				assert.Len(t, out["configured"], len(catalog.BYOKProviders), "every provider is named")
			}},
		{name: "set", tool: "set_byok_key", args: map[string]any{"provider": "openai", "api_key": "sk-test-123"},
			wantText: []string{`"success":true`, `"openai":true`, `"deepgram":true`},
			notText:  []string{"sk-test-123", "vault"},
			after: func(t *testing.T, c *client.Client, log *sentLog, _ map[string]any) {
				assert.Equal(t, map[string]any{"provider": "openai", "api_key": "sk-test-123"},
					log.last(t, http.MethodPost, "/byok").body)
				assert.Equal(t, true, storedKeys(t, c)["openai"])
			}},
		{name: "set replaces", tool: "set_byok_key", args: map[string]any{"provider": "deepgram", "api_key": "dg-new"},
			wantText: []string{`"deepgram":true`}},
		{name: "set unknown provider", tool: "set_byok_key", args: map[string]any{"provider": "anthropic", "api_key": "x"},
			wantError: true, wantText: []string{`provider: "anthropic" is not one of deepgram, openai`}},
		{name: "set without key", tool: "set_byok_key", args: map[string]any{"provider": "openai"},
			wantError: true, wantText: []string{"api_key: is required"}},
		{name: "set empty key", tool: "set_byok_key", args: map[string]any{"provider": "openai", "api_key": ""},
			wantError: true, wantText: []string{"api_key: must not be empty"}},
		{name: "delete", tool: "delete_byok_key", args: map[string]any{"provider": "deepgram"},
			wantText: []string{`"success":true`, `"deepgram":false`},
			after: func(t *testing.T, c *client.Client, log *sentLog, _ map[string]any) {
				sent := log.last(t, http.MethodDelete, "/byok")
				assert.Equal(t, map[string]any{"provider": "deepgram"}, sent.body, "DELETE carries a JSON body")
				assert.Equal(t, false, storedKeys(t, c)["deepgram"])
			}},
		{name: "delete a key never stored", tool: "delete_byok_key", args: map[string]any{"provider": "openai"},
			wantError: true, wantText: []string{"not found", "list_byok_keys"}},
		{name: "delete without provider", tool: "delete_byok_key", wantError: true,
			wantText: []string{"provider: is required"}},
		{name: "config", tool: "update_byok_config",
			args:     map[string]any{"provider": "deepgram", "config": map[string]any{"tier": "enhanced"}},
			wantText: []string{`"byok_config":{"deepgram":{"tier":"enhanced"}}`}},
		{name: "config merges", tool: "update_byok_config",
			prepare: func(t *testing.T, c *client.Client) {
				mustCall(t, c, "update_byok_config",
					map[string]any{"provider": "deepgram", "config": map[string]any{"tier": "enhanced", "region": "us"}})
			},
			args: map[string]any{"provider": "deepgram", "config": map[string]any{"region": "eu"}},
			after: func(t *testing.T, _ *client.Client, log *sentLog, out map[string]any) {
				assert.Equal(t, map[string]any{"deepgram": map[string]any{"tier": "enhanced", "region": "eu"}}, out["byok_config"])
				assert.Equal(t, map[string]any{"provider": "deepgram", "config": map[string]any{"region": "eu"}},
					log.last(t, http.MethodPost, "/byok/config").body)
			}},
		{name: "config after setting a key", tool: "update_byok_config", prepare: storeBYOKKey("openai"),
			args:     map[string]any{"provider": "openai", "config": map[string]any{"organization": "org-1"}},
			wantText: []string{`"openai":{"organization":"org-1"}`}},
		{name: "config without a key", tool: "update_byok_config",
			args: map[string]any{"provider": "openai", "config": map[string]any{"x": 1}}, wantError: true,
			wantText: []string{"No API key stored for openai"}},
		{name: "config empty", tool: "update_byok_config",
			args: map[string]any{"provider": "deepgram", "config": map[string]any{}}, wantError: true,
			wantText: []string{"config: give at least one setting"}},
		{name: "config not an object", tool: "update_byok_config",
			args: map[string]any{"provider": "deepgram", "config": "tier=enhanced"}, wantError: true,
			wantText: []string{"config: must be a JSON object"}},
	})
}

func TestSetBYOKKeyIsRealWorld(t *testing.T) {
	c := newSandboxClient(t, sandbox.New(sandbox.Options{}), sandbox.DemoKey, nil)
	for _, tool := range All(c, apiOnly) {
		if tool.Tool.Name == "set_byok_key" {
			assert.Equal(t, RealWorld, tool.Effect)
			assert.True(t, *tool.Tool.Annotations.OpenWorldHint)
			assert.Contains(t, tool.Tool.Description, "model's context")
			assert.Contains(t, tool.Tool.Description, "replacing any key already stored")
			return
		}
	}
	require.FailNow(t, "no set_byok_key")
}

func TestBYOKConfiguredKeepsUnknownProviders(t *testing.T) {
	out, err := byokConfigured(map[string]any{"byok_keys": map[string]any{"cartesia_secret_id": "v1",
		"openai_secret_id": nil}}, nil)
	require.NoError(t, err)
	got := out.(map[string]any)["configured"].(map[string]any)
	assert.Equal(t, true, got["cartesia"])
	assert.Equal(t, false, got["openai"])
	assert.NotContains(t, out, "success")
}
