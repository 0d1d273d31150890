package main

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

func TestCommandLine(t *testing.T) {
	api, err := sandbox.Start(sandbox.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = api.Close() })
	closed := httptest.NewServer(nil)
	closed.Close()
	env := func(key string, extra ...string) map[string]string {
		m := map[string]string{envBaseURL: api.URL, "HMS_SOVEREIGN_LOG_LEVEL": "error"}
		if key != "" {
			m[envAPIKey] = key
		}
		for i := 0; i+1 < len(extra); i += 2 {
			m[extra[i]] = extra[i+1]
		}
		return m
	}

	tests := []struct {
		name       string
		args       []string
		env        map[string]string
		wantStatus int
		wantStdout string
		wantStderr string
	}{
		{name: "call on the sandbox", args: []string{"tools", "call", "get_account_information", "--sandbox"},
			env: env(""), wantStatus: 0, wantStdout: `"name": "Acme Dental Group"`, wantStderr: "sandbox mode"},
		{name: "call without a key", args: []string{"tools", "call", "get_account_information"},
			env: env(""), wantStatus: 1, wantStdout: `"isError": true`},
		{name: "call with an expired key", args: []string{"tools", "call", "get_account_information"},
			env: env(sandbox.ExpiredKey), wantStatus: 1, wantStdout: "expired"},
		{name: "unknown tool", args: []string{"tools", "call", "no_such_tool", "--sandbox"},
			env: env(""), wantStatus: 2, wantStderr: "voicedock-mcp tools list"},
		{name: "arguments not JSON", args: []string{"tools", "call", "get_account_information", "{oops"},
			env: env(sandbox.DemoKey), wantStatus: 2, wantStderr: "one JSON object"},
		{name: "list", args: []string{"tools", "list"}, env: env(""), wantStatus: 0,
			wantStdout: `"name": "get_account_information"`},
		{name: "check without a key", args: []string{"check"}, env: env(""), wantStatus: 1,
			wantStderr: "HMS_SOVEREIGN_API_KEY is not set"},
		{name: "check with a placeholder", args: []string{"check"}, env: env("${HMS_SOVEREIGN_API_KEY}"),
			wantStatus: 1, wantStderr: "unexpanded placeholder"},
		{name: "check good key", args: []string{"check"}, env: env(sandbox.DemoKey), wantStatus: 0,
			wantStdout: "organization: Acme Dental Group"},
		{name: "check shows headroom", args: []string{"check", "--sandbox"}, env: env(""), wantStatus: 0,
			wantStdout: "rate limit: 99 of 100 requests left"},
		{name: "sandbox with one of its own keys", args: []string{"check", "--sandbox"},
			env: env(sandbox.ExpiredKey), wantStatus: 1, wantStderr: "expired"},
		{name: "sandbox ignores a real key", args: []string{"check", "--sandbox"},
			env: env("fl_live_real"), wantStatus: 0, wantStdout: "Acme Dental Group"},
		{name: "check rejected key", args: []string{"check"}, env: env("fl_live_nope"), wantStatus: 1,
			wantStderr: "rejected"},
		{name: "check unreachable API", args: []string{"check"},
			env: map[string]string{envAPIKey: "fl_live_x", envBaseURL: closed.URL + "/api/v1",
				"HMS_SOVEREIGN_MAX_RETRIES": "0"},
			wantStatus: 1, wantStderr: "could not reach the VoiceDock API"},
		{name: "version", args: []string{"--version"}, env: env(""), wantStatus: 0, wantStdout: "voicedock-mcp "},
		{name: "bad usage", args: []string{"serve"}, env: env(""), wantStatus: 2, wantStderr: "Usage:"},
		{name: "bad configuration", args: []string{"check"}, env: map[string]string{envBaseURL: ""},
			wantStatus: 2, wantStderr: "HMS_SOVEREIGN_BASE_URL is set but empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer

			status := run(tc.args, tc.env, strings.NewReader(""), &stdout, &stderr)

			assert.Equal(t, tc.wantStatus, status, "stdout: %s\nstderr: %s", stdout.String(), stderr.String())
			assert.Contains(t, stdout.String(), tc.wantStdout)
			assert.Contains(t, stderr.String(), tc.wantStderr)
			if strings.HasPrefix(strings.Join(tc.args, " "), "tools") && stdout.Len() > 0 {
				assert.True(t, json.Valid(stdout.Bytes()), "tools commands print JSON")
			}
		})
	}
}
