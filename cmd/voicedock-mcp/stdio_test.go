package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// stdioSession runs the binary over stdio with env, writes input, reads
// stdout until want responses (messages with an id) arrived, then closes
// stdin and waits for the exit. It returns stdout lines, stderr and the
// exit error.
func stdioSession(t *testing.T, env []string, input string, want int) ([]string, string, error) {
	t.Helper()
	cmd := exec.Command(serverBinary(t))
	var stderr syncBuffer
	cmd.Env, cmd.Stderr = env, &stderr
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())

	_, err = io.WriteString(stdin, input)
	require.NoError(t, err)

	lines := make(chan string)
	go func() {
		defer close(lines)
		r := bufio.NewReader(stdout)
		for {
			line, err := r.ReadString('\n')
			if line != "" {
				lines <- line
			}
			if err != nil {
				return
			}
		}
	}()

	var got []string
	responses := 0
	timeout := time.After(15 * time.Second)
	for responses < want {
		select {
		case line, ok := <-lines:
			require.True(t, ok, "stdout closed early; stderr:\n%s", stderr.String())
			got = append(got, line)
			if strings.Contains(line, `"id"`) {
				responses++
			}
		case <-timeout:
			t.Fatalf("got %d of %d responses; stdout so far: %q; stderr:\n%s", responses, want, got, stderr.String())
		}
	}
	require.NoError(t, stdin.Close())
	for line := range lines {
		got = append(got, line)
	}
	return got, stderr.String(), cmd.Wait()
}

const (
	initializeLine  = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}`
	initializedLine = `{"jsonrpc":"2.0","method":"notifications/initialized"}`
	listLine        = `{"jsonrpc":"2.0","id":2,"method":"tools/list"}`
	callLine        = `{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_account_information","arguments":{}}}`
)

// assertJSONRPCLines checks that every stdout line is exactly one JSON-RPC
// 2.0 object ending in a bare newline.
func assertJSONRPCLines(t *testing.T, lines []string) {
	t.Helper()
	for _, line := range lines {
		require.True(t, strings.HasSuffix(line, "\n"), "line without newline: %q", line)
		assert.False(t, strings.HasSuffix(line, "\r\n"), "CRLF on stdout: %q", line)
		var msg map[string]any
		dec := json.NewDecoder(strings.NewReader(line))
		require.NoError(t, dec.Decode(&msg), "not JSON: %q", line)
		assert.False(t, dec.More(), "more than one message on a line: %q", line)
		assert.Equal(t, "2.0", msg["jsonrpc"], "not JSON-RPC 2.0: %q", line)
	}
}

func TestStdioCarriesOnlyJSONRPC(t *testing.T) {
	const key = "fl_test_CANARY_7f3a"
	api, err := sandbox.Start(sandbox.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = api.Close() })

	tests := []struct {
		name     string
		env      []string
		wantText string
	}{
		{name: "rejected key", env: testEnv(api.URL, key, "HMS_SOVEREIGN_LOG_LEVEL=debug"),
			wantText: "rejected the API key in HMS_SOVEREIGN_API_KEY"},
		{name: "rejected key from the alias", env: testEnv(api.URL, "", "VOICEDOCK_API_KEY="+key,
			"HMS_SOVEREIGN_LOG_LEVEL=debug"), wantText: "rejected"},
		{name: "no key", env: testEnv(api.URL, "", "HMS_SOVEREIGN_LOG_LEVEL=debug"),
			wantText: "HMS_SOVEREIGN_API_KEY is not set"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			input := strings.Join([]string{initializeLine, initializedLine, listLine, callLine}, "\n") + "\n"

			stdout, stderr, err := stdioSession(t, tc.env, input, 3)

			require.NoError(t, err, "exit status after stdin EOF; stderr:\n%s", stderr)
			assertJSONRPCLines(t, stdout)
			assert.Contains(t, strings.Join(stdout, ""), tc.wantText)
			assert.Contains(t, strings.Join(stdout, ""), `"isError":true`)
			assert.NotContains(t, strings.Join(stdout, ""), "CANARY")
			assert.NotContains(t, stderr, "CANARY")
			assert.NotContains(t, strings.ToLower(stderr), "authorization")
			if tc.name != "no key" { // without a key nothing is sent, so nothing is logged at debug
				assert.Contains(t, stderr, `"msg":"api attempt"`, "debug lines belong on stderr")
			}
		})
	}
}

