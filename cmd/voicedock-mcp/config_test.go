package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKeyResolution(t *testing.T) {
	keyFile := filepath.Join(t.TempDir(), "key")
	require.NoError(t, os.WriteFile(keyFile, []byte("fl_live_fromfile\n"), 0o600))
	bigFile := filepath.Join(t.TempDir(), "big")
	require.NoError(t, os.WriteFile(bigFile, bytes.Repeat([]byte("k"), 5000), 0o600))
	fifo := filepath.Join(t.TempDir(), "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	emptyFile := filepath.Join(t.TempDir(), "empty")
	require.NoError(t, os.WriteFile(emptyFile, []byte(" \n"), 0o600))

	tests := []struct {
		name        string
		env         map[string]string
		wantKey     string
		wantSource  string
		wantProblem string // substring; "" means the key is usable
		wantWarning string
	}{
		{name: "unset", env: map[string]string{},
			wantProblem: "HMS_SOVEREIGN_API_KEY is not set"},
		{name: "empty", env: map[string]string{envAPIKey: ""},
			wantProblem: "HMS_SOVEREIGN_API_KEY is set but empty"},
		{name: "spaces", env: map[string]string{envAPIKey: "   "},
			wantProblem: "HMS_SOVEREIGN_API_KEY is set but empty"},
		{name: "windows clipboard", env: map[string]string{envAPIKey: "fl_live_abc123\r\n"},
			wantKey: "fl_live_abc123", wantSource: envAPIKey},
		{name: "leading space", env: map[string]string{envAPIKey: " fl_live_abc123"},
			wantKey: "fl_live_abc123", wantSource: envAPIKey},
		{name: "placeholder", env: map[string]string{envAPIKey: "${HMS_SOVEREIGN_API_KEY}"},
			wantProblem: "unexpanded placeholder"},
		{name: "env placeholder", env: map[string]string{envAPIKey: "$HMS_KEY"},
			wantProblem: "unexpanded placeholder"},
		{name: "inner space", env: map[string]string{envAPIKey: "fl_live_abc 123"},
			wantProblem: "position 12"},
		{name: "curly quote", env: map[string]string{envAPIKey: "fl_live_abc\u2019123"},
			wantProblem: "quote mark or unprintable character"},
		{name: "straight quotes", env: map[string]string{envAPIKey: `"fl_live_abc123"`},
			wantProblem: "quote mark"},
		{name: "control character", env: map[string]string{envAPIKey: "fl_live_\x00abc"},
			wantProblem: "unprintable"},
		{name: "alias alone", env: map[string]string{envAPIKeyAlias: "fl_live_alias"},
			wantKey: "fl_live_alias", wantSource: envAPIKeyAlias},
		{name: "empty main, alias set", env: map[string]string{envAPIKey: "", envAPIKeyAlias: "fl_live_alias"},
			wantKey: "fl_live_alias", wantSource: envAPIKeyAlias},
		{name: "both differ", env: map[string]string{envAPIKey: "fl_live_main", envAPIKeyAlias: "fl_live_alias"},
			wantKey: "fl_live_main", wantSource: envAPIKey,
			wantWarning: "HMS_SOVEREIGN_API_KEY and VOICEDOCK_API_KEY hold different keys; using HMS_SOVEREIGN_API_KEY"},
		{name: "both same", env: map[string]string{envAPIKey: "fl_live_x", envAPIKeyAlias: "fl_live_x"},
			wantKey: "fl_live_x", wantSource: envAPIKey},
		{name: "file with newline", env: map[string]string{envAPIKeyFile: keyFile},
			wantKey: "fl_live_fromfile", wantSource: envAPIKeyFile},
		{name: "missing file", env: map[string]string{envAPIKeyFile: filepath.Join(t.TempDir(), "none")},
			wantProblem: "HMS_SOVEREIGN_API_KEY_FILE names a file that cannot be read"},
		{name: "alias empty only", env: map[string]string{envAPIKeyAlias: " "},
			wantProblem: "VOICEDOCK_API_KEY is set but empty"},
		{name: "empty file", env: map[string]string{envAPIKeyFile: emptyFile},
			wantProblem: "HMS_SOVEREIGN_API_KEY_FILE names an empty file"},
		{name: "empty file, alias set", env: map[string]string{envAPIKeyFile: emptyFile, envAPIKeyAlias: "fl_live_alias"},
			wantKey: "fl_live_alias", wantSource: envAPIKeyAlias},
		{name: "device", env: map[string]string{envAPIKeyFile: "/dev/zero"},
			wantProblem: "not a regular file"},
		{name: "big file", env: map[string]string{envAPIKeyFile: bigFile},
			wantProblem: "larger than any API key"},
		{name: "named pipe", env: map[string]string{envAPIKeyFile: fifo},
			wantProblem: "not a regular file"},
		{name: "variable wins over a broken file", env: map[string]string{envAPIKey: "fl_live_main",
			envAPIKeyFile: filepath.Join(t.TempDir(), "none")},
			wantKey: "fl_live_main", wantSource: envAPIKey},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := loadConfig(tc.env)

			require.NoError(t, err, "a key problem must not stop the server")
			assert.Equal(t, tc.wantKey, cfg.key)
			if tc.wantProblem == "" {
				assert.Empty(t, cfg.keyProblem)
				assert.Equal(t, tc.wantSource, cfg.keySource)
			} else {
				assert.Contains(t, cfg.keyProblem, tc.wantProblem)
				for _, v := range tc.env {
					if len(v) > 3 {
						assert.NotContains(t, cfg.keyProblem, v, "the problem must not repeat the value")
					}
				}
			}
			if tc.wantWarning != "" {
				assert.Contains(t, cfg.warnings, tc.wantWarning)
			} else {
				assert.Empty(t, cfg.warnings)
			}
		})
	}
}

