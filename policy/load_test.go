package policy

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeFile writes a policy file into a temporary directory and returns its
// path.
func writeFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "policy.json")
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

func TestLoadDefaults(t *testing.T) {
	p := mustLoad(t, map[string]string{"HMS_SOVEREIGN_API_KEY": "fl_test_x"})
	assert.Empty(t, p.Allowed)
	assert.Empty(t, p.Blocked)
	assert.Equal(t, 50, p.DailyMax)
	assert.Equal(t, 3, p.MaxConcurrent)
	assert.Nil(t, p.Quiet)
	assert.Equal(t, "UTC", p.location().String())
	assert.False(t, p.DryRun)
	assert.Equal(t, "environment", p.Source)
}

func TestLoadEnvironment(t *testing.T) {
	p := mustLoad(t, map[string]string{
		EnvAllowed:       " +31 20-*, +32,,+31 20 ",
		EnvBlocked:       "+3120 1234",
		EnvDailyMax:      " 0 ",
		EnvMaxConcurrent: "1",
		EnvQuietHours:    "9:30 - 17:00",
		EnvTimezone:      "America/New_York",
		EnvDryRun:        "TRUE",
	})
	assert.Equal(t, []string{"+3120", "+32"}, p.Allowed)
	assert.Equal(t, []string{"+31201234"}, p.Blocked)
	assert.Equal(t, 0, p.DailyMax)
	assert.Equal(t, 1, p.MaxConcurrent)
	assert.Equal(t, "09:30-17:00", p.Quiet.String())
	assert.Equal(t, "America/New_York", p.location().String())
	assert.True(t, p.DryRun)
}

func TestLoadBlankCountsAsUnset(t *testing.T) {
	p := mustLoad(t, map[string]string{
		EnvFile: " ", EnvAllowed: "", EnvDailyMax: "  ", EnvQuietHours: "", EnvTimezone: "", EnvDryRun: "",
	})
	assert.Equal(t, "environment", p.Source)
	assert.Empty(t, p.Allowed)
	assert.Equal(t, 50, p.DailyMax)
	assert.Nil(t, p.Quiet)
}

func TestLoadFileAndEnvironment(t *testing.T) {
	path := writeFile(t, `{
		"allowed_destinations": ["+31", "+49"],
		"blocked_numbers": ["+3120"],
		"max_calls_per_day": 20,
		"max_concurrent_calls": 2,
		"quiet_hours": "22:00-07:00",
		"timezone": "Europe/Amsterdam",
		"dry_run": true
	}`)
	p := mustLoad(t, map[string]string{
		EnvFile:     path,
		EnvAllowed:  "+32",
		EnvBlocked:  "+3210",
		EnvDailyMax: "5",
		EnvDryRun:   "false",
	})
	assert.Equal(t, "environment + "+path, p.Source)
	assert.Equal(t, []string{"+32"}, p.Allowed, "the environment wins")
	assert.Equal(t, []string{"+3210", "+3120"}, p.Blocked, "both lists of blocked numbers apply")
	assert.Equal(t, 5, p.DailyMax, "the environment wins")
	assert.Equal(t, 2, p.MaxConcurrent, "the file wins over the default")
	assert.Equal(t, "22:00-07:00", p.Quiet.String())
	assert.Equal(t, "Europe/Amsterdam", p.location().String())
	assert.False(t, p.DryRun, "the environment wins")

	r := refusal(t, p.CheckDestination("+31612345678"))
	assert.Equal(t, RuleAllowed, r.Rule, "the file's allowed list is replaced")
	r = refusal(t, p.CheckDestination("+32101234567"))
	assert.Equal(t, RuleBlocked, r.Rule)
	assert.Contains(t, r.Fix, "from HMS_SOVEREIGN_BLOCKED_NUMBERS and blocked_numbers in "+path)
}

func TestLoadFileNamesItsKeyInFixes(t *testing.T) {
	path := writeFile(t, `{"quiet_hours": "21:00-08:00"}`)
	p := mustLoad(t, map[string]string{EnvFile: path})
	r := refusal(t, p.CheckTime(mustTime(t, "2026-01-15T22:00:00Z")))
	assert.Contains(t, r.Fix, "with quiet_hours in "+path+" or HMS_SOVEREIGN_QUIET_HOURS; the model cannot")
}

func TestLoadDryRunFromFile(t *testing.T) {
	path := writeFile(t, `{"dry_run": true}`)
	p := mustLoad(t, map[string]string{EnvFile: path})
	assert.True(t, p.DryRun)
	assert.Contains(t, p.Describe(), "dry_run: on: call requests are returned, never sent "+
		"(set by dry_run in "+path+")")
}

