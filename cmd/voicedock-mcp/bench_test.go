package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/client/sandbox"
	"github.com/voicedock/voicedock-mcp/tools"
)

// benchRateLimit is the request budget per minute of the benchmark sandbox
// and client: high enough that neither ever paces or refuses a request.
const benchRateLimit = 1 << 30

// benchToolCall is the tools/call request BenchmarkToolCallInProcess sends.
var benchToolCall = json.RawMessage(
	`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_account_information","arguments":{}}}`)

// benchSandbox is the one sandbox every benchmark of this package talks
// to, started by the first benchmark that needs it. It is never closed:
// it serves on a loopback port until the test binary exits, and closing it
// would need a TestMain, which this package's tests may want for
// themselves.
var benchSandbox struct {
	once sync.Once
	sb   *sandbox.Running
	err  error
}

// startBenchSandbox returns the shared sandbox, starting it on first use.
func startBenchSandbox(b *testing.B) *sandbox.Running {
	b.Helper()
	benchSandbox.once.Do(func() {
		benchSandbox.sb, benchSandbox.err = sandbox.Start(sandbox.Options{
			RateLimit: benchRateLimit, RateWindow: time.Minute,
		})
	})
	if benchSandbox.err != nil {
		b.Fatalf("start sandbox: %v", benchSandbox.err)
	}
	return benchSandbox.sb
}

// newBenchClient returns an API client for the shared sandbox, configured
// as the server configures it except for the rate limit.
func newBenchClient(b *testing.B) *client.Client {
	b.Helper()
	api, err := client.New(client.Options{
		BaseURL: startBenchSandbox(b).URL, APIKey: sandbox.DemoKey, RateLimit: benchRateLimit,
	})
	if err != nil {
		b.Fatal(err)
	}
	return api
}

// BenchmarkToolCallInProcess measures one tools/call get_account_information
// through the server as the stdio transport runs it: the JSON-RPC request
// handled by the MCP server built by newMCPServer, the API call to the
// sandbox, and the response encoded to JSON. What the stdio transport adds,
// the pipes and mcp-go's StdioServer dispatch, is left out; scripts/perf
// measures the whole round trip over a real process's stdio.
func BenchmarkToolCallInProcess(b *testing.B) {
	api := newBenchClient(b)
	// Logging as with HMS_SOVEREIGN_LOG_LEVEL=error: handlers exist but
	// Info lines are dropped before formatting.
	logger := slog.New(slog.NewJSONHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelError}))
	srv := newMCPServer(api, tools.Selection{}, tools.Safety{}, logger, &inflight{})
	ctx := context.Background()

	// One call outside the timer checks the path works and opens the
	// keep-alive connection to the sandbox.
	checkToolCallResponse(b, srv.HandleMessage(ctx, benchToolCall))

	b.ReportAllocs()
	for b.Loop() {
		resp := srv.HandleMessage(ctx, benchToolCall)
		if _, err := json.Marshal(resp); err != nil {
			b.Fatal(err)
		}
	}
}

// checkToolCallResponse fails b unless resp is a successful tool result.
func checkToolCallResponse(b *testing.B, resp mcp.JSONRPCMessage) {
	b.Helper()
	ok, isResponse := resp.(mcp.JSONRPCResponse)
	if !isResponse {
		b.Fatalf("tools/call answered %T, want a result: %+v", resp, resp)
	}
	result, isToolResult := ok.Result.(*mcp.CallToolResult)
	if !isToolResult {
		b.Fatalf("tools/call result is %T, want *mcp.CallToolResult", ok.Result)
	}
	if result.IsError {
		b.Fatalf("get_account_information answered an error: %+v", result.Content)
	}
}

// BenchmarkDirectGET measures a plain GET /organizations (what get_account_information asks) to the same sandbox
// with the same key over a keep-alive connection: the floor the tool call
// is compared against.
func BenchmarkDirectGET(b *testing.B) {
	sb := startBenchSandbox(b)
	httpClient := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	defer httpClient.CloseIdleConnections()
	req, err := http.NewRequest(http.MethodGet, sb.URL+"/organizations", nil)
	if err != nil {
		b.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+sandbox.DemoKey)
	req.Header.Set("Accept", "application/json")

	get := func() {
		resp, err := httpClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil {
			b.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("GET /organizations answered %s", resp.Status)
		}
	}

	get() // opens the keep-alive connection outside the timer
	b.ReportAllocs()
	for b.Loop() {
		get()
	}
}

// BenchmarkClientAccount measures the API client's Account call alone, the
// part of BenchmarkToolCallInProcess below the MCP layer: what lies
// between the two is MCP decoding, dispatch and encoding, and what lies
// between this and BenchmarkDirectGET is the client's pacing, retry
// wrapper and JSON decoding.
func BenchmarkClientAccount(b *testing.B) {
	api := newBenchClient(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := api.Account(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
