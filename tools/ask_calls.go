package tools

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/voicedock/voicedock-mcp/client"
)

// orchestrationEuroPerMinute is the documented platform fee of a call,
// on top of model usage.
const orchestrationEuroPerMinute = 0.07

// askOutboundCall shows the call a person is about to allow: who is
// called, from which number, by which assistant, how long it can last and
// the most it can cost. The person types the last four digits of the
// number called.
func askOutboundCall(ctx context.Context, c *client.Client, g *guard, args map[string]any) (*question, error) {
	dest := args["destination"].(string) // required
	q := &question{action: "Place a phone call to " + dest,
		warning: "It rings a real person and is billed per minute.",
		digits:  dest[len(dest)-4:], target: "call to " + dest}
	q.fact("Number called", dest)
	if last, recent := g.recentCallTo(dest); recent {
		q.action = "Call " + dest + " AGAIN"
		q.warning = "A call to this number was just placed: " + q.warning
		q.fact("Just called", "this server placed a call to this number at "+last.UTC().Format("15:04 UTC")+
			"; this would be another one")
	}
	from := "one of your numbers, chosen by the platform"
	if id, ok := args["number_id"].(string); ok {
		number, err := fetch(ctx, c, "/numbers/{id}", map[string]string{"id": id})
		if err != nil {
			return nil, err
		}
		from = text(number, "phone_number", "number") + " (" + id + ")"
	}
	q.fact("Caller ID", from)
	if err := assistantFacts(ctx, c, q, args); err != nil {
		return nil, err
	}
	return q, nil
}

// askWebCall shows the browser call a person is about to start.
func askWebCall(ctx context.Context, c *client.Client, g *guard, args map[string]any) (*question, error) {
	q := &question{action: "Start a web call", warning: "It is billed per minute like a phone call."}
	if err := assistantFacts(ctx, c, q, args); err != nil {
		return nil, err
	}
	q.target = "web call with " + strings.TrimPrefix(q.facts[0], "Assistant: ")
	return q, nil
}

// assistantFacts adds who talks in the call: the assistant, what it says
// first, the instructions and model this call gives it instead of the
// saved ones, its longest call and the most that can cost. A saved
// assistant is read from the API and the call's override laid over it; a
// one-off assistant is read from the arguments.
func assistantFacts(ctx context.Context, c *client.Client, q *question, args map[string]any) error {
	var name string
	var base map[string]any
	if id, ok := args["assistant_id"].(string); ok {
		saved, err := fetch(ctx, c, "/assistants/{id}", map[string]string{"id": id})
		if err != nil {
			return err
		}
		name, base = truncateRunes(text(saved, "name"), maxNameRunes)+" ("+id+")", saved
	} else {
		base, _ = args["assistant"].(map[string]any)
		name = "a one-off assistant"
		if n, _ := base["name"].(string); n != "" {
			name = truncateRunes(n, maxNameRunes) + " (one-off)"
		}
	}
	override, _ := args["assistant_override"].(map[string]any)
	effective := map[string]any{}
	maps.Copy(effective, base)
	maps.Copy(effective, override) // the override's keys replace the assistant's, null included
	if first, ok := args["first_message"]; ok {
		effective["first_message"] = first
	}
	q.fact("Assistant", name)
	if first, _ := effective["first_message"].(string); first != "" {
		q.fact("Opening line", first)
	}
	_, oneOff := args["assistant"]
	if oneOff || override["llm_config"] != nil {
		llm, _ := effective["llm_config"].(map[string]any)
		q.fact("Model for this call", text(llm, "provider")+" "+text(llm, "model"))
		q.fact("Instructions for this call", instructions(llm))
	}
	for _, key := range slices.Sorted(maps.Keys(effective)) {
		_, overridden := override[key]
		if (overridden || oneOff && slices.Contains(reachingKeys, key)) && !slices.Contains(shownKeys, key) {
			q.fact("Also for this call, "+key, argumentText(param{name: key}, effective[key]))
		}
	}
	limit := numberOf(effective["max_duration_seconds"])
	q.fact("Longest possible call", durationText(limit))
	q.fact("Most it can cost", costText(limit))
	return nil
}

// shownKeys are the assistant fields a call form shows on lines of their
// own; every other field a call's override sets is listed after them.
var shownKeys = []string{"name", "first_message", "llm_config", "max_duration_seconds"}

// reachingKeys are the fields of a one-off assistant, beyond shownKeys,
// that reach the person called or carry the call elsewhere.
var reachingKeys = []string{"voicemail_message", "end_call_message", "webhook_url"}

// instructions are every message of an llm_config, each with its role, or
// what stands in for them.
func instructions(llm map[string]any) string {
	messages, _ := llm["messages"].([]any)
	var parts []string
	for _, m := range messages {
		if msg, ok := m.(map[string]any); ok {
			parts = append(parts, fmt.Sprintf("%v: %v", msg["role"], msg["content"]))
		}
	}
	if len(parts) == 0 {
		return "none given"
	}
	return strings.Join(parts, " / ")
}

// durationText says how long a call can last; limit 0 is no limit.
func durationText(limit float64) string {
	if limit <= 0 {
		return "no limit: the assistant sets no max_duration_seconds, so the call lasts until someone hangs up"
	}
	s := int(limit)
	switch {
	case s%60 == 0:
		return plural(s/60, "minute")
	case s < 60:
		return plural(s, "second")
	}
	return plural(s/60, "minute") + " " + plural(s%60, "second")
}

// costText is the most a call of limit seconds can cost in platform fees
// (billed per started minute), with model usage on top.
func costText(limit float64) string {
	if limit <= 0 {
		return fmt.Sprintf("no upper bound: €%.2f per minute for as long as it lasts, plus model usage",
			orchestrationEuroPerMinute)
	}
	minutes := math.Ceil(limit / 60)
	return fmt.Sprintf("€%.2f platform fee (%s × €%.2f), plus model usage",
		minutes*orchestrationEuroPerMinute, plural(int(minutes), "minute"), orchestrationEuroPerMinute)
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// text is the first of fields that obj holds as a non-empty string, or
// "unknown".
func text(obj map[string]any, fields ...string) string {
	for _, f := range fields {
		if s, ok := obj[f].(string); ok && s != "" {
			return s
		}
	}
	return "unknown"
}
