package sandbox

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

// campaign is a batch of outbound calls. While scheduled and inside its
// daily window it dials one pending lead every Timeline.Dial; a lead
// whose number ends in 0 does not answer and fails. Once it has leads
// and none is pending or being called, the campaign is completed.
type campaign struct {
	id, name, agentID, status, template string
	start, end, timezone                string
	leads                               store[*lead]
	nextDial                            time.Time // when the next lead may be dialed
	created, updated                    time.Time
}

// lead is one person a campaign calls.
type lead struct {
	id, phone, status, callID string
	variables                 map[string]string
	attempts                  int
	lastAttempt, created      time.Time
}

func viewCampaign(cp *campaign) map[string]any {
	counts := map[string]int{}
	for _, l := range cp.leads.all() {
		counts[l.status]++
	}
	return map[string]any{
		"id": cp.id, "name": cp.name, "agent_id": cp.agentID, "assistant_id": cp.agentID, "status": cp.status,
		"system_message_template": orNil(cp.template), "schedule_start_time": cp.start, "schedule_end_time": cp.end,
		"timezone": cp.timezone, "total_leads": cp.leads.len(), "completed_leads": counts["completed"],
		"failed_leads": counts["failed"], "created_at": stamp(cp.created), "updated_at": stamp(cp.updated),
	}
}

func (cp *campaign) viewLead(l *lead) map[string]any {
	vars := l.variables
	if vars == nil {
		vars = map[string]string{}
	}
	return map[string]any{
		"id": l.id, "campaign_id": cp.id, "phone_number": l.phone, "variables": vars, "status": l.status,
		"call_id": orNil(l.callID), "attempts": l.attempts, "last_attempt_at": stampOrNil(l.lastAttempt),
		"created_at": stamp(l.created),
	}
}

func (s *Server) listCampaigns(c *req) (answer, *failure) {
	return ok(wrap("campaigns", views(c.org.campaigns.all(), viewCampaign))), nil
}