func TestConfigRefusesBadValues(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		wantErr string
	}{
		{name: "empty base URL", env: map[string]string{envBaseURL: ""}, wantErr: "HMS_SOVEREIGN_BASE_URL is set but empty"},
		{name: "base URL without scheme", env: map[string]string{envBaseURL: "api.hmsovereign.com/api/v1"},
			wantErr: "must start with https://"},
		{name: "base URL with credentials", env: map[string]string{envBaseURL: "http://u:CANARY_PW@127.0.0.1/api/v1"},
			wantErr: "must not contain credentials"},
		{name: "base URL with query", env: map[string]string{envBaseURL: "http://127.0.0.1/api/v1?token=CANARY_Q"},
			wantErr: "must not contain a query"},
		{name: "bad duration", env: map[string]string{"HMS_SOVEREIGN_REQUEST_TIMEOUT": "ten"},
			wantErr: "HMS_SOVEREIGN_REQUEST_TIMEOUT"},
		{name: "budget below timeout", env: map[string]string{"HMS_SOVEREIGN_CALL_BUDGET": "1s"},
			wantErr: "HMS_SOVEREIGN_CALL_BUDGET (1s) must be at least HMS_SOVEREIGN_REQUEST_TIMEOUT (10s)"},
		{name: "bad log level", env: map[string]string{"HMS_SOVEREIGN_LOG_LEVEL": "loud"},
			wantErr: "HMS_SOVEREIGN_LOG_LEVEL"},
		{name: "negative retries", env: map[string]string{"HMS_SOVEREIGN_MAX_RETRIES": "-1"},
			wantErr: "HMS_SOVEREIGN_MAX_RETRIES"},
		{name: "plain http to a remote API", env: map[string]string{envBaseURL: "http://api.hmsovereign.com/api/v1"},
			wantErr: "must use https://"},
		{name: "bad listen address", env: map[string]string{"HMS_SOVEREIGN_HTTP_ADDR": "nonsense"},
			wantErr: "HMS_SOVEREIGN_HTTP_ADDR"},
		{name: "tiny heartbeat", env: map[string]string{"HMS_SOVEREIGN_HEARTBEAT": "1ms"},
			wantErr: "HMS_SOVEREIGN_HEARTBEAT must be at least 1s"},
		{name: "public URL with credentials", env: map[string]string{"HMS_SOVEREIGN_PUBLIC_URL": "https://u:CANARY_PW@x.example"},
			wantErr: "must not contain credentials"},
		{name: "public URL not a URL", env: map[string]string{"HMS_SOVEREIGN_PUBLIC_URL": "nonsense"},
			wantErr: "must be an absolute URL"},
		{name: "wildcard origin", env: map[string]string{"HMS_SOVEREIGN_ALLOWED_ORIGINS": "*"},
			wantErr: "is not an origin"},
		{name: "origin without scheme", env: map[string]string{"HMS_SOVEREIGN_ALLOWED_ORIGINS": "evil.example"},
			wantErr: "is not an origin"},
		{name: "host with scheme", env: map[string]string{"HMS_SOVEREIGN_ALLOWED_HOSTS": "https://mcp.corp.example"},
			wantErr: "is not a host name"},
		{name: "read-only not a boolean", env: map[string]string{"HMS_SOVEREIGN_READ_ONLY": "yes"},
			wantErr: "HMS_SOVEREIGN_READ_ONLY: must be true or false"},
		{name: "plain http web-call host", env: map[string]string{envAssistantURL: "http://assistant.example"},
			wantErr: "HMS_SOVEREIGN_ASSISTANT_URL: assistant API base URL must use https://"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := loadConfig(tc.env)

			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.wantErr)
			assert.NotContains(t, err.Error(), "CANARY")
		})
	}
}

