package policy

import (
	"fmt"
	"strings"
	"time"
)

// Policy is the operator's rules for outbound calling. [Load] builds it; it
// must not change once in use, and then any number of goroutines may read it.
type Policy struct {
	// Allowed holds destination patterns in normal form ("+31", "+3120"):
	// a number must start with one of them. Empty allows any number that
	// is not blocked.
	Allowed []string
	// Blocked holds the operator's blocked patterns, in normal form, on top
	// of the built-in blocks.
	Blocked []string
	// DailyMax is how many calls the server may place per day, the day
	// running from midnight to midnight in Location. 0 switches outbound
	// calling off.
	DailyMax int
	// MaxConcurrent is how many calls placed by the server may be live at
	// once.
	MaxConcurrent int
	// Quiet is the daily span, in Location, in which no call is placed; nil
	// means none.
	Quiet *Window
	// Location is the time zone of the day boundary and the quiet hours;
	// nil means UTC.
	Location *time.Location
	// DryRun asks the tools to return a call request instead of sending it.
	// The policy only carries it; the tools enforce it.
	DryRun bool
	// Source says where the policy came from, e.g. "environment" or
	// "environment + /etc/voicedock/policy.json".
	Source string

	// from records, per file key, where the value came from: an
	// environment variable or "<key> in <file>". Missing means the default.
	from map[string]string
}

// Rule names, as a [Refusal] carries them.
const (
	RuleNumberFormat = "number_format"
	RuleEmergency    = "emergency"
	RulePremiumRate  = "premium_rate"
	RuleBlocked      = "blocked_numbers"
	RuleAllowed      = "allowed_destinations"
	RuleDailyMax     = "daily_max"
	RuleConcurrent   = "max_concurrent"
	RuleQuietHours   = "quiet_hours"
)

// Refusal is a call the policy does not allow. Reason says why; Fix says what
// the model may still do and what an operator changes to lift the rule.
type Refusal struct {
	Rule   string // one of the Rule constants
	Reason string // why, without a final period
	Fix    string // one or more sentences
}

func (r *Refusal) Error() string {
	return fmt.Sprintf("refused by the operator's policy (rule %s): %s. %s", r.Rule, r.Reason, r.Fix)
}

// CheckDestination returns a [*Refusal] when number may not be called, and
// nil when it may. Spaces, dashes, dots and parentheses in number are
// ignored; anything else that is not an E.164 number is refused. The rules
// run in this order: emergency, number_format, premium_rate,
// blocked_numbers, allowed_destinations.
func (p *Policy) CheckDestination(number string) error {
	n := normalNumber(number)
	if code, ok := emergencyCode(n); ok {
		return &Refusal{Rule: RuleEmergency,
			Reason: fmt.Sprintf("%q is the emergency or short service number %s", number, code),
			Fix: "Emergency and short service numbers are blocked by a built-in rule that no operator " +
				"setting lifts, and the model cannot change it."}
	}
	if !isE164(n) {
		return &Refusal{Rule: RuleNumberFormat,
			Reason: fmt.Sprintf("%q is not a phone number in E.164 form", number),
			Fix: "Give the number as + then country code and number, 7 to 15 digits, e.g. +31612345678; " +
				"the policy judges no other form, and no operator setting changes that."}
	}
	if r, ok := premiumRangeOf(n); ok {
		return &Refusal{Rule: RulePremiumRate,
			Reason: fmt.Sprintf("%s is in the costly range %s (%s)", n, r.prefix, r.note),
			Fix: "Premium-rate and costly ranges are blocked by a built-in rule that no operator " +
				"setting lifts, and the model cannot change it."}
	}
	return p.checkLists(n)
}

// checkLists applies the operator's blocked and allowed patterns to n, an
// E.164 number.
func (p *Policy) checkLists(n string) error {
	if pattern, ok := matchPattern(n, p.Blocked); ok {
		return &Refusal{Rule: RuleBlocked,
			Reason: fmt.Sprintf("%s matches the blocked pattern %s", n, pattern),
			Fix: fmt.Sprintf("Only the operator can unblock it, by removing %s from %s; the model cannot.",
				pattern, p.origin(blockedSetting))}
	}
	if _, ok := matchPattern(n, p.Allowed); ok || len(p.Allowed) == 0 {
		return nil
	}
	return &Refusal{Rule: RuleAllowed,
		Reason: fmt.Sprintf("%s is outside the allowed destinations (%s)", n, strings.Join(p.Allowed, ", ")),
		Fix: fmt.Sprintf("Only the operator can allow it, by adding a pattern to %s; the model cannot.",
			p.where(allowedSetting))}
}

// CheckTime returns a [*Refusal] when now falls inside the quiet hours, read
// as wall-clock time in the policy's Location, and nil otherwise.
func (p *Policy) CheckTime(now time.Time) error {
	local := now.In(p.location())
	if p.Quiet == nil || !p.Quiet.Contains(local) {
		return nil
	}
	zone := p.location().String()
	return &Refusal{Rule: RuleQuietHours,
		Reason: fmt.Sprintf("it is %s %s, inside the quiet hours %s", local.Format("15:04"), zone, p.Quiet),
		Fix: fmt.Sprintf("Calls can be placed again from %s %s. Only the operator can change the quiet "+
			"hours, with %s; the model cannot.", clock(p.Quiet.End), zone, p.where(quietSetting))}
}

// location is the policy's time zone, UTC when none is set.
func (p *Policy) location() *time.Location {
	if p.Location == nil {
		return time.UTC
	}
	return p.Location
}

// origin names where the value of setting s came from; for a default, its
// environment variable.
func (p *Policy) origin(s setting) string {
	if from := p.from[s.key]; from != "" {
		return from
	}
	return s.env
}

// where names the place an operator changes setting s: the place its value
// came from, and the environment variable, which wins over the file.
func (p *Policy) where(s setting) string {
	if from := p.origin(s); from != s.env {
		return from + " or " + s.env
	}
	return s.env
}
