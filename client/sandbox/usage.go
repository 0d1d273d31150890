package sandbox

import (
	"math"
	"slices"
	"time"
)

// usageLog is the billing entry of one ended call.
type usageLog struct {
	id      string
	call    *callRecord
	seconds int
	created time.Time
}

func (org *Organization) viewUsage(u *usageLog) map[string]any {
	callType := "phone"
	if u.call.direction == "web" {
		callType = "web"
	}
	return map[string]any{
		"id": u.id, "duration_sec": u.seconds, "call_type": callType,
		"byok_stt": org.byok["deepgram"] != "", "byok_llm": org.byok["openai"] != "", "byok_tts": org.byok["elevenlabs"] != "",
		"phone_number": orNil(u.call.orgPhone), "agent_name": orNil(u.call.agentName),
		"business_name": orNil(u.call.business), "created_at": stamp(u.created),
	}
}

// listUsage answers the usage logs newest first, filtered by date and
// paginated, with a summary of every log that matched.
func (s *Server) listUsage(c *req) (answer, *failure) {
	limit, offset, fail := paging(c, 100, 1000)
	if fail != nil {
		return answer{}, fail
	}
	from, to, fail := dateRange(c)
	if fail != nil {
		return answer{}, fail
	}
	var match []*usageLog
	seconds := 0
	for _, u := range c.org.usage {
		if within(u.created, from, to) {
			match = append(match, u)
			seconds += u.seconds
		}
	}
	slices.SortStableFunc(match, func(a, b *usageLog) int { return b.created.Compare(a.created) })
	return ok(map[string]any{
		"logs":       views(pageOf(match, limit, offset), c.org.viewUsage),
		"pagination": pagination(len(match), limit, offset),
		"summary": map[string]any{"total_calls": len(match), "total_duration_seconds": seconds,
			"total_duration_minutes": math.Round(float64(seconds)/60*100) / 100},
	}), nil
}
