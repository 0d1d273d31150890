package tools

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

func TestGetAccountInformation(t *testing.T) {
	tests := []struct {
		name       string
		style      sandbox.ErrorStyle
		key        string
		keyProblem string
		keySource  string
		prepare    func(*sandbox.Server)
		wantError  bool
		wantText   []string
	}{
		{name: "demo key", key: sandbox.DemoKey,
			wantText: []string{`"name":"Acme Dental Group"`, `"minutes_balance":1234.5`, `"remaining":99`}},
		{name: "rejected key", key: "fl_live_unknown", wantError: true,
			wantText: []string{"rejected", "HMS_SOVEREIGN_API_KEY", "Settings → API Keys", "Invalid or missing API key"}},
		{name: "rejected key from the alias", key: "fl_live_unknown", keySource: "VOICEDOCK_API_KEY", wantError: true,
			wantText: []string{"rejected the API key in VOICEDOCK_API_KEY"}},
		{name: "unavailable for an hour", key: sandbox.DemoKey, wantError: true,
			prepare: func(sb *sandbox.Server) {
				sb.InjectFault(sandbox.Fault{Status: 503, Header: http.Header{"Retry-After": {"3600"}}})
			},
			wantText: []string{"1 attempt (not retried)", "The API asks to retry after 1h0m0s (at 20"}},
		{name: "expired key", key: sandbox.ExpiredKey, wantError: true,
			wantText: []string{"expired", "api_key_expired", "Create a new key"}},
		{name: "expired key, nested envelope", style: sandbox.NestedErrors, key: sandbox.ExpiredKey, wantError: true,
			wantText: []string{"expired", "api_key_expired"}},
		{name: "revoked key", key: sandbox.RevokedKey, wantError: true,
			wantText: []string{"revoked", "api_key_revoked"}},
		{name: "forbidden key", key: sandbox.ForbiddenKey, wantError: true,
			wantText: []string{"no access", "HTTP 403", "Retrying will not help"}},
		{name: "no key", keyProblem: "HMS_SOVEREIGN_API_KEY is not set", wantError: true,
			wantText: []string{"HMS_SOVEREIGN_API_KEY is not set", "Settings → API Keys", "--sandbox"}},
		{name: "rate limited by the API", key: sandbox.DemoKey, wantError: true,
			prepare: func(sb *sandbox.Server) {
				sb.InjectFault(sandbox.Fault{Status: 429, Header: http.Header{"Retry-After": {"45"}},
					Body: `{"error":"Rate limit exceeded","message":"Too many requests.","retry_after":45}`})
			},
			wantText: []string{"rate limited by the API", "HTTP 429", "Retry after 45s", "100 requests per minute"}},
		{name: "rate limited without a retry time", key: sandbox.DemoKey, wantError: true,
			prepare: func(sb *sandbox.Server) {
				sb.InjectFault(sandbox.Fault{Status: 429, Body: `{"error":"Rate limit exceeded"}`})
			},
			wantText: []string{"gave no time to retry after", "Wait a minute"}},
		{name: "unavailable", key: sandbox.DemoKey, wantError: true,
			prepare: func(sb *sandbox.Server) {
				sb.InjectFault(sandbox.Fault{Status: 503, Header: http.Header{"Retry-After": {"0"}},
					Body: `{"error":"Service unavailable"}`})
			},
			wantText: []string{"unavailable", "HTTP 503", "3 attempts (retried 2 times)"}},
		{name: "not the API", key: sandbox.DemoKey, wantError: true,
			prepare:  func(sb *sandbox.Server) { sb.InjectFault(sandbox.Fault{Body: "<html>login</html>"}) },
			wantText: []string{"not what this server expects", "Check that HMS_SOVEREIGN_BASE_URL"}},
		{name: "unreachable", key: sandbox.DemoKey, wantError: true,
			prepare:  func(sb *sandbox.Server) { sb.InjectFault(sandbox.Fault{Drop: true}) },
			wantText: []string{"could not reach the VoiceDock API", "retried"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sb := sandbox.New(sandbox.Options{ErrorStyle: tc.style})
			if tc.prepare != nil {
				tc.prepare(sb)
			}
			c := newSandboxClient(t, sb, tc.key, func(o *client.Options) {
				o.KeyProblem, o.KeySource = tc.keyProblem, tc.keySource
			})

			res := callTool(t, findTool(t, c, "get_account_information"), nil)

			assert.Equal(t, tc.wantError, res.IsError, resultText(t, res))
			for _, want := range tc.wantText {
				assert.Contains(t, resultText(t, res), want)
			}
			if !tc.wantError {
				assertMatchesOutputSchema(t, findTool(t, c, "get_account_information").Tool, res)
			}
		})
	}
}

func TestGetAccountInformationHeldBackByPacing(t *testing.T) {
	sb := sandbox.New(sandbox.Options{RateLimit: 1})
	c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
	tool := findTool(t, c, "get_account_information")

	require.False(t, callTool(t, tool, nil).IsError)
	res := callTool(t, tool, nil)

	assert.True(t, res.IsError)
	assert.Contains(t, resultText(t, res), "request was not sent")
	assert.Contains(t, resultText(t, res), "Retry after")
	assert.Equal(t, 1, sb.CountRequests(http.MethodGet, "/organizations"))
}

func TestGetAccountInformationWithChildren(t *testing.T) {
	sb := sandbox.New(sandbox.Options{})
	c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
	tool := findTool(t, c, "get_account_information")
	res := callTool(t, tool, map[string]any{"include_children": "true"})
	require.False(t, res.IsError, resultText(t, res))
	assertMatchesOutputSchema(t, tool.Tool, res)
	assert.Contains(t, resultText(t, res), "Zahnarztpraxis Müller")

	res = callTool(t, tool, map[string]any{})
	assert.NotContains(t, resultText(t, res), "Zahnarztpraxis Müller", "children only when asked for")
}
