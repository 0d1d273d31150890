package policy

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDescribeDefaults(t *testing.T) {
	lines := mustLoad(t, nil).Describe()
	assert.Equal(t, []string{
		"policy from: environment",
		"allowed_destinations: any number that is not blocked (default; HMS_SOVEREIGN_ALLOWED_DESTINATIONS " +
			"changes it)",
		"blocked_numbers: none beyond the built-in blocks (default; HMS_SOVEREIGN_BLOCKED_NUMBERS changes it)",
		lines[3],
		lines[4],
		"number_format: always on, built in: only E.164 numbers (+ and 7 to 15 digits) are called",
		"daily_max: at most 50 calls a day, the day starting at midnight UTC (default; " +
			"HMS_SOVEREIGN_MAX_CALLS_PER_DAY changes it)",
		"max_concurrent: at most 3 calls placed by this server live at once (default; " +
			"HMS_SOVEREIGN_MAX_CONCURRENT_CALLS changes it)",
		"quiet_hours: none (default; HMS_SOVEREIGN_QUIET_HOURS changes it)",
		"timezone: UTC (default; HMS_SOVEREIGN_TIMEZONE changes it)",
		"dry_run: off: calls are placed for real (default; HMS_SOVEREIGN_DRY_RUN changes it)",
	}, lines)

	assert.True(t, strings.HasPrefix(lines[3], "emergency: always blocked, built in: 112, 911, 999, 000,"))
	assert.True(t, strings.HasSuffix(lines[3], "; dialled as is, with + or behind a country code"))
	assert.True(t, strings.HasPrefix(lines[4], "premium_rate: always blocked, built in: +1900, +1976, +449,"))
	listed := strings.Split(strings.TrimPrefix(lines[4], "premium_rate: always blocked, built in: "), ", ")
	for _, prefix := range []string{"+31900", "+31906", "+31909", "+49900", "+979", "+881", "+882", "+883",
		"+870"} {
		assert.Contains(t, listed, prefix)
	}
}

func TestDescribeSettings(t *testing.T) {
	path := writeFile(t, `{"quiet_hours": "21:00-08:00", "timezone": "Europe/Amsterdam",
		"blocked_numbers": ["+3120"]}`)
	lines := mustLoad(t, map[string]string{
		EnvFile:     path,
		EnvAllowed:  "+31,+32",
		EnvBlocked:  "+3210",
		EnvDailyMax: "0",
		EnvDryRun:   "1",
	}).Describe()
	assert.Equal(t, "policy from: environment + "+path, lines[0])
	assert.Contains(t, lines, "allowed_destinations: only numbers starting +31, +32 "+
		"(set by HMS_SOVEREIGN_ALLOWED_DESTINATIONS)")
	assert.Contains(t, lines, "blocked_numbers: +3210, +3120, on top of the built-in blocks "+
		"(set by HMS_SOVEREIGN_BLOCKED_NUMBERS and blocked_numbers in "+path+")")
	assert.Contains(t, lines, "daily_max: 0: outbound calling is switched off "+
		"(set by HMS_SOVEREIGN_MAX_CALLS_PER_DAY)")
	assert.Contains(t, lines, "quiet_hours: no calls from 21:00 to 08:00 Europe/Amsterdam "+
		"(set by quiet_hours in "+path+")")
	assert.Contains(t, lines, "timezone: Europe/Amsterdam (set by timezone in "+path+")")
	assert.Contains(t, lines, "dry_run: on: call requests are returned, never sent "+
		"(set by HMS_SOVEREIGN_DRY_RUN)")
}

func TestDescribeDailyMaxNamesTheZone(t *testing.T) {
	lines := mustLoad(t, map[string]string{EnvTimezone: "Asia/Tokyo", EnvDailyMax: "7"}).Describe()
	assert.Contains(t, lines, "daily_max: at most 7 calls a day, the day starting at midnight Asia/Tokyo "+
		"(set by HMS_SOVEREIGN_MAX_CALLS_PER_DAY)")
}