func TestConfigDefaults(t *testing.T) {
	cfg, err := loadConfig(map[string]string{envAPIKey: "fl_live_x"})

	require.NoError(t, err)
	assert.Equal(t, "https://api.hmsovereign.com/api/v1", cfg.BaseURL)
	assert.Equal(t, "127.0.0.1:8080", cfg.HTTPAddr, "HTTP modes must default to loopback")
	assert.Equal(t, 100, cfg.RateLimit)
	assert.Less(t, cfg.CallBudget.Seconds(), 30.0, "the budget must end before clients give up")
}

func TestWebCallHost(t *testing.T) {
	tests := []struct {
		name        string
		env         map[string]string
		want        string
		wantWarning bool
	}{
		{name: "default", env: map[string]string{}, want: ""},
		{name: "follows a changed base URL, with a warning",
			env:  map[string]string{envBaseURL: "http://127.0.0.1:9999/api/v1"},
			want: "http://127.0.0.1:9999", wantWarning: true},
		{name: "set explicitly", env: map[string]string{envBaseURL: "http://127.0.0.1:9999/api/v1",
			envAssistantURL: "https://assistant.staging.example"}, want: "https://assistant.staging.example"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := loadConfig(tc.env)
			require.NoError(t, err)
			assert.Equal(t, tc.want, cfg.AssistantURL, "empty means the client's default, the production host")
			assert.Equal(t, tc.wantWarning, slices.ContainsFunc(cfg.warnings, func(w string) bool {
				return strings.Contains(w, envAssistantURL)
			}))
		})
	}
}

func TestKeyNeverLogged(t *testing.T) {
	cfg, err := loadConfig(map[string]string{envAPIKey: "fl_live_CANARY_7f3a"})
	require.NoError(t, err)

	assert.Equal(t, "fl_live_…", keyHint(cfg.key))
	assert.NotContains(t, cfg.LogValue().String(), "CANARY")
}

func TestTheDefaultBaseURLWithASlashKeepsTheDefaultWebCallHost(t *testing.T) {
	cfg, err := loadConfig(map[string]string{envBaseURL: "https://api.hmsovereign.com/api/v1/"})
	require.NoError(t, err)
	assert.Empty(t, cfg.AssistantURL, "the client's default, the production web-call host")
	assert.Empty(t, cfg.warnings)
}