func TestLoadFileErrors(t *testing.T) {
	tests := []struct {
		name    string
		content string
		wantErr []string
	}{
		{"unknown key", `{"max_call_per_day": 5, "dry_run": false}`,
			[]string{`unknown key "max_call_per_day"`, "the keys are allowed_destinations, blocked_numbers"}},
		{"two unknown keys", `{"b": 1, "a": 2}`, []string{`unknown key "a", "b"`}},
		{"not JSON", `max_calls_per_day = 5`, []string{"is not one JSON object"}},
		{"an array", `["+31"]`, []string{"is not one JSON object"}},
		{"null", `null`, []string{"is not one JSON object"}},
		{"two objects", `{} {}`, []string{"is not one JSON object"}},
		{"empty", ``, []string{"is not one JSON object"}},
		{"count as text", `{"max_calls_per_day": "5"}`, []string{"max_calls_per_day in ", "must be a whole number"}},
		{"fraction", `{"max_concurrent_calls": 1.5}`, []string{"max_concurrent_calls in ", "1 or more"}},
		{"null value", `{"timezone": null}`, []string{"timezone in ", "must be a string"}},
		{"list as text", `{"allowed_destinations": "+31"}`, []string{"allowed_destinations in ", "an array of"}},
		{"bad pattern", `{"blocked_numbers": ["+31", "0900"]}`, []string{"blocked_numbers in ", `"0900" is not`}},
		{"empty allowed list", `{"allowed_destinations": []}`,
			[]string{"allowed_destinations in ", "lists no pattern"}},
		{"negative", `{"max_calls_per_day": -1}`, []string{"max_calls_per_day in ", "-1 is negative"}},
		{"bool as text", `{"dry_run": "yes"}`, []string{"dry_run in ", "a JSON boolean"}},
		{"bad zone", `{"timezone": "Mars/Olympus"}`, []string{"timezone in ", "Europe/Amsterdam"}},
		{"empty zone", `{"timezone": ""}`, []string{"timezone in ", "no zone is named"}},
		{"bad window", `{"quiet_hours": "8pm-8am"}`, []string{"quiet_hours in ", "HH:MM"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, tc.content)
			_, err := Load(map[string]string{EnvFile: path})
			require.Error(t, err)
			assert.Contains(t, err.Error(), path)
			for _, want := range tc.wantErr {
				assert.Contains(t, err.Error(), want)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.json")
	_, err := Load(map[string]string{EnvFile: path})
	require.Error(t, err)
	assert.Contains(t, err.Error(), EnvFile+": open "+path)
}

func TestLoadEnvironmentErrors(t *testing.T) {
	tests := []struct {
		name, value string
		wantErr     string
	}{
		{EnvAllowed, "31", `HMS_SOVEREIGN_ALLOWED_DESTINATIONS: "31" is not a destination pattern; write +`},
		{EnvAllowed, "+31,0031", `HMS_SOVEREIGN_ALLOWED_DESTINATIONS: "0031" is not`},
		{EnvAllowed, "+3*1", `HMS_SOVEREIGN_ALLOWED_DESTINATIONS: "+3*1" is not`},
		{EnvAllowed, "+", `HMS_SOVEREIGN_ALLOWED_DESTINATIONS: "+" is not`},
		{EnvAllowed, "+0", `HMS_SOVEREIGN_ALLOWED_DESTINATIONS: "+0" is not`},
		{EnvAllowed, "+1234567890123456", `HMS_SOVEREIGN_ALLOWED_DESTINATIONS: "+1234567890123456" is not`},
		{EnvAllowed, " , ", "HMS_SOVEREIGN_ALLOWED_DESTINATIONS: lists no pattern; remove it to allow any"},
		{EnvBlocked, "+31(0)20", `HMS_SOVEREIGN_BLOCKED_NUMBERS: "+31(0)20" is not a destination pattern`},
		{EnvDailyMax, "-1", "HMS_SOVEREIGN_MAX_CALLS_PER_DAY: -1 is negative; it must be a whole number"},
		{EnvDailyMax, "fifty", `HMS_SOVEREIGN_MAX_CALLS_PER_DAY: "fifty" is not a whole number of calls, e.g. 50`},
		{EnvMaxConcurrent, "0", "HMS_SOVEREIGN_MAX_CONCURRENT_CALLS: 0 is too few; it must be a whole number " +
			"of calls, 1 or more, e.g. 3"},
		{EnvMaxConcurrent, "2.5", `HMS_SOVEREIGN_MAX_CONCURRENT_CALLS: "2.5" is not a whole number`},
		{EnvQuietHours, "21:00", `HMS_SOVEREIGN_QUIET_HOURS: "21:00" is not a time span; write HH:MM-HH:MM`},
		{EnvQuietHours, "21:00-21:00", "HMS_SOVEREIGN_QUIET_HOURS: \"21:00-21:00\" starts and ends at the same"},
		{EnvQuietHours, "24:00-08:00", `HMS_SOVEREIGN_QUIET_HOURS: "24:00" is not a time of day; write HH:MM`},
		{EnvQuietHours, "21:00-8", `HMS_SOVEREIGN_QUIET_HOURS: "8" is not a time of day`},
		{EnvQuietHours, "21:60-08:00", `HMS_SOVEREIGN_QUIET_HOURS: "21:60" is not a time of day`},
		{EnvTimezone, "CET+1", "HMS_SOVEREIGN_TIMEZONE: unknown time zone CET+1; use an IANA time zone name"},
		{EnvTimezone, "Local", `HMS_SOVEREIGN_TIMEZONE: "Local" depends on the machine; use an IANA`},
		{EnvDryRun, "yes", `HMS_SOVEREIGN_DRY_RUN: "yes" is not true or false (or 1 or 0)`},
	}
	for _, tc := range tests {
		t.Run(tc.name+"="+tc.value, func(t *testing.T) {
			_, err := Load(map[string]string{tc.name: tc.value})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.wantErr)
		})
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	_, err := Load(map[string]string{EnvDailyMax: "-1", EnvMaxConcurrent: "0", EnvDryRun: "on"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), EnvDailyMax)
	assert.Contains(t, err.Error(), EnvMaxConcurrent)
	assert.Contains(t, err.Error(), EnvDryRun)
}
