package policy

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mustLoad loads a policy from env or fails the test.
func mustLoad(t *testing.T, env map[string]string) *Policy {
	t.Helper()
	p, err := Load(env)
	require.NoError(t, err)
	return p
}

// refusal returns err as a *Refusal or fails the test.
func refusal(t *testing.T, err error) *Refusal {
	t.Helper()
	var r *Refusal
	require.True(t, errors.As(err, &r), "want a *Refusal, got %v", err)
	return r
}

// mustTime parses an RFC 3339 time or fails the test.
func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return at
}

func TestCheckDestinationDefaults(t *testing.T) {
	tests := []struct {
		number   string
		wantRule string // "" when the number may be called
	}{
		{"+31612345678", ""},
		{"+4930123456", ""},
		{"+31 6 1234-5678", ""},
		{"+31201234567", ""},
		{"+4915112345678", ""},
		{"+442079460000", ""},
		{"+441184960000", ""}, // Reading's area code 0118 is not directory enquiries
		{"+447700900123", ""},
		{"+12125550123", ""},
		{"+33142868200", ""},
		{"+3292123456", ""}, // Ghent's area code 09 is not 090x premium rate
		{"+390612345678", ""},
		{"+34912345678", ""},
		{"+43158858", ""},
		{"+41441234567", ""},
		{"+61291234567", ""},

		{"+112", RuleEmergency},
		{"112", RuleEmergency},
		{"+1911", RuleEmergency},
		{"911", RuleEmergency},
		{"+44999", RuleEmergency},
		{"+44 999", RuleEmergency},
		{"+49110", RuleEmergency},
		{"+3315", RuleEmergency},
		{"+61000", RuleEmergency},
		{"+2710111", RuleEmergency},
		{"+49116117", RuleEmergency},

		{"+19005550123", RulePremiumRate},
		{"+1 976 555 0123", RulePremiumRate},
		{"+449098790000", RulePremiumRate},
		{"+448712345678", RulePremiumRate},
		{"+447012345678", RulePremiumRate},
		{"+4990012345678", RulePremiumRate},
		{"+4913712345", RulePremiumRate},
		{"+4911833", RulePremiumRate},
		{"+319001234567", RulePremiumRate},
		{"+319061234567", RulePremiumRate},
		{"+319091234567", RulePremiumRate},
		{"+33899123456", RulePremiumRate},
		{"+32900123456", RulePremiumRate},
		{"+34803123456", RulePremiumRate},
		{"+34905123456", RulePremiumRate},
		{"+39899123456", RulePremiumRate},
		{"+43900123456", RulePremiumRate},
		{"+41900123456", RulePremiumRate},
		{"+61190012345", RulePremiumRate},
		{"+97912345678", RulePremiumRate},
		{"+881612345678", RulePremiumRate},
		{"+870776123456", RulePremiumRate},

		{"0612345678", RuleNumberFormat},
		{"0031612345678", RuleNumberFormat},
		{"tel:+31612345678", RuleNumberFormat},
		{"+31612345678;ext=2", RuleNumberFormat},
		{"+0612345678", RuleNumberFormat},
		{"+3161", RuleNumberFormat},
		{"+1234567890123456", RuleNumberFormat},
		{"+３１612345678", RuleNumberFormat},
		{"", RuleNumberFormat},
		{"+", RuleNumberFormat},
	}
	p := mustLoad(t, nil)
	for _, tc := range tests {
		t.Run(tc.number, func(t *testing.T) {
			err := p.CheckDestination(tc.number)
			if tc.wantRule == "" {
				assert.NoError(t, err)
				return
			}
			assert.Equal(t, tc.wantRule, refusal(t, err).Rule)
		})
	}
}

func TestCheckDestinationOperatorLists(t *testing.T) {
	p := mustLoad(t, map[string]string{
		EnvAllowed: "+31, +32 2*, +31900",
		EnvBlocked: "+3120",
	})
	tests := []struct {
		number   string
		wantRule string
		wantFix  string
	}{
		{number: "+31612345678"},
		{number: "+3221234567"},
		{number: "+31201234567", wantRule: RuleBlocked, wantFix: "by removing +3120 from " + EnvBlocked},
		{number: "+3231234567", wantRule: RuleAllowed, wantFix: "adding a pattern to " + EnvAllowed},
		{number: "+4930123456", wantRule: RuleAllowed, wantFix: "adding a pattern to " + EnvAllowed},
		{number: "+319001234567", wantRule: RulePremiumRate, wantFix: "no operator setting lifts"},
		{number: "+31112", wantRule: RuleEmergency, wantFix: "no operator setting lifts"},
	}
	for _, tc := range tests {
		t.Run(tc.number, func(t *testing.T) {
			err := p.CheckDestination(tc.number)
			if tc.wantRule == "" {
				assert.NoError(t, err)
				return
			}
			r := refusal(t, err)
			assert.Equal(t, tc.wantRule, r.Rule)
			assert.Contains(t, r.Fix, tc.wantFix)
			assert.Contains(t, r.Fix, "the model cannot")
		})
	}
}

