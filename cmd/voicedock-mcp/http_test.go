package main

import (
	"bufio"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
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
	api := startSandbox(t, sandbox.Options{})
	url := startListening(t, "http", testEnv(api.URL, sandbox.DemoKey))
	list := `{"jsonrpc":"2.0","id":2,"method":"tools/list"}`

	init := post(t, url, "", initializeLine)
	require.Equal(t, http.StatusOK, init.StatusCode)
	session := init.Header.Get("Mcp-Session-Id")
	require.NotEmpty(t, session)

	assert.Equal(t, http.StatusOK, post(t, url, session, list).StatusCode, "live session")
	assert.Equal(t, http.StatusBadRequest, post(t, url, "", list).StatusCode, "no session header")
	assert.Equal(t, http.StatusBadRequest, post(t, url, "", `{"jsonrpc":"2.0","id":3,"method":"tools/list",`+
		`"params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2025-11-25"}}}`).StatusCode,
		"no session header, with a version from before stateless requests")
	assert.Equal(t, http.StatusNotFound,
		post(t, url, "mcp-session-932a4f0b-f6b0-4212-b794-a3f2bd771d25", list).StatusCode,
		"a session this process never issued, e.g. from before a restart")

	for i := range 2 { // a client reopening its stream at once must not be refused
		assert.Equal(t, http.StatusOK, send(t, http.MethodGet, url, session), "GET stream, opening %d", i+1)
	}
	stale := "mcp-session-932a4f0b-f6b0-4212-b794-a3f2bd771d25"
	assert.Equal(t, http.StatusBadRequest, send(t, http.MethodGet, url, ""), "GET without a session")
	assert.Equal(t, http.StatusNotFound, send(t, http.MethodGet, url, stale), "GET with an unknown session")
	assert.Equal(t, http.StatusNotFound, send(t, http.MethodDelete, url, stale), "DELETE of an unknown session")

	assert.Contains(t, []int{http.StatusOK, http.StatusNoContent}, send(t, http.MethodDelete, url, session))
	assert.Equal(t, http.StatusNotFound, post(t, url, session, list).StatusCode, "after DELETE")
	assert.Equal(t, http.StatusNotFound, send(t, http.MethodGet, url, session), "GET after DELETE")
	assert.Equal(t, http.StatusNotFound, send(t, http.MethodDelete, url, session), "DELETE after DELETE")
}

// send makes a GET or DELETE on the endpoint with session (if any) and
// returns the status; an open stream is closed at once.
func send(t *testing.T, method, url, session string) int {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, nil)
	require.NoError(t, err)
	req.Header.Set("Accept", "text/event-stream")
	if session != "" {
		req.Header.Set("Mcp-Session-Id", session)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	_ = resp.Body.Close()
	return resp.StatusCode
}

// TestSIGTERMWithOpenStream checks that a client holding an event stream
// open does not keep the server from exiting.
func TestSIGTERMWithOpenStream(t *testing.T) {
	api := startSandbox(t, sandbox.Options{})

	for _, mode := range []string{"http", "sse"} {
		t.Run(mode, func(t *testing.T) {
			proc := startServer(t, mode, testEnv(api.URL, sandbox.DemoKey))
			url := proc.URL

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

			assert.NoError(t, proc.terminate(t, shutdownGrace+2*time.Second), "exit status with an open stream")
		})
	}
}

// TestSIGTERMLetsCallsInFlightFinish checks that a tool call under way when
// SIGTERM arrives still delivers its result, over both HTTP transports.
func TestSIGTERMLetsCallsInFlightFinish(t *testing.T) {
	api := startSandbox(t, sandbox.Options{})
	api.InjectFault(sandbox.Fault{Path: "/organizations", Delay: 1500 * time.Millisecond,
		Body: `{"id":"o1","name":"Slow Org","minutes_balance":1}`})

	for _, mode := range []string{"http", "sse"} {
		t.Run(mode, func(t *testing.T) {
			proc := startServer(t, mode, testEnv(api.URL, sandbox.DemoKey))
			url := proc.URL

			var tr transport.Interface
			var err error
			if mode == "http" {
				tr, err = transport.NewStreamableHTTP(url)
			} else {
				tr, err = transport.NewSSE(url)
			}
			require.NoError(t, err)
			c := mcpclient.NewClient(tr)
			require.NoError(t, c.Start(t.Context()))
			t.Cleanup(func() { _ = c.Close() })
			init := mcp.InitializeRequest{}
			init.Params.ProtocolVersion = mcp.ProtocolVersion20250618
			_, err = c.Initialize(t.Context(), init)
			require.NoError(t, err)

			result := make(chan *mcp.CallToolResult, 1)
			go func() {
				req := mcp.CallToolRequest{}
				req.Params.Name = "get_account_information"
				res, err := c.CallTool(t.Context(), req)
				assert.NoError(t, err)
				result <- res
			}()
			time.Sleep(500 * time.Millisecond) // the call now waits on the API, which answers after 1.5 s
			require.Empty(t, result, "the call should still be in flight when SIGTERM arrives")
			proc.sigterm(t)

			select {
			case res := <-result:
				require.NotNil(t, res)
				assert.False(t, res.IsError, textOf(res))
				assert.Contains(t, textOf(res), "Slow Org")
			case <-time.After(shutdownGrace):
				t.Fatal("the call in flight got no result after SIGTERM")
			}
			assert.NoError(t, proc.waitExit(t, shutdownGrace+2*time.Second), "exit status")
		})
	}
}

