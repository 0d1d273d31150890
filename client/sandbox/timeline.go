package sandbox

import (
	"fmt"
	"slices"
	"time"
)

// Timeline paces simulated calls and campaigns. Nothing runs in the
// background: a call's state is worked out from Options.Now whenever a
// request reads it, so a fake clock moves calls along deterministically.
type Timeline struct {
	// Ringing is how long after being placed a call rings; default 2s.
	Ringing time.Duration
	// Answer is how long after being placed a call is answered and in
	// progress; default 4s.
	Answer time.Duration
	// Talk is how long an answered call lasts unless a control command or
	// the assistant's max_duration_seconds ends it earlier; default 40s. It
	// then ends with end_reason "user_hangup".
	Talk time.Duration
	// Turn is the time between two messages of the transcript while a call
	// is in progress; default 4s.
	Turn time.Duration
	// Dial is the time between two leads dialed by a scheduled campaign;
	// default 5s.
	Dial time.Duration
}

func (t Timeline) withDefaults() Timeline {
	set := func(d *time.Duration, def time.Duration) {
		if *d <= 0 {
			*d = def
		}
	}
	set(&t.Ringing, 2*time.Second)
	set(&t.Answer, 4*time.Second)
	set(&t.Talk, 40*time.Second)
	set(&t.Turn, 4*time.Second)
	set(&t.Dial, 5*time.Second)
	return t
}

// advance brings an organization's calls and campaigns up to now: due
// campaign leads are dialed, calls past their end are finished and billed,
// and leads and campaigns settle.
func (s *Server) advance(org *Organization, now time.Time) {
	for _, cp := range org.campaigns.all() {
		s.runCampaign(org, cp, now)
	}
	for _, c := range org.calls.all() {
		if !c.final && !now.Before(c.endAt) {
			s.finish(org, c, c.endAt, c.endReason, c.endStatus)
		}
	}
	for _, cp := range org.campaigns.all() {
		org.settle(cp)
	}
}

// finish ends a call at the given time: the transcript stops there, the
// summary and analysis are written, and the minutes talked are taken
// from the balance and logged as usage.
func (s *Server) finish(org *Organization, c *callRecord, at time.Time, reason, status string) {
	c.final, c.ended, c.endReason, c.status = true, at, reason, status
	c.messages = slices.DeleteFunc(c.messages, func(m message) bool { return m.at.After(at) })
	secs := c.durationSeconds()
	c.summary = summarize(c, reason, secs)
	if c.analysisSchema != nil && len(c.messages) >= 2 {
		c.analysis = analyze(c.analysisSchema, c)
	}
	if secs == 0 {
		return
	}
	minutes := float64(secs) / 60
	org.MinutesBalance -= minutes
	org.MonthlyUsageMinutes += minutes
	org.usage = append(org.usage, &usageLog{id: s.ids.uuid(), call: c, seconds: secs, created: at})
}

// summarize writes the post-call summary of a call.
func summarize(c *callRecord, reason string, secs int) string {
	who := c.caller
	if who == "" {
		who = "a web visitor"
	}
	switch {
	case c.status == "failed":
		return fmt.Sprintf("The call to %s was not answered.", who)
	case secs == 0:
		return fmt.Sprintf("The call with %s ended before it was answered.", who)
	}
	topic := "a general question"
	for _, m := range c.messages {
		if m.role == "user" {
			topic = fmt.Sprintf("“%s”", clip(m.content, 80))
			break
		}
	}
	duration := fmt.Sprintf("%d seconds", secs)
	if secs == 1 {
		duration = "1 second"
	}
	return fmt.Sprintf("%s spoke with %s for %s about %s; %d messages were exchanged. Ended: %s.",
		who, c.agentName, duration, topic, len(c.messages), reason)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// analyze fills the properties of an analysis plan's schema with values
// that fit their types.
func analyze(schema map[string]any, c *callRecord) map[string]any {
	out := map[string]any{}
	props, _ := schema["properties"].(map[string]any)
	for name, raw := range props {
		p, _ := raw.(map[string]any)
		if enum, _ := p["enum"].([]any); len(enum) > 0 {
			out[name] = enum[0]
			continue
		}
		switch p["type"] {
		case "boolean":
			out[name] = c.endReason != "max_duration"
		case "number", "integer":
			out[name] = 4 + len(c.messages)%6
		case "array":
			out[name] = []any{}
		case "object":
			out[name] = map[string]any{}
		default:
			out[name] = clip(c.summary, 120)
		}
	}
	return out
}
