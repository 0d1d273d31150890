package policy

import (
	"fmt"
	"strings"
)

// Describe returns the policy as lines for a person, such as the output of
// `voicedock-mcp check`: where it came from, then one line per rule,
// defaults and built-in blocks included, each saying where its value came
// from.
func (p *Policy) Describe() []string {
	return []string{
		"policy from: " + p.Source,
		RuleAllowed + ": " + p.describeAllowed(),
		RuleBlocked + ": " + p.describeBlocked(),
		RuleEmergency + ": always blocked, built in: " + strings.Join(allEmergencyCodes(), ", ") +
			"; dialled as is, with + or behind a country code",
		RulePremiumRate + ": always blocked, built in: " + strings.Join(allPremiumPrefixes(), ", "),
		RuleNumberFormat + ": always on, built in: only E.164 numbers (+ and 7 to 15 digits) are called",
		RuleDailyMax + ": " + p.describeDailyMax(),
		RuleConcurrent + ": " + fmt.Sprintf("at most %s placed by this server live at once %s",
			calls(p.MaxConcurrent), p.describeOrigin(concurrentSetting)),
		RuleQuietHours + ": " + p.describeQuiet(),
		"timezone: " + p.location().String() + " " + p.describeOrigin(zoneSetting),
		"dry_run: " + p.describeDryRun(),
	}
}

func (p *Policy) describeAllowed() string {
	if len(p.Allowed) == 0 {
		return "any number that is not blocked " + p.describeOrigin(allowedSetting)
	}
	return "only numbers starting " + strings.Join(p.Allowed, ", ") + " " + p.describeOrigin(allowedSetting)
}

func (p *Policy) describeBlocked() string {
	if len(p.Blocked) == 0 {
		return "none beyond the built-in blocks " + p.describeOrigin(blockedSetting)
	}
	return strings.Join(p.Blocked, ", ") + ", on top of the built-in blocks " +
		p.describeOrigin(blockedSetting)
}

func (p *Policy) describeDailyMax() string {
	if p.DailyMax == 0 {
		return "0: outbound calling is switched off " + p.describeOrigin(dailySetting)
	}
	return fmt.Sprintf("at most %d calls a day, the day starting at midnight %s %s",
		p.DailyMax, p.location(), p.describeOrigin(dailySetting))
}

func (p *Policy) describeQuiet() string {
	if p.Quiet == nil {
		return "none " + p.describeOrigin(quietSetting)
	}
	return fmt.Sprintf("no calls from %s to %s %s %s", clock(p.Quiet.Start), clock(p.Quiet.End),
		p.location(), p.describeOrigin(quietSetting))
}

func (p *Policy) describeDryRun() string {
	if p.DryRun {
		return "on: call requests are returned, never sent " + p.describeOrigin(dryRunSetting)
	}
	return "off: calls are placed for real " + p.describeOrigin(dryRunSetting)
}

// describeOrigin says in parentheses where the value of s came from, or
// that it is the default and which variable changes it.
func (p *Policy) describeOrigin(s setting) string {
	if from := p.from[s.key]; from != "" {
		return "(set by " + from + ")"
	}
	return "(default; " + s.env + " changes it)"
}

// calls counts calls in words: "1 call", "3 calls".
func calls(n int) string {
	if n == 1 {
		return "1 call"
	}
	return fmt.Sprintf("%d calls", n)
}
