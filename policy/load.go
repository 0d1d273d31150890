package policy

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // time zones load on machines without /usr/share/zoneinfo
)

// Environment variables the policy is read from.
const (
	EnvFile          = "HMS_SOVEREIGN_POLICY_FILE"
	EnvAllowed       = "HMS_SOVEREIGN_ALLOWED_DESTINATIONS"
	EnvBlocked       = "HMS_SOVEREIGN_BLOCKED_NUMBERS"
	EnvDailyMax      = "HMS_SOVEREIGN_MAX_CALLS_PER_DAY"
	EnvMaxConcurrent = "HMS_SOVEREIGN_MAX_CONCURRENT_CALLS"
	EnvQuietHours    = "HMS_SOVEREIGN_QUIET_HOURS"
	EnvTimezone      = "HMS_SOVEREIGN_TIMEZONE"
	EnvDryRun        = "HMS_SOVEREIGN_DRY_RUN"
)

// Variables are every environment variable the policy reads.
var Variables = []string{EnvFile, EnvAllowed, EnvBlocked, EnvDailyMax, EnvMaxConcurrent, EnvQuietHours,
	EnvTimezone, EnvDryRun}

// Defaults of the limits.
const (
	DefaultDailyMax      = 50
	DefaultMaxConcurrent = 3
)

// setting is one setting of the policy: its environment variable, its key
// in the policy file, and what a valid value looks like.
type setting struct {
	env  string
	key  string
	want string
}

// The settings. Their keys are the only keys a policy file may hold.
var (
	allowedSetting = setting{EnvAllowed, "allowed_destinations",
		"patterns such as +31 or +3120*"}
	blockedSetting = setting{EnvBlocked, "blocked_numbers",
		"patterns such as +31 or +3120*"}
	dailySetting = setting{EnvDailyMax, "max_calls_per_day",
		"a whole number of calls, e.g. 50, or 0 to switch outbound calling off"}
	concurrentSetting = setting{EnvMaxConcurrent, "max_concurrent_calls",
		"a whole number of calls, 1 or more, e.g. 3"}
	quietSetting = setting{EnvQuietHours, "quiet_hours",
		"a time span HH:MM-HH:MM, e.g. 21:00-08:00"}
	zoneSetting = setting{EnvTimezone, "timezone",
		"an IANA time zone name such as Europe/Amsterdam, or UTC"}
	dryRunSetting = setting{EnvDryRun, "dry_run",
		"true or false (or 1 or 0)"}

	settings = []setting{allowedSetting, blockedSetting, dailySetting, concurrentSetting, quietSetting,
		zoneSetting, dryRunSetting}
)

// Load reads the policy from environ (NAME → value), and from the JSON file
// that HMS_SOVEREIGN_POLICY_FILE names, if any. For each setting the
// environment wins over the file and the file over the default, except
// blocked numbers: those of the environment and the file both apply. A
// variable set to blank counts as unset. The error names every variable or
// file key with an unusable value and says what a valid one looks like.
func Load(environ map[string]string) (*Policy, error) {
	l := &loader{environ: environ}
	if err := l.readFile(); err != nil {
		return nil, err
	}
	p := &Policy{Source: "environment", from: map[string]string{}}
	if l.path != "" {
		p.Source += " + " + l.path
	}
	l.loadLists(p)
	l.loadLimits(p)
	l.loadClock(p)
	p.DryRun = l.flag(p, dryRunSetting)
	if len(l.problems) > 0 {
		return nil, errors.New(strings.Join(l.problems, "; "))
	}
	return p, nil
}

// loader reads the settings and collects what is wrong with them.
type loader struct {
	environ  map[string]string
	path     string                     // the policy file, "" when none
	file     map[string]json.RawMessage // the policy file's settings by key
	problems []string
}

func (l *loader) problemf(format string, args ...any) {
	l.problems = append(l.problems, fmt.Sprintf(format, args...))
}

// env returns the trimmed value of variable name, and false when it is
// unset or blank.
func (l *loader) env(name string) (string, bool) {
	v := strings.TrimSpace(l.environ[name])
	return v, v != ""
}

// inFile names setting s in the policy file, e.g. "timezone in /etc/p.json".
func (l *loader) inFile(s setting) string {
	return s.key + " in " + l.path
}

// loadLists reads the allowed and blocked patterns.
func (l *loader) loadLists(p *Policy) {
	allowed, from := l.patterns(allowedSetting)
	if from != "" && len(allowed) == 0 {
		l.problemf("%s: lists no pattern; remove it to allow any destination, or set %s to 0 to "+
			"switch outbound calling off", from, EnvDailyMax)
	}
	p.Allowed = allowed
	record(p, allowedSetting, from)

	envBlocked, envFrom := l.patternsFromEnv(blockedSetting)
	fileBlocked, fileFrom := l.patternsFromFile(blockedSetting)
	p.Blocked = dedupe(append(envBlocked, fileBlocked...))
	record(p, blockedSetting, strings.Join(slices.DeleteFunc([]string{envFrom, fileFrom}, isBlank), " and "))
}

