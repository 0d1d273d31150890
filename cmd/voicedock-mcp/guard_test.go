package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

func TestHostGuard(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	tests := []struct {
		name       string
		hosts      []string
		origins    []string
		host       string
		origin     string
		wantStatus int
		wantText   string
	}{
		{name: "command-line client", host: "localhost:8080", wantStatus: 200},
		{name: "loopback IP", host: "127.0.0.1:8080", wantStatus: 200},
		{name: "loopback IPv6", host: "[::1]:8080", wantStatus: 200},
		{name: "rebound name", host: "evil.example:8080", wantStatus: 403, wantText: "HMS_SOVEREIGN_ALLOWED_HOSTS"},
		{name: "evil origin", host: "127.0.0.1:8080", origin: "https://evil.example", wantStatus: 403,
			wantText: "HMS_SOVEREIGN_ALLOWED_ORIGINS"},
		{name: "null origin", host: "127.0.0.1:8080", origin: "null", wantStatus: 403},
		{name: "local origin", host: "127.0.0.1:8080", origin: "http://localhost:6274", wantStatus: 200},
		{name: "proxy host without setting", host: "mcp.corp.example", wantStatus: 403,
			wantText: "HMS_SOVEREIGN_ALLOWED_HOSTS"},
		{name: "proxy host with setting", hosts: []string{"mcp.corp.example"}, host: "mcp.corp.example",
			wantStatus: 200},
		{name: "proxy host and its origin", hosts: []string{"mcp.corp.example"}, host: "mcp.corp.example",
			origin: "https://mcp.corp.example", wantStatus: 200},
		{name: "allowed origin", origins: []string{"https://app.example/"}, host: "127.0.0.1:8080",
			origin: "https://APP.example", wantStatus: 200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := newHostGuard(ok, tc.hosts, tc.origins)
			req := httptest.NewRequest(http.MethodPost, "/mcp", strings.NewReader("{}"))
			req.Host = tc.host
			if tc.origin != "" {
				req.Header.Set("Origin", tc.origin)
			}
			rec := httptest.NewRecorder()

			g.ServeHTTP(rec, req)

			assert.Equal(t, tc.wantStatus, rec.Code)
			assert.Contains(t, rec.Body.String(), tc.wantText)
		})
	}
}

// TestHTTPModesRefuseForeignPages checks the guard in front of both HTTP
// transports of the real binary, before any MCP session exists.
func TestHTTPModesRefuseForeignPages(t *testing.T) {
	api, err := sandbox.Start(sandbox.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = api.Close() })
	initialize := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",` +
		`"capabilities":{},"clientInfo":{"name":"t","version":"1"}}}`

	for _, mode := range []string{"http", "sse"} {
		t.Run(mode, func(t *testing.T) {
			endpoint := startListening(t, mode, testEnv(api.URL, sandbox.DemoKey))
			for _, tc := range []struct{ name, host, origin string }{
				{name: "evil origin", origin: "https://evil.example"},
				{name: "evil host", host: "evil.example:8080"},
			} {
				method, body := http.MethodPost, io.Reader(strings.NewReader(initialize))
				if mode == "sse" {
					method, body = http.MethodGet, nil
				}
				req, err := http.NewRequestWithContext(t.Context(), method, endpoint, body)
				require.NoError(t, err)
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Accept", "application/json, text/event-stream")
				if tc.host != "" {
					req.Host = tc.host
				}
				if tc.origin != "" {
					req.Header.Set("Origin", tc.origin)
				}
				resp, err := http.DefaultClient.Do(req)
				require.NoError(t, err)
				_ = resp.Body.Close()
				assert.Equal(t, http.StatusForbidden, resp.StatusCode, tc.name)
				assert.Empty(t, resp.Header.Get("Mcp-Session-Id"), "no session for a refused request")
			}
		})
	}
}
