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
			wantError: true, wantText: []string{"give the key: api_key_env", "or api_key"}},
		{name: "set empty key", tool: "set_byok_key", args: map[string]any{"provider": "openai", "api_key": ""},
			wantError: true, wantText: []string{"api_key is empty"}},
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
			assert.Contains(t, tool.Tool.Description, "api_key_env (safer)")
			assert.Contains(t, tool.Tool.Description, "stays out of this conversation")
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

// byokEnv is the environment the api_key_env tests give set_byok_key.
var byokEnv = map[string]string{
	"HMS_SOVEREIGN_BYOK_OPENAI":  "sk-env-secret-123",
	"HMS_SOVEREIGN_BYOK_EMPTY":   "",
	"HMS_SOVEREIGN_BYOK_SPACED":  " sk-env-spaced ",
	"HMS_SOVEREIGN_BYOK_ALIAS":   "$OPENAI_API_KEY",
	"HMS_SOVEREIGN_API_KEY":      "fl_live_server_key",
	"AWS_SECRET_ACCESS_KEY":      "aws-secret-value",
	"PATH":                       "/usr/local/bin:/usr/bin",
	"hms_sovereign_byok_openai":  "lower-case-secret",
	"HMS_SOVEREIGN_BYOK_openai":  "mixed-case-secret",
	"HMS_SOVEREIGN_BYOK_ECHOED":  "sk-env-echoed-456",
	"HMS_SOVEREIGN_BYOK_":        "prefix-only-secret",
	"HMS_SOVEREIGN_BYOK_RESEND ": "trailing-space-secret",
}

func TestSetBYOKKeyFromTheEnvironment(t *testing.T) {
	refusedName := []string{"operator must put the key in a variable named HMS_SOVEREIGN_BYOK_<something>"}
	tests := []struct {
		name      string
		args      map[string]any
		fault     *sandbox.Fault
		wantError bool
		wantText  []string
		wantSent  string // the key the API received; "" means nothing was sent
	}{
		{name: "stored", args: map[string]any{"provider": "openai", "api_key_env": "HMS_SOVEREIGN_BYOK_OPENAI"},
			wantText: []string{`"openai":true`}, wantSent: "sk-env-secret-123"},
		{name: "the server's own key", args: map[string]any{"provider": "openai",
			"api_key_env": "HMS_SOVEREIGN_API_KEY"}, wantError: true,
			wantText: append([]string{`"HMS_SOVEREIGN_API_KEY" is not a variable this server reads`}, refusedName...)},
		{name: "PATH", args: map[string]any{"provider": "openai", "api_key_env": "PATH"}, wantError: true,
			wantText: append([]string{`"PATH"`}, refusedName...)},
		{name: "another secret", args: map[string]any{"provider": "openai", "api_key_env": "AWS_SECRET_ACCESS_KEY"},
			wantError: true, wantText: refusedName},
		{name: "lower case", args: map[string]any{"provider": "openai", "api_key_env": "hms_sovereign_byok_openai"},
			wantError: true, wantText: refusedName},
		{name: "lower-case suffix", args: map[string]any{"provider": "openai", "api_key_env": "HMS_SOVEREIGN_BYOK_openai"},
			wantError: true, wantText: refusedName},
		{name: "prefix alone", args: map[string]any{"provider": "openai", "api_key_env": "HMS_SOVEREIGN_BYOK_"},
			wantError: true, wantText: refusedName},
		{name: "trailing space", args: map[string]any{"provider": "resend", "api_key_env": "HMS_SOVEREIGN_BYOK_RESEND "},
			wantError: true, wantText: refusedName},
		{name: "empty name", args: map[string]any{"provider": "openai", "api_key_env": ""}, wantError: true,
			wantText: append([]string{`api_key_env: ""`}, refusedName...)},
		{name: "unset", args: map[string]any{"provider": "openai", "api_key_env": "HMS_SOVEREIGN_BYOK_MISSING"},
			wantError: true, wantText: []string{"api_key_env: HMS_SOVEREIGN_BYOK_MISSING is not set in this " +
				"server's environment, or is empty; the operator must set it"}},
		{name: "set but empty", args: map[string]any{"provider": "openai", "api_key_env": "HMS_SOVEREIGN_BYOK_EMPTY"},
			wantError: true, wantText: []string{"HMS_SOVEREIGN_BYOK_EMPTY is not set"}},
		{name: "spaces around the value", args: map[string]any{"provider": "openai",
			"api_key_env": "HMS_SOVEREIGN_BYOK_SPACED"}, wantError: true,
			wantText: []string{"the value of HMS_SOVEREIGN_BYOK_SPACED has spaces or a line break around it"}},
		{name: "a placeholder as the value", args: map[string]any{"provider": "openai",
			"api_key_env": "HMS_SOVEREIGN_BYOK_ALIAS"}, wantError: true,
			wantText: []string{"HMS_SOVEREIGN_BYOK_ALIAS looks like an unexpanded placeholder"}},
		{name: "both", args: map[string]any{"provider": "openai", "api_key": "sk-inline",
			"api_key_env": "HMS_SOVEREIGN_BYOK_OPENAI"}, wantError: true,
			wantText: []string{"give api_key or api_key_env, not both"}},
		{name: "neither", args: map[string]any{"provider": "openai"}, wantError: true,
			wantText: []string{"give the key: api_key_env", "(safer), or api_key"}},
		{name: "the API echoes the key", args: map[string]any{"provider": "openai",
			"api_key_env": "HMS_SOVEREIGN_BYOK_ECHOED"},
			fault: &sandbox.Fault{Method: http.MethodPost, Path: "/byok", Status: http.StatusBadRequest,
				Body: `{"error":{"code":"invalid_key","message":"key sk-env-echoed-456 was rejected by openai"}}`},
			wantError: true, wantText: []string{"key [the key in HMS_SOVEREIGN_BYOK_ECHOED] was rejected"},
			wantSent: "sk-env-echoed-456"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sb := sandbox.New(sandbox.Options{})
			if tc.fault != nil {
				sb.InjectFault(*tc.fault)
			}
			c, log := bodyClient(t, sb)
			tool := setBYOKKey.build(c, newGuard(c, Safety{Confirm: ConfirmNever, LookupEnv: fakeEnv(byokEnv)})).ServerTool

			res := callTool(t, tool, jsonArgs(t, tc.args))

			text := resultText(t, res)
			require.Equal(t, tc.wantError, res.IsError, text)
			for _, want := range tc.wantText {
				assert.Contains(t, text, want)
			}
			for name, value := range byokEnv {
				if value != "" {
					assert.NotContains(t, text, value, "the value of %s", name)
				}
			}
			if tc.wantSent == "" {
				assert.Zero(t, sb.CountRequests(http.MethodPost, "/byok"), "nothing is sent")
				return
			}
			assert.Equal(t, map[string]any{"provider": "openai", "api_key": tc.wantSent},
				log.last(t, http.MethodPost, "/byok").body, "the key is sent, the variable's name is not")
			assert.Equal(t, !tc.wantError, storedKeys(t, c)["openai"])
		})
	}
}

// fakeEnv looks names up in env, as os.LookupEnv does in the process
// environment.
func fakeEnv(env map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		v, ok := env[name]
		return v, ok
	}
}