func TestRefusalTexts(t *testing.T) {
	p := mustLoad(t, map[string]string{EnvAllowed: "+31"})

	r := refusal(t, p.CheckDestination("+4930123456"))
	assert.Equal(t, "refused by the operator's policy (rule allowed_destinations): +4930123456 is outside "+
		"the allowed destinations (+31). Only the operator can allow it, by adding a pattern to "+
		"HMS_SOVEREIGN_ALLOWED_DESTINATIONS; the model cannot.", r.Error())

	r = refusal(t, p.CheckDestination("+319001234567"))
	assert.Equal(t, "+319001234567 is in the costly range +31900 "+
		"(Netherlands: 0900, 0906 and 0909 information and entertainment lines)", r.Reason)

	r = refusal(t, p.CheckDestination("+1 911"))
	assert.Equal(t, `"+1 911" is the emergency or short service number 911`, r.Reason)

	r = refusal(t, p.CheckDestination("0612345678"))
	assert.Contains(t, r.Fix, "e.g. +31612345678")
}

func TestCheckTimeQuietHours(t *testing.T) {
	p := mustLoad(t, map[string]string{EnvQuietHours: "21:00-08:00", EnvTimezone: "Europe/Amsterdam"})
	tests := []struct {
		name      string
		now       string // UTC
		wantQuiet bool
	}{
		{"winter, a minute before", "2026-01-15T19:59:00Z", false},
		{"winter, start", "2026-01-15T20:00:00Z", true},
		{"winter, midnight", "2026-01-15T23:00:00Z", true},
		{"winter, last minute", "2026-01-16T06:59:59Z", true},
		{"winter, end", "2026-01-16T07:00:00Z", false},
		{"winter, noon", "2026-01-16T11:00:00Z", false},
		{"summer, start", "2026-07-15T19:00:00Z", true},
		{"summer, a minute before", "2026-07-15T18:59:00Z", false},
		{"summer, end", "2026-07-16T06:00:00Z", false},
		{"clocks go forward, 07:59 summer time", "2026-03-29T05:59:00Z", true},
		{"clocks go forward, 08:00 summer time", "2026-03-29T06:00:00Z", false},
		{"clocks go forward, 21:00 summer time", "2026-03-29T19:00:00Z", true},
		{"clocks go back, 07:59 winter time", "2026-10-25T06:59:00Z", true},
		{"clocks go back, 08:00 winter time", "2026-10-25T07:00:00Z", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := p.CheckTime(mustTime(t, tc.now))
			if !tc.wantQuiet {
				assert.NoError(t, err)
				return
			}
			assert.Equal(t, RuleQuietHours, refusal(t, err).Rule)
		})
	}
}

func TestCheckTimeRefusal(t *testing.T) {
	p := mustLoad(t, map[string]string{EnvQuietHours: "21:00-08:00", EnvTimezone: "Europe/Amsterdam"})
	err := p.CheckTime(time.Date(2026, 1, 15, 21, 15, 0, 0, time.UTC))
	assert.EqualError(t, err, "refused by the operator's policy (rule quiet_hours): it is 22:15 "+
		"Europe/Amsterdam, inside the quiet hours 21:00-08:00. Calls can be placed again from 08:00 "+
		"Europe/Amsterdam. Only the operator can change the quiet hours, with HMS_SOVEREIGN_QUIET_HOURS; "+
		"the model cannot.")
}

func TestCheckTimeWithoutQuietHours(t *testing.T) {
	p := mustLoad(t, nil)
	for h := range 24 {
		assert.NoError(t, p.CheckTime(time.Date(2026, 1, 15, h, 30, 0, 0, time.UTC)))
	}
}

func TestCheckTimeDaytimeWindow(t *testing.T) {
	p := mustLoad(t, map[string]string{EnvQuietHours: "12:00-13:30"})
	assert.NoError(t, p.CheckTime(time.Date(2026, 1, 15, 11, 59, 0, 0, time.UTC)))
	assert.Error(t, p.CheckTime(time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)))
	assert.Error(t, p.CheckTime(time.Date(2026, 1, 15, 13, 29, 0, 0, time.UTC)))
	assert.NoError(t, p.CheckTime(time.Date(2026, 1, 15, 13, 30, 0, 0, time.UTC)))
	assert.NoError(t, p.CheckTime(time.Date(2026, 1, 15, 23, 0, 0, 0, time.UTC)))
}
