package sandbox

import (
	"math/rand/v2"
	"net/url"
	"strings"
	"time"
)

// historic is a call of the seeded history: it is created ended.
type historic struct {
	id, direction, caller string
	assistant             *doc
	number                *number
	placed                time.Time
	lines                 []line
	status, reason        string
	errText               string
	answered              bool
}

// seedCalls makes the demo organization's history: 36 calls over the four
// weeks before seedDate, mostly inbound, with a few outbound, web,
// transferred, failed and rejected ones, and one very long transcript.
func (s *Server) seedCalls(org *Organization) {
	ids := &idSource{rng: rand.New(rand.NewPCG(36, 2026))}
	front, _ := org.assistants.get(FrontDeskAssistantID)
	zoe, _ := org.assistants.get(CallbackAssistantID)
	nl, _ := org.numbers.get(DutchNumberID)
	de, _ := org.numbers.get(GermanNumberID)
	callers := []string{"+31612345678", "+33612345678", "+4915112345678", "+4520123456", "+48601234567", "+351912345678"}
	for i := range 36 {
		sc := i % len(scenarios)
		h := historic{direction: "inbound", caller: callers[sc], assistant: front, number: nl, answered: true,
			placed: seedDate.Add(-time.Duration(36-i)*18*time.Hour - time.Duration(ids.rng.IntN(240))*time.Minute),
			lines:  scenarios[sc].lines, status: "ended", reason: "user_hangup"}
		if i%3 == 2 {
			h.assistant, h.number = zoe, de
		}
		switch i {
		case 0:
			h.id = ExampleCallID
		case 3, 12, 30:
			h.direction = "outbound"
		case 8, 26:
			h.direction, h.caller, h.number = "web", "", nil
		case 5:
			h.direction, h.answered, h.status, h.reason, h.errText = "outbound", false, "failed", "busy", "SIP 486 Busy Here"
		case 13:
			h.status, h.reason = "transferred", "assistant_transfer"
		case 17:
			h.id, h.caller, h.lines = LongCallID, "+4915112345678", longTranscript(420)
		case 21:
			h.reason = "max_duration"
		case 29:
			h.answered, h.status, h.reason, h.errText = false, "rejected", "insufficient_credits", "Insufficient credits"
		case 33:
			h.status, h.reason, h.errText = "ended-with-error", "error", "STT connection failed"
		}
		if h.id == "" {
			h.id = ids.callID(h.direction, h.caller)
		}
		s.seedCall(org, h)
	}
}

// callID makes the id of a new call: call-_<E.164>_<12 alnum> inbound,
// call-outbound-<random> or call-web-<random> otherwise.
func (g *idSource) callID(direction, customer string) string {
	if direction == "inbound" {
		return "call-_" + customer + "_" + g.token(12)
	}
	return "call-" + direction + "-" + strings.ToLower(g.token(12))
}

// seedCall adds an ended call: the assistant's first message and the
// lines six seconds apart, then ended, summarised, analysed and logged as
// usage by finish.
func (s *Server) seedCall(org *Organization, h historic) {
	c := &callRecord{id: h.id, direction: h.direction, caller: h.caller, agentID: h.assistant.id,
		agentName: h.assistant.str("name"), business: h.assistant.str("business_name"),
		roomName: h.direction + "-" + strings.ToLower(h.id[len(h.id)-8:]), placed: h.placed, errText: h.errText}
	if h.direction != "web" {
		c.ringAt = h.placed.Add(2 * time.Second)
	}
	if h.number != nil {
		c.orgPhone, c.numberID = h.number.phone, h.number.id
	}
	end := h.placed.Add(20 * time.Second)
	if h.answered {
		c.answerAt = h.placed.Add(5 * time.Second)
		lines := append([]line{{"assistant", h.assistant.str("first_message")}}, h.lines...)
		for i, l := range lines {
			c.messages = append(c.messages, message{role: l.role, content: l.content,
				at: c.answerAt.Add(time.Duration(i) * 6 * time.Second)})
		}
		end = c.answerAt.Add(time.Duration(len(lines))*6*time.Second + 3*time.Second)
		if h.reason == "max_duration" {
			end = c.answerAt.Add(seconds(h.assistant.fields["max_duration_seconds"]))
		}
		c.recording = "https://recordings.sandbox.invalid/" + url.PathEscape(h.id) + ".mp3"
	}
	if plan := asMap(asMap(h.assistant.fields["analysis_plan"])["structured_data_plan"]); plan["enabled"] == true {
		c.analysisSchema = asMap(plan["schema"])
	}
	org.calls.add(c.id, c)
	s.finish(org, c, end, h.reason, h.status)
}

// seedLiveCall adds an inbound call to Zoë that is answered at now and
// goes on for an hour.
func (s *Server) seedLiveCall(org *Organization, now time.Time) {
	zoe, _ := org.assistants.get(CallbackAssistantID)
	de, _ := org.numbers.get(GermanNumberID)
	c := s.newCall(org, placement{id: LiveCallID, direction: "inbound", customer: "+31687654321", fields: zoe.fields,
		agentID: zoe.id, number: de, at: now.Add(-s.opts.Timeline.Answer)})
	c.endAt, c.endReason = c.answerAt.Add(time.Hour), "user_hangup"
}
