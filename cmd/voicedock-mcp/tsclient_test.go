package main

import (
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// TestTypeScriptClient drives the real server binary with the official
// TypeScript MCP SDK client (e2e/tsclient/client.mjs), over stdio and over
// streamable HTTP, against an in-process sandbox API. It needs node and
// `npm ci --prefix e2e/tsclient`; without them it skips, unless
// VOICEDOCK_REQUIRE_TS_E2E=1 makes it fail instead.
func TestTypeScriptClient(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..")) // cmd/voicedock-mcp → repository root
	require.NoError(t, err)
	require.FileExists(t, filepath.Join(root, "go.mod"), "the test must run from cmd/voicedock-mcp")
	tsDir := filepath.Join(root, "e2e", "tsclient")
	node := requireTSClient(t, tsDir)

	bin := serverBinary(t)
	api := startSandbox(t, sandbox.Options{})

	type testCase struct {
		name string
		key  string // "" leaves every key variable unset
		// baseURL returns the API the server talks to; nil means api.
		baseURL func(t *testing.T) string
		check   func(t *testing.T, res toolResult)
	}
	wantError := func(parts ...string) func(*testing.T, toolResult) {
		return func(t *testing.T, res toolResult) {
			t.Logf("tool error text: %s", res.text())
			assert.True(t, res.IsError, "isError; result: %+v", res)
			for _, part := range parts {
				assert.Contains(t, res.text(), part)
			}
		}
	}
	cases := []testCase{
		{name: "good key", key: sandbox.DemoKey, check: func(t *testing.T, res toolResult) {
			require.False(t, res.IsError, "isError; text: %s", res.text())
			require.NotNil(t, res.StructuredContent, "structuredContent")
			assert.Equal(t, "Acme Dental Group", res.StructuredContent["name"])
			assert.InDelta(t, 1234.5, res.StructuredContent["minutes_balance"], 1e-9)
			assert.Contains(t, res.StructuredContent, "rate_limit")
			// The text content carries the same JSON, for clients that read
			// only text.
			structured, err := json.Marshal(res.StructuredContent)
			require.NoError(t, err)
			assert.JSONEq(t, string(structured), res.text())
		}},
		{name: "bad key", key: "fl_test_not_a_key", check: wantError("rejected", "HMS_SOVEREIGN_API_KEY")},
		{name: "expired key", key: sandbox.ExpiredKey, check: wantError("expired")},
		{name: "forbidden key", key: sandbox.ForbiddenKey, check: wantError("no access")},
		{name: "no key", check: wantError("HMS_SOVEREIGN_API_KEY", "Settings → API Keys")},
		{
			name: "rate limited", key: sandbox.DemoKey,
			// A sandbox of its own with one request a minute, spent here, so
			// the server's call is answered 429 with a Retry-After of about
			// 60s: more than its 3s call budget, so it must give up at once.
			baseURL: func(t *testing.T) string {
				limited := spentSandbox(t)
				t.Cleanup(func() {
					assert.Positive(t, count429(limited.Requests()), "the sandbox never answered 429")
				})
				return limited.URL
			},
			check: wantError("rate limited", "Retry after"),
		},
	}

	for _, transport := range []string{"stdio", "http"} {
		t.Run(transport, func(t *testing.T) {
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					baseURL := api.URL
					if tc.baseURL != nil {
						baseURL = tc.baseURL(t)
					}
					env := testEnv(baseURL, tc.key)

					var args []string
					if transport == "stdio" {
						args = []string{"stdio", bin, "stdio"}
					} else {
						args = []string{"http", startListening(t, "http", env)}
					}
					got := runTSClient(t, node, tsDir, env, args...)

					assert.NotEmpty(t, got.ProtocolVersion, "negotiated protocol version")
					t.Logf("negotiated protocol version over %s: %s", transport, got.ProtocolVersion)
					assert.Contains(t, got.Tools, "get_account_information")
					tc.check(t, got.Result)
				})
			}
		})
	}
}

// requireTSClient returns the path of node, or skips (fails, with
// VOICEDOCK_REQUIRE_TS_E2E=1) when node or the SDK is not installed.
func requireTSClient(t *testing.T, tsDir string) string {
	t.Helper()
	missing := func(what string) {
		const fix = "install node and run `npm ci --prefix e2e/tsclient`"
		if os.Getenv("VOICEDOCK_REQUIRE_TS_E2E") == "1" {
			t.Fatalf("%s, and VOICEDOCK_REQUIRE_TS_E2E=1 requires this test: %s", what, fix)
		}
		t.Skipf("skipping the TypeScript SDK end-to-end test: %s; to run it, %s", what, fix)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not on PATH")
	}
	if _, err := os.Stat(filepath.Join(tsDir, "node_modules", "@modelcontextprotocol", "sdk")); err != nil {
		missing("e2e/tsclient/node_modules is missing")
	}
	return node
}

func count429(reqs []sandbox.Request) int {
	n := 0
	for _, r := range reqs {
		if r.Status == http.StatusTooManyRequests {
			n++
		}
	}
	return n
}

// tsOutput is the one JSON line client.mjs prints.
type tsOutput struct {
	ProtocolVersion string     `json:"protocolVersion"`
	Tools           []string   `json:"tools"`
	Result          toolResult `json:"result"`
	Error           string     `json:"error"`
}

// toolResult is the CallToolResult as the SDK returned it.
type toolResult struct {
	IsError bool `json:"isError"`
	Content []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	} `json:"content"`
	StructuredContent map[string]any `json:"structuredContent"`
}

// text joins the result's text content.
func (r toolResult) text() string {
	var parts []string
	for _, c := range r.Content {
		if c.Type == "text" {
			parts = append(parts, c.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// runTSClient runs client.mjs with args and env and returns its output,
// failing the test on a protocol-level failure.
func runTSClient(t *testing.T, node, tsDir string, env []string, args ...string) tsOutput {
	t.Helper()
	var got tsOutput
	_, err := runNodeScript(t, node, tsDir, env, nil, &got, "client.mjs", args...)
	require.Empty(t, got.Error, "protocol-level failure reported by the TypeScript SDK client")
	require.NoError(t, err, "running client.mjs")
	return got
}
