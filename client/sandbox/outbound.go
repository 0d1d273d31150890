package sandbox

import (
	"encoding/base64"
	"encoding/json"
	"maps"
	"net/http"
	"strings"
	"time"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

// Placing calls: POST /calls/outbound, and POST /v1/web-calls at the
// server root.

// placeOutbound places a call in one of three modes: assistant_id (alias
// agent_id), a transient assistant (alias agent), or assistant_id with an
// assistant_override (alias agent_config).
func (s *Server) placeOutbound(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	dest := b.pattern("destination", true, e164, e164Text)
	numberID := b.str("number_id", false)
	greeting := b.str("first_message", false)
	fields, agentID, fail := c.org.chooseAssistant(b)
	if fail != nil {
		return answer{}, fail
	}
	n, found := c.org.numbers.get(numberID)
	if numberID != "" && !found {
		return answer{}, notFound("Phone number")
	}
	if c.org.MinutesBalance <= 0 {
		return answer{}, &failure{status: http.StatusPaymentRequired, code: "insufficient_credits",
			message: "Insufficient credits to make outbound call. Please add credits in your billing dashboard.",
			extra:   map[string]any{"balance": round2(c.org.MinutesBalance)}}
	}
	if greeting != "" {
		fields["first_message"] = greeting
	}
	if n == nil {
		n = c.org.callerID()
	}
	call := s.newCall(c.org, placement{id: s.ids.callID("outbound", dest), direction: "outbound", customer: dest,
		fields: fields, agentID: agentID, number: n, at: c.now})
	return ok(map[string]any{"success": true, "call_id": call.id, "status": call.statusAt(c.now),
		"room_name": call.roomName}), nil
}

// chooseAssistant reads the assistant of an outbound or web call and
// returns its fields and, for a saved one, its id.
func (org *Organization) chooseAssistant(b *obj) (map[string]any, string, *failure) {
	idKey, inlineKey, overKey := b.alias("assistant_id", "agent_id"), b.alias("assistant", "agent"),
		b.alias("assistant_override", "agent_config")
	id := b.str(idKey, false)
	inline, over := b.object(inlineKey, false), b.object(overKey, false)
	if err := b.err(); err != nil {
		return nil, "", err
	}
	switch {
	case id == "" && inline == nil:
		f := missingField("assistant_id")
		f.message = "assistant_id or assistant is required"
		return nil, "", f
	case id != "" && inline != nil:
		return nil, "", badRequest(inlineKey, "Give either assistant_id or %s, not both", inlineKey)
	case over != nil && id == "":
		return nil, "", badRequest(overKey, "%s needs assistant_id", overKey)
	case inline != nil:
		return org.transientAssistant(inline)
	}
	a, fail := org.assistant(id)
	if fail != nil {
		return nil, "", fail
	}
	fields := maps.Clone(a.fields)
	if over != nil {
		changes := org.readAssistant(over, false)
		if err := over.check.err; err != nil {
			return nil, "", err
		}
		maps.Copy(fields, changes)
		if err := checkRealtime(fields, overKey+"."); err != nil {
			return nil, "", err
		}
	}
	return fields, a.id, nil
}

// transientAssistant checks a one-off assistant: llm_config is required,
// and a text LLM needs STT and TTS blocks.
func (org *Organization) transientAssistant(o *obj) (map[string]any, string, *failure) {
	fields := org.readAssistant(o, false)
	if llm := o.object("llm_config", true); llm != nil && !catalog.IsRealtime(llmProvider(fields)) {
		o.object("stt_config", true)
		o.object("tts_config", true)
	}
	if err := o.check.err; err != nil {
		return nil, "", err
	}
	if err := checkRealtime(fields, o.path); err != nil {
		return nil, "", err
	}
	if md := asMap(o.m["metadata"]); md != nil {
		fields["metadata"] = md
	}
	if fields["name"] == nil {
		fields["name"] = "Transient assistant"
	}
	return fields, "", nil
}

// callerID picks the number an outbound call comes from when none is
// given: the first active one with a SIP trunk, else the first active one.
func (org *Organization) callerID() *number {
	var first *number
	for _, n := range org.numbers.all() {
		if !n.active {
			continue
		}
		if n.trunkID != "" {
			return n
		}
		if first == nil {
			first = n
		}
	}
	return first
}

// placement is what a new call is made of.
type placement struct {
	id, direction, customer string // customer: the other party's number
	fields                  map[string]any
	agentID                 string
	number                  *number // the org's number, if any
	at                      time.Time
}

// newCall places a call and schedules its lifecycle: ringing, answered,
// and ended after the talk time or the assistant's max_duration_seconds,
// whichever is first. The transcript is the live script, one line a turn.
func (s *Server) newCall(org *Organization, p placement) *callRecord {
	tl := s.opts.Timeline
	c := &callRecord{
		id: p.id, direction: p.direction, caller: p.customer, agentID: p.agentID,
		roomName: p.direction + "-" + strings.ToLower(s.ids.token(8)), placed: p.at,
		answerAt: p.at.Add(tl.Answer), endReason: "user_hangup", endStatus: "ended",
	}
	c.agentName, _ = p.fields["name"].(string)
	c.business, _ = p.fields["business_name"].(string)
	c.metadata = asMap(p.fields["metadata"])
	if p.direction != "web" {
		c.ringAt = p.at.Add(tl.Ringing)
	}
	if p.number != nil {
		c.orgPhone, c.numberID = p.number.phone, p.number.id
	}
	c.endAt = c.answerAt.Add(tl.Talk)
	if limit := seconds(p.fields["max_duration_seconds"]); limit > 0 && limit < tl.Talk {
		c.endAt, c.endReason = c.answerAt.Add(limit), "max_duration"
	}
	if plan := asMap(asMap(p.fields["analysis_plan"])["structured_data_plan"]); plan["enabled"] == true {
		c.analysisSchema = asMap(plan["schema"])
	}
	first, _ := p.fields["first_message"].(string)
	for i, l := range liveScript(first, c.business) {
		c.messages = append(c.messages, message{role: l.role, content: l.content,
			at: c.answerAt.Add(time.Duration(i) * tl.Turn)})
	}
	org.calls.add(c.id, c)
	return c
}

// seconds reads a JSON number of seconds.
func seconds(v any) time.Duration {
	f, _ := v.(float64)
	return time.Duration(f * float64(time.Second))
}

// createWebCall starts a browser call: the answer is a LiveKit-style token
// and server URL, and the call shows up in GET /calls with direction web.
func (s *Server) createWebCall(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	fields, agentID, fail := c.org.chooseAssistant(b)
	if fail != nil {
		return answer{}, fail
	}
	call := s.newCall(c.org, placement{id: s.ids.callID("web", ""), direction: "web", fields: fields,
		agentID: agentID, at: c.now})
	return ok(map[string]any{"token": s.fakeJWT(call, c.now), "server_url": "wss://livekit.sandbox.invalid"}), nil
}

// fakeJWT makes a string shaped like a LiveKit access token; it signs
// nothing.
func (s *Server) fakeJWT(call *callRecord, now time.Time) string {
	enc := func(v any) string {
		data, _ := json.Marshal(v) // maps of strings and numbers always marshal
		return base64.RawURLEncoding.EncodeToString(data)
	}
	header := enc(map[string]any{"alg": "HS256", "typ": "JWT"})
	claims := enc(map[string]any{"iss": "sandbox", "sub": "web-" + call.id, "exp": now.Add(10 * time.Minute).Unix(),
		"video": map[string]any{"room": call.roomName, "roomJoin": true}})
	return header + "." + claims + "." + base64.RawURLEncoding.EncodeToString([]byte(s.ids.token(32)))
}