func (s *Server) getCampaign(c *req) (answer, *failure) {
	cp, fail := c.org.campaign(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	return ok(wrap("campaign", viewCampaign(cp))), nil
}

// createCampaign needs a name and an existing assistant (agent_id, or
// assistant_id); the schedule defaults to 09:00–17:00 Europe/Amsterdam.
func (s *Server) createCampaign(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	cp := &campaign{id: s.ids.uuid(), status: "draft", start: "09:00:00", end: "17:00:00",
		timezone: "Europe/Amsterdam", created: c.now, updated: c.now}
	cp.name = b.str("name", true)
	cp.agentID = b.str(b.alias("agent_id", "assistant_id"), true)
	readSchedule(b, cp, c.now)
	var leads []*lead
	for i, raw := range b.list("leads", false) {
		if item := b.item("leads", i, raw); item != nil {
			leads = append(leads, s.readLead(item, c.now))
		}
	}
	if err := b.err(); err != nil {
		return answer{}, err
	}
	if _, found := c.org.assistants.get(cp.agentID); !found {
		return answer{}, notFound("Assistant")
	}
	for _, l := range leads {
		cp.leads.add(l.id, l)
	}
	c.org.campaigns.add(cp.id, cp)
	return created(wrap("campaign", viewCampaign(cp))), nil
}

// patchCampaign changes the fields given; a completed campaign can no
// longer change.
func (s *Server) patchCampaign(c *req) (answer, *failure) {
	cp, fail := c.org.changeableCampaign(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	next := *cp
	if b.has("name") {
		next.name = b.str("name", true)
	}
	readSchedule(b, &next, c.now)
	if err := b.err(); err != nil {
		return answer{}, err
	}
	if next.status == "scheduled" && (next.start != cp.start || next.end != cp.end || next.timezone != cp.timezone) {
		next.nextDial = c.now // a changed window is looked at afresh, not at the old next opening
	}
	next.updated = c.now
	*cp = next
	return ok(wrap("campaign", viewCampaign(cp))), nil
}

var timezone = regexp.MustCompile(`^(UTC|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+-]+){1,2})$`)

// readSchedule applies the status, template and schedule fields of b. A
// campaign set to scheduled starts dialing now.
func readSchedule(b *obj, cp *campaign, now time.Time) {
	if b.has("status") {
		st := b.enum("status", true, catalog.SettableCampaignStatuses)
		if st == "scheduled" && cp.status != "scheduled" {
			cp.nextDial = now
		}
		if st != "" {
			cp.status = st
		}
	}
	if b.has("system_message_template") {
		cp.template = b.str("system_message_template", false)
	}
	if b.set("schedule_start_time") {
		cp.start = b.pattern("schedule_start_time", true, timeOfDay, "a time like 09:00:00")
	}
	if b.set("schedule_end_time") {
		cp.end = b.pattern("schedule_end_time", true, timeOfDay, "a time like 17:00:00")
	}
	if b.set("timezone") {
		cp.timezone = b.pattern("timezone", true, timezone, "an IANA time zone like Europe/Amsterdam")
	}
}

func (s *Server) deleteCampaign(c *req) (answer, *failure) {
	cp, fail := c.org.campaign(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	c.org.campaigns.remove(cp.id)
	return deleted(), nil
}

func (s *Server) listLeads(c *req) (answer, *failure) {
	cp, fail := c.org.campaign(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	return ok(wrap("leads", views(cp.leads.all(), cp.viewLead))), nil
}

func (s *Server) addLead(c *req) (answer, *failure) {
	cp, fail := c.org.changeableCampaign(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	l := s.readLead(b, c.now)
	if err := b.err(); err != nil {
		return answer{}, err
	}
	cp.leads.add(l.id, l)
	return created(wrap("lead", cp.viewLead(l))), nil
}

func (s *Server) readLead(b *obj, now time.Time) *lead {
	l := &lead{id: s.ids.uuid(), status: "pending", created: now}
	l.phone = b.pattern("phone_number", true, e164, e164Text)
	l.variables = b.stringMap("variables")
	return l
}

func (s *Server) deleteLead(c *req) (answer, *failure) {
	cp, fail := c.org.changeableCampaign(c.r.PathValue("id"))
	if fail != nil {
		return answer{}, fail
	}
	id := c.r.PathValue("leadId")
	if _, found := cp.leads.get(id); !found {
		return answer{}, notFound("Lead")
	}
	cp.leads.remove(id)
	return deleted(), nil
}

func (org *Organization) campaign(id string) (*campaign, *failure) {
	if cp, found := org.campaigns.get(id); found {
		return cp, nil
	}
	return nil, notFound("Campaign")
}

// changeableCampaign is campaign, with 409 for a completed one.
func (org *Organization) changeableCampaign(id string) (*campaign, *failure) {
	cp, fail := org.campaign(id)
	if fail == nil && cp.status == "completed" {
		return nil, &failure{status: http.StatusConflict, code: "campaign_completed",
			message: fmt.Sprintf("Campaign %q is completed and can no longer be changed", cp.name)}
	}
	return cp, fail
}

// runCampaign dials the leads that are due by now, each at its own time.
// Outside the daily window the next dial moves to the window's next start.
func (s *Server) runCampaign(org *Organization, cp *campaign, now time.Time) {
	for cp.status == "scheduled" && !cp.nextDial.After(now) {
		next := cp.nextPending()
		if next == nil {
			return
		}
		if start, open := cp.window(cp.nextDial); !open {
			cp.nextDial = start
			continue
		}
		s.dial(org, cp, next, cp.nextDial)
		cp.nextDial = cp.nextDial.Add(s.opts.Timeline.Dial)
	}
}

func (cp *campaign) nextPending() *lead {
	for _, l := range cp.leads.all() {
		if l.status == "pending" {
			return l
		}
	}
	return nil
}

// dial calls a lead at time at with the campaign's assistant and its
// template filled with the lead's variables.
func (s *Server) dial(org *Organization, cp *campaign, l *lead, at time.Time) {
	l.attempts++
	l.lastAttempt = at
	a, found := org.assistants.get(cp.agentID)
	if !found || org.MinutesBalance <= 0 {
		l.status = "failed"
		return
	}
	call := s.newCall(org, placement{id: s.ids.callID("outbound", l.phone), direction: "outbound", customer: l.phone,
		fields: a.fields, agentID: a.id, number: org.callerID(), at: at})
	if cp.template != "" {
		prompt := cp.template
		for k, v := range l.variables {
			prompt = strings.ReplaceAll(prompt, "{{"+k+"}}", v)
		}
		call.say("system", prompt, at)
	}
	if strings.HasSuffix(l.phone, "0") {
		call.answerAt, call.endAt, call.endReason, call.endStatus = time.Time{}, at.Add(s.opts.Timeline.Answer), "no_answer", "failed"
		call.errText = "No answer"
	}
	l.status, l.callID = "calling", call.id
}

// settle brings the campaign's leads in line with their calls, and
// completes the campaign when nothing is left to call.
func (org *Organization) settle(cp *campaign) {
	last := time.Time{}
	for _, l := range cp.leads.all() {
		call, found := org.calls.get(l.callID)
		if l.status == "calling" && found && call.final {
			l.status = map[bool]string{true: "failed", false: "completed"}[call.status == "failed"]
		}
		if l.status == "pending" || l.status == "calling" {
			return
		}
		if found {
			last = later(last, call.ended)
		}
	}
	if cp.status == "scheduled" && cp.leads.len() > 0 {
		cp.status, cp.updated = "completed", later(cp.updated, last)
	}
}

// window reports whether t lies inside the campaign's daily schedule, in
// its time zone (UTC when the zone is unknown here), and when the window
// next opens. A window whose end is not after its start runs overnight.
func (cp *campaign) window(t time.Time) (next time.Time, open bool) {
	loc, err := time.LoadLocation(cp.timezone)
	if err != nil {
		loc = time.UTC
	}
	local := t.In(loc)
	at := func(hms string) time.Time {
		var h, m, sec int
		fmt.Sscanf(hms, "%d:%d:%d", &h, &m, &sec) // checked on write
		return time.Date(local.Year(), local.Month(), local.Day(), h, m, sec, 0, loc)
	}
	start, end := at(cp.start), at(cp.end)
	if end.After(start) {
		open = !local.Before(start) && local.Before(end)
	} else {
		open = !local.Before(start) || local.Before(end)
	}
	if !start.After(local) {
		start = start.AddDate(0, 0, 1)
	}
	return start, open
}