// TestSIGTERMCancelsCallsThatWouldOutlastTheGrace checks that a call still
// waiting on the API near the end of the shutdown grace is canceled and
// delivers that result, saying the call may have been placed, rather than
// having its connection cut with no answer.
func TestSIGTERMCancelsCallsThatWouldOutlastTheGrace(t *testing.T) {
	api := startSandbox(t, sandbox.Options{})
	api.InjectFault(sandbox.Fault{Method: http.MethodPost, Path: "/calls/outbound", Delay: time.Minute})
	proc := startServer(t, "http", testEnv(api.URL, sandbox.DemoKey,
		"HMS_SOVEREIGN_REQUEST_TIMEOUT=40s", "HMS_SOVEREIGN_CALL_BUDGET=50s",
		"HMS_SOVEREIGN_CONFIRM=never")) // this test is about shutdown; confirmations have their own
	tr, err := transport.NewStreamableHTTP(proc.URL)
	require.NoError(t, err)
	c := mcpclient.NewClient(tr)
	require.NoError(t, c.Start(t.Context()))
	t.Cleanup(func() { _ = c.Close() })
	_, err = c.Initialize(t.Context(), mcp.InitializeRequest{})
	require.NoError(t, err)

	result := make(chan *mcp.CallToolResult, 1)
	go func() {
		req := mcp.CallToolRequest{}
		req.Params.Name = "place_outbound_call"
		req.Params.Arguments = map[string]any{"destination": "+31612345678", "assistant_id": sandbox.FrontDeskAssistantID}
		res, err := c.CallTool(t.Context(), req)
		assert.NoError(t, err)
		result <- res
	}()
	time.Sleep(time.Second) // the call now waits on the API, which answers after a minute
	require.Empty(t, result, "the call should still be in flight when SIGTERM arrives")
	proc.sigterm(t)

	select {
	case res := <-result:
		require.NotNil(t, res)
		assert.True(t, res.IsError)
		assert.Contains(t, textOf(res), "may have reached the API and taken effect")
	case <-time.After(shutdownGrace + 5*time.Second):
		t.Fatal("the call in flight got no result after SIGTERM")
	}
	assert.NoError(t, proc.waitExit(t, shutdownGrace+2*time.Second), "exit status")
}

func TestSSEEndpointBehindAProxyPrefix(t *testing.T) {
	api := startSandbox(t, sandbox.Options{})
	url := startListening(t, "sse", testEnv(api.URL, sandbox.DemoKey,
		"HMS_SOVEREIGN_PUBLIC_URL=https://mcp.example.test/voicedock/"))

	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, "the route stays at /sse; the proxy strips the prefix")
	r := bufio.NewReader(resp.Body)
	_, err = r.ReadString('\n')
	require.NoError(t, err)
	data, err := r.ReadString('\n')
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(data, "data: /voicedock/message?sessionId="), data)
}

func TestOversizedRequestBodyRefused(t *testing.T) {
	api := startSandbox(t, sandbox.Options{})
	url := startListening(t, "http", testEnv(api.URL, sandbox.DemoKey))

	body := `{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":"` + strings.Repeat("x", 5<<20) + `"}}`
	resp := post(t, url, "", body)

	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
}

// TestSessionsShareOneRateBudget: three MCP sessions on one HTTP server
// fire 40 calls each at once against an API allowing 60 requests a
// minute. The API never answers 429 and never sees more than its limit;
// calls that do not fit are refused unsent, each with a retry time.
func TestSessionsShareOneRateBudget(t *testing.T) {
	api := startSandbox(t, sandbox.Options{RateLimit: 60, RateWindow: time.Minute})
	url := startListening(t, "http", testEnv(api.URL, sandbox.DemoKey, "HMS_SOVEREIGN_RATE_LIMIT=60"))

	var wg sync.WaitGroup
	var ok, heldBack, other atomic.Int32
	for range 3 {
		tr, err := transport.NewStreamableHTTP(url)
		require.NoError(t, err)
		c := mcpclient.NewClient(tr)
		require.NoError(t, c.Start(t.Context()))
		t.Cleanup(func() { _ = c.Close() })
		_, err = c.Initialize(t.Context(), mcp.InitializeRequest{})
		require.NoError(t, err)
		for range 40 {
			wg.Go(func() {
				req := mcp.CallToolRequest{}
				req.Params.Name, req.Params.Arguments = "list_calls", map[string]any{"limit": 1}
				res, err := c.CallTool(t.Context(), req)
				switch {
				case err != nil:
					other.Add(1)
				case !res.IsError:
					ok.Add(1)
				case strings.Contains(textOf(res), "was not sent") && strings.Contains(textOf(res), "Retry after"):
					heldBack.Add(1)
				default:
					other.Add(1)
					t.Logf("unexpected result: %s", textOf(res))
				}
			})
		}
	}
	wg.Wait()

	assert.Zero(t, count429(api.Requests()), "the API never had to refuse")
	assert.LessOrEqual(t, len(api.Requests()), 60, "no window holds more than the limit")
	assert.Positive(t, ok.Load())
	assert.Positive(t, heldBack.Load(), "what does not fit is held back")
	assert.Zero(t, other.Load())
	assert.EqualValues(t, 120, ok.Load()+heldBack.Load())
}