// loadLimits reads the daily and concurrent maximums.
func (l *loader) loadLimits(p *Policy) {
	p.DailyMax = l.count(p, dailySetting, DefaultDailyMax)
	if p.DailyMax < 0 {
		l.problemf("%s: %d is negative; it must be %s", p.origin(dailySetting), p.DailyMax, dailySetting.want)
	}
	p.MaxConcurrent = l.count(p, concurrentSetting, DefaultMaxConcurrent)
	if p.MaxConcurrent < 1 {
		l.problemf("%s: %d is too few; it must be %s", p.origin(concurrentSetting), p.MaxConcurrent,
			concurrentSetting.want)
	}
}

// loadClock reads the time zone and the quiet hours.
func (l *loader) loadClock(p *Policy) {
	if name, from := l.text(zoneSetting); from != "" {
		loc, err := loadLocation(name)
		if err != nil {
			l.problemf("%s: %v; use %s", from, err, zoneSetting.want)
		}
		p.Location = loc
		record(p, zoneSetting, from)
	}
	if span, from := l.text(quietSetting); from != "" {
		w, err := parseWindow(span)
		if err != nil {
			l.problemf("%s: %v", from, err)
		}
		p.Quiet = w
		record(p, quietSetting, from)
	}
}

// loadLocation loads an IANA time zone. "Local" is refused, since the
// policy must not depend on the machine's zone, and so is "", which
// time.LoadLocation would take for UTC.
func loadLocation(name string) (*time.Location, error) {
	switch {
	case name == "":
		return nil, errors.New("no zone is named")
	case strings.EqualFold(name, "local"):
		return nil, errors.New(`"Local" depends on the machine`)
	}
	return time.LoadLocation(name)
}

// patterns reads a list of patterns: from the environment when set there,
// else from the file. It returns where the list came from, "" for neither.
func (l *loader) patterns(s setting) ([]string, string) {
	if list, from := l.patternsFromEnv(s); from != "" {
		return list, from
	}
	return l.patternsFromFile(s)
}

// patternsFromEnv reads a comma-separated list of patterns from s's
// variable, skipping empty entries.
func (l *loader) patternsFromEnv(s setting) ([]string, string) {
	v, ok := l.env(s.env)
	if !ok {
		return nil, ""
	}
	return l.normalPatterns(s.env, strings.Split(v, ",")), s.env
}

// patternsFromFile reads an array of patterns from the file's key of s.
func (l *loader) patternsFromFile(s setting) ([]string, string) {
	var list []string
	if !l.fromFile(s, &list, `an array of patterns, e.g. ["+31", "+3120*"]`) {
		return nil, ""
	}
	return l.normalPatterns(l.inFile(s), list), l.inFile(s)
}

// normalPatterns brings patterns to normal form, skipping blank ones and
// noting unusable ones as problems of from.
func (l *loader) normalPatterns(from string, raw []string) []string {
	var out []string
	for _, r := range raw {
		if strings.TrimSpace(r) == "" {
			continue
		}
		p, err := normalPattern(r)
		if err != nil {
			l.problemf("%s: %v", from, err)
			continue
		}
		out = append(out, p)
	}
	return dedupe(out)
}

// count reads a whole number: from the environment when set there, else
// from the file, else def.
func (l *loader) count(p *Policy, s setting, def int) int {
	if v, ok := l.env(s.env); ok {
		record(p, s, s.env)
		n, err := strconv.Atoi(v)
		if err != nil {
			l.problemf("%s: %q is not %s", s.env, v, s.want)
			return def
		}
		return n
	}
	n := def
	if l.fromFile(s, &n, s.want) {
		record(p, s, l.inFile(s))
	}
	return n
}

// text reads a string: from the environment when set there, else from the
// file. It returns where the value came from, "" for neither.
func (l *loader) text(s setting) (string, string) {
	if v, ok := l.env(s.env); ok {
		return v, s.env
	}
	var v string
	if l.fromFile(s, &v, "a string: "+s.want) {
		return strings.TrimSpace(v), l.inFile(s)
	}
	return "", ""
}

// flag reads a boolean: from the environment when set there, else from the
// file, else false.
func (l *loader) flag(p *Policy, s setting) bool {
	if v, ok := l.env(s.env); ok {
		record(p, s, s.env)
		switch strings.ToLower(v) {
		case "true", "1":
			return true
		case "false", "0":
			return false
		}
		l.problemf("%s: %q is not %s", s.env, v, s.want)
		return false
	}
	var b bool
	if l.fromFile(s, &b, "a JSON boolean: true or false") {
		record(p, s, l.inFile(s))
	}
	return b
}

// record notes where the value of s came from; "" leaves it the default.
func record(p *Policy, s setting, from string) {
	if from != "" {
		p.from[s.key] = from
	}
}

// dedupe drops repeated entries, keeping the first of each.
func dedupe(list []string) []string {
	var out []string
	for _, s := range list {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func isBlank(s string) bool { return s == "" }