// TestSafetySettingsRefusedAtStart: an unusable confirmation mode, call
// policy or audit file stops the server before it serves anything, with
// a message naming the variable and what a valid value looks like.
func TestSafetySettingsRefusedAtStart(t *testing.T) {
	misspelt := filepath.Join(t.TempDir(), "policy.json")
	require.NoError(t, os.WriteFile(misspelt, []byte(`{"max_calls_a_day": 5}`), 0o600))
	noDir := filepath.Join(t.TempDir(), "missing", "audit.jsonl")

	tests := []struct {
		name       string
		env        map[string]string
		wantStatus int
		wantStderr []string
	}{
		{name: "confirm mode", env: map[string]string{"HMS_SOVEREIGN_CONFIRM": "sometimes"}, wantStatus: exitUsage,
			wantStderr: []string{"HMS_SOVEREIGN_CONFIRM", `"sometimes"`, "always, destructive-only, never"}},
		{name: "allowed destinations", env: map[string]string{"HMS_SOVEREIGN_ALLOWED_DESTINATIONS": "0031*"},
			wantStatus: exitUsage, wantStderr: []string{"HMS_SOVEREIGN_ALLOWED_DESTINATIONS", "e.g. +31"}},
		{name: "blocked numbers", env: map[string]string{"HMS_SOVEREIGN_BLOCKED_NUMBERS": "+31,premium"},
			wantStatus: exitUsage, wantStderr: []string{"HMS_SOVEREIGN_BLOCKED_NUMBERS", `"premium"`}},
		{name: "daily maximum", env: map[string]string{"HMS_SOVEREIGN_MAX_CALLS_PER_DAY": "-1"},
			wantStatus: exitUsage, wantStderr: []string{"HMS_SOVEREIGN_MAX_CALLS_PER_DAY", "negative"}},
		{name: "daily maximum not a number", env: map[string]string{"HMS_SOVEREIGN_MAX_CALLS_PER_DAY": "lots"},
			wantStatus: exitUsage, wantStderr: []string{"HMS_SOVEREIGN_MAX_CALLS_PER_DAY", "whole number"}},
		{name: "concurrent maximum", env: map[string]string{"HMS_SOVEREIGN_MAX_CONCURRENT_CALLS": "0"},
			wantStatus: exitUsage, wantStderr: []string{"HMS_SOVEREIGN_MAX_CONCURRENT_CALLS", "1 or more"}},
		{name: "quiet hours", env: map[string]string{"HMS_SOVEREIGN_QUIET_HOURS": "25:00-26:00"},
			wantStatus: exitUsage, wantStderr: []string{"HMS_SOVEREIGN_QUIET_HOURS", "00:00 to 23:59"}},
		{name: "time zone", env: map[string]string{"HMS_SOVEREIGN_TIMEZONE": "Mars/Base"},
			wantStatus: exitUsage, wantStderr: []string{"HMS_SOVEREIGN_TIMEZONE", "Europe/Amsterdam"}},
		{name: "dry run", env: map[string]string{"HMS_SOVEREIGN_DRY_RUN": "maybe"},
			wantStatus: exitUsage, wantStderr: []string{"HMS_SOVEREIGN_DRY_RUN", "true or false"}},
		{name: "missing policy file", env: map[string]string{"HMS_SOVEREIGN_POLICY_FILE": "/nonexistent"},
			wantStatus: exitUsage, wantStderr: []string{"HMS_SOVEREIGN_POLICY_FILE", "/nonexistent"}},
		{name: "misspelt key in the policy file", env: map[string]string{"HMS_SOVEREIGN_POLICY_FILE": misspelt},
			wantStatus: exitUsage, wantStderr: []string{"HMS_SOVEREIGN_POLICY_FILE", `"max_calls_a_day"`,
				"max_calls_per_day"}},
		{name: "audit file in a missing directory", env: map[string]string{"HMS_SOVEREIGN_AUDIT_FILE": noDir},
			wantStatus: exitUsage, wantStderr: []string{"HMS_SOVEREIGN_AUDIT_FILE", noDir, "no such file or directory"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer

			status := run([]string{"stdio"}, tc.env, strings.NewReader(""), &stdout, &stderr)

			assert.Equal(t, tc.wantStatus, status, "stderr: %s", stderr.String())
			for _, want := range tc.wantStderr {
				assert.Contains(t, stderr.String(), want)
			}
			assert.Empty(t, stdout.String(), "nothing was served")
			assert.NotContains(t, stderr.String(), "Usage:", "a configuration problem, not a command-line one")
		})
	}
}
