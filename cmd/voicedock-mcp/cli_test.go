package main

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/http/httptest"
	"path/filepath"
	"slices"
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

// TestCheckShowsSafety: check prints what protects calls that change
// something, one line per setting and per rule of the call policy, as the
// environment sets them; also when the key check fails.
func TestCheckShowsSafety(t *testing.T) {
	auditFile := filepath.Join(t.TempDir(), "audit.jsonl")
	rules := []string{"allowed_destinations", "blocked_numbers", "emergency", "premium_rate", "number_format",
		"daily_max", "max_concurrent", "quiet_hours", "timezone", "dry_run"}

	tests := []struct {
		name       string
		args       []string
		env        map[string]string
		wantStatus int
		wantLines  []string // the start of a line of stdout, each
	}{
		{name: "defaults", args: []string{"check", "--sandbox"}, wantLines: []string{
			"  confirm: always (HMS_SOVEREIGN_CONFIRM): a person confirms every call placed",
			"  audit: stderr only (HMS_SOVEREIGN_AUDIT_FILE)",
			"  allowed_destinations: any number that is not blocked (default;",
			"  blocked_numbers: none beyond the built-in blocks (default;",
			"  emergency: always blocked, built in: 112, 911, 999",
			"  premium_rate: always blocked, built in: +1900",
			"  daily_max: at most 50 calls a day",
			"  max_concurrent: at most 3 calls",
			"  quiet_hours: none (default; HMS_SOVEREIGN_QUIET_HOURS changes it)",
			"  dry_run: off: calls are placed for real",
		}},
		{name: "set by the environment", args: []string{"check", "--sandbox"}, env: map[string]string{
			"HMS_SOVEREIGN_CONFIRM": "never", "HMS_SOVEREIGN_QUIET_HOURS": "21:00-08:00",
			"HMS_SOVEREIGN_TIMEZONE": "Europe/Amsterdam", "HMS_SOVEREIGN_AUDIT_FILE": auditFile,
			"HMS_SOVEREIGN_ALLOWED_DESTINATIONS": "+31, +49", "HMS_SOVEREIGN_BLOCKED_NUMBERS": "+3120",
			"HMS_SOVEREIGN_MAX_CALLS_PER_DAY": "0", "HMS_SOVEREIGN_MAX_CONCURRENT_CALLS": "1",
			"HMS_SOVEREIGN_DRY_RUN": "true"},
			wantLines: []string{
				"  confirm: never (HMS_SOVEREIGN_CONFIRM): nobody is asked",
				"  audit: stderr and " + auditFile + " (HMS_SOVEREIGN_AUDIT_FILE)",
				"  allowed_destinations: only numbers starting +31, +49 (set by HMS_SOVEREIGN_ALLOWED_DESTINATIONS)",
				"  blocked_numbers: +3120, on top of the built-in blocks (set by HMS_SOVEREIGN_BLOCKED_NUMBERS)",
				"  daily_max: 0: outbound calling is switched off (set by HMS_SOVEREIGN_MAX_CALLS_PER_DAY)",
				"  max_concurrent: at most 1 ",
				"  quiet_hours: no calls from 21:00 to 08:00 Europe/Amsterdam (set by HMS_SOVEREIGN_QUIET_HOURS)",
				"  dry_run: on: call requests are returned, never sent (set by HMS_SOVEREIGN_DRY_RUN)",
			}},
		{name: "destructive-only", args: []string{"check", "--sandbox"},
			env: map[string]string{"HMS_SOVEREIGN_CONFIRM": "destructive-only"}, wantLines: []string{
				"  confirm: destructive-only (HMS_SOVEREIGN_CONFIRM): a person confirms deletes",
			}},
		{name: "after a failed key check", args: []string{"check"}, wantStatus: exitError,
			env: map[string]string{"HMS_SOVEREIGN_QUIET_HOURS": "21:00-08:00"}, wantLines: []string{
				"  confirm: always (HMS_SOVEREIGN_CONFIRM)",
				"  quiet_hours: no calls from 21:00 to 08:00 UTC (set by HMS_SOVEREIGN_QUIET_HOURS)",
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// Nothing listens there: no check reaches beyond loopback.
			env := map[string]string{"HMS_SOVEREIGN_LOG_LEVEL": "error", envBaseURL: "http://127.0.0.1:9/api/v1"}
			maps.Copy(env, tc.env)
			var stdout, stderr bytes.Buffer

			status := run(tc.args, env, strings.NewReader(""), &stdout, &stderr)

			require.Equal(t, tc.wantStatus, status, "stderr: %s", stderr.String())
			lines := strings.Split(stdout.String(), "\n")
			hasLine := func(start string) bool {
				return slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, start) })
			}
			for _, section := range []string{"safety:", "call policy:"} {
				assert.True(t, hasLine(section), "section %q in:\n%s", section, stdout.String())
			}
			for _, rule := range rules {
				assert.True(t, hasLine("  "+rule+": "), "rule %s in:\n%s", rule, stdout.String())
			}
			for _, want := range tc.wantLines {
				assert.True(t, hasLine(want), "line starting %q in:\n%s", want, stdout.String())
			}
		})
	}
}
