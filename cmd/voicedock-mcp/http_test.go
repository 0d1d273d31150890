package main

import (
	"bufio"
	"net/http"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// post sends one JSON-RPC message to the streamable HTTP endpoint.
func post(t *testing.T, url, session, body string) *http.Response {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, url, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	if session != "" {
		req.Header.Set("Mcp-Session-Id", session)
		req.Header.Set("MCP-Protocol-Version", "2025-06-18")
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	t.Cleanup(func() { _ = resp.Body.Close() })
	return resp
}

func TestStreamableHTTPSessions(t *testing.T) {
	api, err := sandbox.Start(sandbox.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = api.Close() })
	url := startListening(t, "http", testEnv(api.URL, sandbox.DemoKey))
	list := `{"jsonrpc":"2.0","id":2,"method":"tools/list"}`

	init := post(t, url, "", initializeLine)
	require.Equal(t, http.StatusOK, init.StatusCode)
	session := init.Header.Get("Mcp-Session-Id")
	require.NotEmpty(t, session)

	assert.Equal(t, http.StatusOK, post(t, url, session, list).StatusCode, "live session")
	assert.Equal(t, http.StatusBadRequest, post(t, url, "", list).StatusCode, "no session header")
	assert.Equal(t, http.StatusNotFound,
		post(t, url, "mcp-session-932a4f0b-f6b0-4212-b794-a3f2bd771d25", list).StatusCode,
		"a session this process never issued, e.g. from before a restart")

	del, err := http.NewRequestWithContext(t.Context(), http.MethodDelete, url, nil)
	require.NoError(t, err)
	del.Header.Set("Mcp-Session-Id", session)
	resp, err := http.DefaultClient.Do(del)
	require.NoError(t, err)
	_ = resp.Body.Close()
	assert.Contains(t, []int{http.StatusOK, http.StatusNoContent}, resp.StatusCode)
	assert.Equal(t, http.StatusNotFound, post(t, url, session, list).StatusCode, "after DELETE")
}

// TestSIGTERMWithOpenStream checks that a client holding an event stream
// open does not keep the server from exiting.
func TestSIGTERMWithOpenStream(t *testing.T) {
	api, err := sandbox.Start(sandbox.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = api.Close() })

	for _, mode := range []string{"http", "sse"} {
		t.Run(mode, func(t *testing.T) {
			stderr := &syncBuffer{}
			cmd := exec.Command(serverBinary(t), mode, "--addr", "127.0.0.1:0")
			cmd.Env, cmd.Stderr = testEnv(api.URL, sandbox.DemoKey), stderr
			require.NoError(t, cmd.Start())
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			t.Cleanup(func() { _ = cmd.Process.Kill() })
			var url string
			require.Eventually(t, func() bool {
				m := listenLine.FindStringSubmatch(stderr.String())
				if m != nil {
					url = m[1]
				}
				return m != nil
			}, 10*time.Second, 10*time.Millisecond)

			req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
			require.NoError(t, err)
			req.Header.Set("Accept", "text/event-stream")
			if mode == "http" {
				req.Header.Set("Mcp-Session-Id", post(t, url, "", initializeLine).Header.Get("Mcp-Session-Id"))
			}
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			require.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, "no-cache", resp.Header.Get("Cache-Control"))
			if mode == "sse" {
				r := bufio.NewReader(resp.Body)
				event, err := r.ReadString('\n')
				require.NoError(t, err)
				assert.Equal(t, "event: endpoint\n", event)
				data, err := r.ReadString('\n')
				require.NoError(t, err)
				assert.True(t, strings.HasPrefix(data, "data: /message?sessionId="),
					"the endpoint must be relative, never an internal address: %q", data)
			}

			require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
			select {
			case err := <-exited:
				assert.NoError(t, err, "exit status")
			case <-time.After(shutdownGrace + 2*time.Second):
				t.Fatalf("still running %s after SIGTERM with an open stream", shutdownGrace+2*time.Second)
			}
		})
	}
}
