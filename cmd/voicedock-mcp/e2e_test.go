package main

import (
	"context"
	"fmt"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// builtServer is the server binary, built once per test run.
var builtServer struct {
	once sync.Once
	path string
	err  error
}

// serverBinary builds ./cmd/voicedock-mcp into a temporary directory once
// and returns its path.
func serverBinary(t *testing.T) string {
	t.Helper()
	builtServer.once.Do(func() {
		dir, err := tempDirForRun()
		if err != nil {
			builtServer.err = err
			return
		}
		builtServer.path = filepath.Join(dir, "voicedock-mcp")
		cmd := exec.Command("go", "build", "-o", builtServer.path, ".")
		if out, err := cmd.CombinedOutput(); err != nil {
			builtServer.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	require.NoError(t, builtServer.err)
	return builtServer.path
}

var listenLine = regexp.MustCompile(`MCP over (?:streamable HTTP|HTTP\+SSE) at (http://\S+)`)

// startListening starts the binary in http or sse mode on an ephemeral
// loopback port and returns the URL it printed (…/mcp or …/sse). The
// process gets SIGTERM when the test ends and must exit 0.
func startListening(t *testing.T, mode string, env []string) string {
	t.Helper()
	stderr := &syncBuffer{}
	cmd := exec.Command(serverBinary(t), mode, "--addr", "127.0.0.1:0")
	cmd.Env, cmd.Stderr = env, stderr
	require.NoError(t, cmd.Start())
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case err := <-exited:
			assert.NoError(t, err, "exit status after SIGTERM")
		case <-time.After(12 * time.Second):
			_ = cmd.Process.Kill()
			t.Errorf("%s server did not stop within 12s of SIGTERM", mode)
		}
		if t.Failed() {
			t.Logf("server stderr:\n%s", stderr)
		}
	})

	deadline := time.After(10 * time.Second)
	for {
		if m := listenLine.FindStringSubmatch(stderr.String()); m != nil {
			return m[1]
		}
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("server exited before listening (%v):\n%s", err, stderr)
		case <-deadline:
			t.Fatalf("server printed no listen address:\n%s", stderr)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// connect starts the server over transportName with env and returns an
// initialized mcp-go client speaking protocol (empty: the client's default,
// the stateless 2026-07-28 protocol).
func connect(t *testing.T, transportName, protocol string, env []string) *mcpclient.Client {
	t.Helper()
	var c *mcpclient.Client
	switch transportName {
	case "stdio":
		c = mcpclient.NewClient(transport.NewStdio(serverBinary(t), env))
	case "http":
		tr, err := transport.NewStreamableHTTP(startListening(t, "http", env))
		require.NoError(t, err)
		c = mcpclient.NewClient(tr)
	case "sse":
		tr, err := transport.NewSSE(startListening(t, "sse", env))
		require.NoError(t, err)
		c = mcpclient.NewClient(tr)
	}
	// Start binds the subprocess or stream to its context, so it gets the
	// test's; only the handshake is bounded.
	require.NoError(t, c.Start(t.Context()))
	t.Cleanup(func() { _ = c.Close() })
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()

	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = protocol
	init.Params.ClientInfo = mcp.Implementation{Name: "e2e", Version: "1"}
	_, err := c.Initialize(ctx, init)
	require.NoError(t, err)
	want := protocol
	if want == "" {
		want = mcp.LATEST_PROTOCOL_VERSION
	}
	require.Equal(t, want, c.ProtocolVersion(), "negotiated protocol")
	return c
}

// testEnv is a server environment built from scratch, so that the
// developer's own variables never leak in.
func testEnv(baseURL, key string, extra ...string) []string {
	env := []string{"PATH=/usr/bin:/bin", "HOME=/nonexistent",
		"HMS_SOVEREIGN_BASE_URL=" + baseURL, "HMS_SOVEREIGN_REQUEST_TIMEOUT=2s", "HMS_SOVEREIGN_CALL_BUDGET=3s"}
	if key != "" {
		env = append(env, "HMS_SOVEREIGN_API_KEY="+key)
	}
	return append(env, extra...)
}

func callAccount(t *testing.T, c *mcpclient.Client) *mcp.CallToolResult {
	t.Helper()
	req := mcp.CallToolRequest{}
	req.Params.Name = "get_account_information"
	req.Params.Arguments = map[string]any{}
	res, err := c.CallTool(t.Context(), req)
	require.NoError(t, err, "failures must be isError results, not protocol errors")
	return res
}

func textOf(res *mcp.CallToolResult) string {
	var parts []string
	for _, c := range res.Content {
		if tc, ok := c.(mcp.TextContent); ok {
			parts = append(parts, tc.Text)
		}
	}
	return strings.Join(parts, "\n")
}

func TestEndToEndTransports(t *testing.T) {
	api, err := sandbox.Start(sandbox.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = api.Close() })

	cases := []struct {
		name      string
		key       string
		limited   bool // a sandbox whose only request per minute is already spent
		wantError bool
		wantText  []string
	}{
		{name: "good key", key: sandbox.DemoKey, wantText: []string{"Acme Dental Group", "1234.5"}},
		{name: "bad key", key: "fl_test_not_a_key", wantError: true, wantText: []string{"rejected", "HMS_SOVEREIGN_API_KEY"}},
		{name: "expired key", key: sandbox.ExpiredKey, wantError: true, wantText: []string{"expired"}},
		{name: "forbidden key", key: sandbox.ForbiddenKey, wantError: true, wantText: []string{"no access"}},
		{name: "no key", wantError: true, wantText: []string{"HMS_SOVEREIGN_API_KEY", "Settings → API Keys"}},
		{name: "rate limited", key: sandbox.DemoKey, limited: true, wantError: true,
			wantText: []string{"rate limited", "Retry after"}},
	}
	protocols := []string{"", mcp.ProtocolVersion20251125, mcp.ProtocolVersion20250618, mcp.ProtocolVersion20250326}

	for _, tr := range []string{"stdio", "http", "sse"} {
		for _, tc := range cases {
			t.Run(tr+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				baseURL := api.URL
				if tc.limited {
					baseURL = spentSandbox(t)
				}
				c := connect(t, tr, "", testEnv(baseURL, tc.key))

				tools, err := c.ListTools(t.Context(), mcp.ListToolsRequest{})
				require.NoError(t, err)
				require.NotEmpty(t, tools.Tools)
				assert.Equal(t, "get_account_information", tools.Tools[0].Name)

				res := callAccount(t, c)
				assert.Equal(t, tc.wantError, res.IsError, textOf(res))
				for _, want := range tc.wantText {
					assert.Contains(t, textOf(res), want)
				}
				if !tc.wantError {
					assert.NotNil(t, res.StructuredContent)
				}
			})
		}
		for _, protocol := range protocols[1:] {
			t.Run(tr+"/protocol "+protocol, func(t *testing.T) {
				t.Parallel()
				c := connect(t, tr, protocol, testEnv(api.URL, sandbox.DemoKey))
				res := callAccount(t, c)
				assert.False(t, res.IsError, textOf(res))
				assert.Contains(t, textOf(res), "Acme Dental Group")
			})
		}
	}
}

// spentSandbox starts a sandbox that allows one request per minute and
// spends it, so the server's first request is answered 429.
func spentSandbox(t *testing.T) string {
	t.Helper()
	sb, err := sandbox.Start(sandbox.Options{RateLimit: 1, RateWindow: time.Minute})
	require.NoError(t, err)
	t.Cleanup(func() { _ = sb.Close() })
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, sb.URL+"/account", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+sandbox.DemoKey)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	_ = resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	return sb.URL
}
