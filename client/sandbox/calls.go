package sandbox

import (
	"slices"
	"time"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

// callRecord is one call. Until it is final its status and transcript
// follow from the time it is looked at.
type callRecord struct {
	id, direction       string
	caller, orgPhone    string // caller_phone (the other party) and the org's number
	agentID, numberID   string
	agentName, business string
	roomName, recording string
	metadata            map[string]any

	placed    time.Time
	ringAt    time.Time // zero: the call does not ring (web calls)
	answerAt  time.Time // zero: never answered
	endAt     time.Time // when the call ends unless ended earlier
	endReason string    // what it ends with at endAt
	endStatus string

	messages       []message      // the transcript, including lines still to come
	analysisSchema map[string]any // nil without a structured-data plan
	control        window         // call-control commands in the current minute

	// Set when the call ends.
	final           bool
	ended           time.Time
	status, errText string
	summary         string
	analysis        map[string]any
}

// message is one transcript line and the time it is said.
type message struct {
	role, content string
	at            time.Time
}

// statusAt is the call's status at now.
func (c *callRecord) statusAt(now time.Time) string {
	switch {
	case c.final:
		return c.status
	case !c.answerAt.IsZero() && !now.Before(c.answerAt):
		return "in-progress"
	case !c.ringAt.IsZero() && !now.Before(c.ringAt):
		return "ringing"
	case c.direction == "outbound":
		return "dialing"
	}
	return "connecting"
}

// said returns the transcript lines said by now.
func (c *callRecord) said(now time.Time) []message {
	i := slices.IndexFunc(c.messages, func(m message) bool { return m.at.After(now) })
	if i < 0 {
		return c.messages
	}
	return c.messages[:i]
}

// say adds a line to the transcript at time at, keeping it in order.
func (c *callRecord) say(role, content string, at time.Time) {
	c.messages = append(c.messages, message{role: role, content: content, at: at})
	slices.SortStableFunc(c.messages, func(a, b message) int { return a.at.Compare(b.at) })
}

func (c *callRecord) durationSeconds() int {
	if !c.final || c.answerAt.IsZero() || c.ended.Before(c.answerAt) {
		return 0
	}
	return int(c.ended.Sub(c.answerAt).Round(time.Second) / time.Second)
}

// view renders the call object as it stands at now.
func (c *callRecord) view(now time.Time) map[string]any {
	said := c.said(now)
	msgs := make([]map[string]any, 0, len(said))
	updated := c.placed
	for _, m := range said {
		msgs = append(msgs, map[string]any{"role": m.role, "content": m.content})
		updated = m.at
	}
	var started, ended, duration, summary, analysis any
	if !c.answerAt.IsZero() && !now.Before(c.answerAt) {
		started = stamp(c.answerAt)
		updated = later(updated, c.answerAt)
	}
	if c.final {
		ended, duration, summary = stamp(c.ended), c.durationSeconds(), c.summary
		if c.analysis != nil {
			analysis = c.analysis
		}
		updated = c.ended.Add(time.Second)
	}
	return map[string]any{
		"id": c.id, "caller_phone": orNil(c.caller), "assistant_phone": orNil(c.orgPhone),
		"status": c.statusAt(now), "direction": c.direction, "end_reason": orNil(c.endReasonIfFinal()),
		"error": orNil(c.errText), "started_at": started, "ended_at": ended, "duration_seconds": duration,
		"summary": summary, "analysis_result": analysis, "messages": msgs, "room_name": orNil(c.roomName),
		"recording_url": orNil(c.recording), "agent_id": orNil(c.agentID), "number_id": orNil(c.numberID),
		"agent_name": orNil(c.agentName), "business_name": orNil(c.business), "phone_number": orNil(c.orgPhone),
		"created_at": stamp(c.placed), "updated_at": stamp(updated),
	}
}

func (c *callRecord) endReasonIfFinal() string {
	if c.final {
		return c.endReason
	}
	return ""
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// listCalls answers newest first, filtered by status and dates, paginated.
func (s *Server) listCalls(c *req) (answer, *failure) {
	limit, offset, fail := paging(c, 100, 1000)
	if fail != nil {
		return answer{}, fail
	}
	from, to, fail := dateRange(c)
	if fail != nil {
		return answer{}, fail
	}
	status := c.r.URL.Query().Get("status")
	if status != "" && !slices.Contains(catalog.CallStatuses, status) {
		return answer{}, badRequest("status", "status must be one of %v, got %q", catalog.CallStatuses, status)
	}
	var match []*callRecord
	for _, call := range c.org.callsNewestFirst() {
		if (status == "" || call.statusAt(c.now) == status) && within(call.placed, from, to) {
			match = append(match, call)
		}
	}
	page := views(pageOf(match, limit, offset), func(call *callRecord) map[string]any { return call.view(c.now) })
	return ok(map[string]any{"calls": page, "pagination": pagination(len(match), limit, offset)}), nil
}

func (org *Organization) callsNewestFirst() []*callRecord {
	calls := org.calls.all()
	slices.SortStableFunc(calls, func(a, b *callRecord) int { return b.placed.Compare(a.placed) })
	return calls
}

// getCall answers the call object unwrapped. Call ids hold '+', matched
// on the decoded path segment, so the %2B form works too.
func (s *Server) getCall(c *req) (answer, *failure) {
	call, fail := c.org.call(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	return ok(call.view(c.now)), nil
}

func (org *Organization) call(id string) (*callRecord, *failure) {
	if c, found := org.calls.get(id); found {
		return c, nil
	}
	return nil, notFound("Call")
}