func TestStdioToleratesCRLFAndGarbage(t *testing.T) {
	api, err := sandbox.Start(sandbox.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = api.Close() })
	input := initializeLine + "\r\n" + initializedLine + "\r\n" + listLine + "\r\n" + "\r\n" + "   \n" +
		"{oops}\r\n" + strings.Replace(listLine, `"id":2`, `"id":4`, 1) + "\r\n"

	stdout, stderr, err := stdioSession(t, testEnv(api.URL, sandbox.DemoKey), input, 4)

	require.NoError(t, err, "exit status after stdin EOF; stderr:\n%s", stderr)
	assertJSONRPCLines(t, stdout)
	var ids []any
	var parseErrors int
	for _, line := range stdout {
		var msg struct {
			ID    any `json:"id"`
			Error *struct {
				Code int `json:"code"`
			} `json:"error"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &msg))
		if msg.Error != nil && msg.Error.Code == -32700 {
			parseErrors++
			assert.Nil(t, msg.ID, "a parse error answers with id null")
			continue
		}
		ids = append(ids, msg.ID)
	}
	assert.ElementsMatch(t, []any{float64(1), float64(2), float64(4)}, ids, "each request answered once")
	assert.GreaterOrEqual(t, parseErrors, 1, "{oops} gets -32700")
}

func TestStdioConcurrentCallsAndPing(t *testing.T) {
	api, err := sandbox.Start(sandbox.Options{RateLimit: 100000})
	require.NoError(t, err)
	t.Cleanup(func() { _ = api.Close() })
	api.InjectFault(sandbox.Fault{Path: "/organizations", Delay: 300 * time.Millisecond,
		Body: `{"id":"o1","name":"Slow Org","minutes_balance":1}`})

	var input strings.Builder
	input.WriteString(initializeLine + "\n" + initializedLine + "\n")
	for i := range 20 {
		input.WriteString(strings.Replace(callLine, `"id":3`, `"id":`+strconv.Itoa(100+i), 1) + "\n")
		if i == 9 {
			input.WriteString(`{"jsonrpc":"2.0","id":"ping-1","method":"ping"}` + "\n")
		}
	}

	stdout, stderr, err := stdioSession(t, testEnv(api.URL, sandbox.DemoKey, "HMS_SOVEREIGN_RATE_LIMIT=100000"),
		input.String(), 22)

	require.NoError(t, err, stderr)
	assertJSONRPCLines(t, stdout)
	seen := map[string]int{}
	pingAt, lastCallAt := -1, -1
	for i, line := range stdout {
		var msg struct {
			ID     any            `json:"id"`
			Result map[string]any `json:"result"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &msg))
		id := fmt.Sprint(msg.ID)
		seen[id]++
		switch {
		case id == "ping-1":
			pingAt = i
		case id != "1":
			lastCallAt = i
			assert.NotEqual(t, true, msg.Result["isError"], line)
		}
	}
	assert.Len(t, seen, 22, "initialize, 20 calls and a ping")
	for id, n := range seen {
		assert.Equal(t, 1, n, "id %s answered %d times", id, n)
	}
	assert.Less(t, pingAt, lastCallAt, "ping must not wait for the tool calls in flight")
}

// TestStdioBudgetHoldsUnderConcurrency checks that calls do not queue
// behind each other: each ends within its budget of when it was sent.
func TestStdioBudgetHoldsUnderConcurrency(t *testing.T) {
	api, err := sandbox.Start(sandbox.Options{RateLimit: 100000})
	require.NoError(t, err)
	t.Cleanup(func() { _ = api.Close() })
	api.InjectFault(sandbox.Fault{Path: "/organizations", Delay: time.Minute}) // an API that never answers

	var input strings.Builder
	input.WriteString(initializeLine + "\n" + initializedLine + "\n")
	for i := range 15 {
		input.WriteString(strings.Replace(callLine, `"id":3`, `"id":`+strconv.Itoa(100+i), 1) + "\n")
	}

	start := time.Now()
	stdout, stderr, err := stdioSession(t, testEnv(api.URL, sandbox.DemoKey, "HMS_SOVEREIGN_RATE_LIMIT=100000"),
		input.String(), 16)
	elapsed := time.Since(start)

	require.NoError(t, err, stderr)
	timedOut := 0
	for _, line := range stdout {
		if strings.Contains(line, "did not answer in time") {
			timedOut++
		}
	}
	assert.Equal(t, 15, timedOut, "every call reports the unanswered API")
	assert.Less(t, elapsed, 6*time.Second, "calls waited in line beyond their 3 s budget")
}
