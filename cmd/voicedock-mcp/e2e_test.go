package main

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

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
	api := startSandbox(t, sandbox.Options{})

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
					baseURL = spentSandbox(t).URL
				}
				c := connect(t, tr, "", testEnv(baseURL, tc.key))

				tools, err := c.ListTools(t.Context(), mcp.ListToolsRequest{})
				require.NoError(t, err)
				names := make([]string, len(tools.Tools))
				for i, tool := range tools.Tools {
					names[i] = tool.Name
				}
				assert.Contains(t, names, "get_account_information")
				assert.Contains(t, names, "place_outbound_call", "the default toolsets include calls")
				assert.NotContains(t, names, "list_campaigns", "campaigns are off by default")
				assert.True(t, slices.IsSorted(names), "tools/list is in a stable order: %v", names)

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
