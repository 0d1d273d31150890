package sandbox

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

// controlLimit is how many control commands a call takes per minute.
const controlLimit = 10

// controlCall sends a live command to a call in progress, at most
// controlLimit a minute per call: inject-context
// and say add to the transcript, say with end_after and end-call end the
// call (end_reason api_end_call), transfer hands it on (status
// transferred).
func (s *Server) controlCall(c *req) (answer, *failure) {
	call, fail := c.org.call(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	typ := b.enum("type", true, catalog.ControlCommands)
	var content, message, dest string
	var flag bool
	switch typ {
	case "inject-context":
		content = b.str("content", true)
		flag, _ = b.boolean("trigger_response")
	case "say":
		content = b.str("content", true)
		flag, _ = b.boolean("end_after")
	case "end-call":
		message = b.str("message", false)
	case "transfer":
		dest = b.str("destination", true)
		if dest != "" && !e164.MatchString(dest) && !sipURI.MatchString(dest) {
			b.invalid("destination", "must be %s or a SIP URI like sip:desk@pbx.example.org, got %q", e164Text, dest)
		}
		message = b.str("message", false)
	}
	if err := b.err(); err != nil {
		return answer{}, err
	}
	if status := call.statusAt(c.now); status != "in-progress" {
		return answer{}, badRequest("", "Call is not active (status %s); commands need a call in progress", status)
	}
	// Only commands that act count against the call's limit; the API does
	// not document how it counts refused ones (this server assumes the same).
	if fail := call.admitCommand(c.now); fail != nil {
		return answer{}, fail
	}
	switch typ {
	case "inject-context":
		call.say("system", content, c.now)
		if flag {
			call.say("assistant", "Understood, let me take that into account.", c.now)
		}
	case "say":
		call.say("assistant", content, c.now)
		if flag {
			s.finish(c.org, call, c.now, "api_end_call", "ended")
		}
	case "end-call":
		if message != "" {
			call.say("assistant", message, c.now)
		}
		s.finish(c.org, call, c.now, "api_end_call", "ended")
	case "transfer":
		if message != "" {
			call.say("assistant", message, c.now)
		}
		call.say("system", "Call transferred to "+dest, c.now)
		s.finish(c.org, call, c.now, "api_transfer", "transferred")
	}
	return ok(map[string]any{"success": true, "message": "Command sent successfully"}), nil
}

// admitCommand counts a command against the call's fixed one-minute
// window and answers 429 with the call's rate-limit headers past it.
func (c *callRecord) admitCommand(now time.Time) *failure {
	if c.control.start.IsZero() || !now.Before(c.control.start.Add(time.Minute)) {
		c.control = window{start: now}
	}
	c.control.used++
	if c.control.used <= controlLimit {
		return nil
	}
	reset := c.control.start.Add(time.Minute)
	retry := max(int(math.Ceil(reset.Sub(now).Seconds())), 1)
	return &failure{
		status: http.StatusTooManyRequests, code: "rate_limit_exceeded",
		message: fmt.Sprintf("Too many commands for this call (%d per minute). Please retry after %d seconds.", controlLimit, retry),
		extra:   map[string]any{"retry_after": retry},
		header: http.Header{
			"Retry-After":           {strconv.Itoa(retry)},
			"X-Ratelimit-Limit":     {strconv.Itoa(controlLimit)},
			"X-Ratelimit-Remaining": {"0"},
			"X-Ratelimit-Reset":     {strconv.FormatInt(reset.Unix(), 10)},
		},
	}
}
