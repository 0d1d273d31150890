package sandbox

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCampaignRunsToCompletion(t *testing.T) {
	a := newAPI(t)
	created := a.do("POST", "/campaigns", `{"name":"Kontrolltermine","assistant_id":"`+CallbackAssistantID+`",
		"system_message_template":"Du rufst {{name}} an.","leads":[
		{"phone_number":"+4915111111111","variables":{"name":"Zoë"}},{"phone_number":"+4915122222220","variables":{"name":"Jörg"}}]}`)
	require.Equal(t, 201, created.status, created.raw)
	cp := created.obj("campaign")
	assertSubset(t, `{"status":"draft","schedule_start_time":"09:00:00","schedule_end_time":"17:00:00",
		"timezone":"Europe/Amsterdam","total_leads":2,"agent_id":"`+CallbackAssistantID+`"}`, cp)
	path := "/campaigns/" + str(cp, "id")

	added := a.do("POST", path+"/leads", `{"phone_number":"+4915133333333","variables":{"name":"Ændrea"}}`)
	scheduled := a.do("PATCH", path, `{"status":"scheduled"}`)
	a.clock.advance(time.Second)
	leads := a.do("GET", path+"/leads", "").list("leads")

	assert.Equal(t, 201, added.status)
	assertSubset(t, `{"lead":{"status":"pending","attempts":0,"call_id":null}}`, added.body)
	assertSubset(t, `{"campaign":{"status":"scheduled"}}`, scheduled.body)
	require.Len(t, leads, 3)
	first := leads[0].(map[string]any)
	assertSubset(t, `{"status":"calling","attempts":1}`, first)
	assert.Equal(t, "pending", leads[1].(map[string]any)["status"], "one lead every 5s")
	call := a.do("GET", "/calls/"+str(first, "call_id"), "").body
	assert.Equal(t, "outbound", call["direction"])
	assert.Equal(t, "Du rufst Zoë an.", call["messages"].([]any)[0].(map[string]any)["content"])

	a.clock.advance(2 * time.Minute)
	done := a.do("GET", path, "").obj("campaign")
	leads = a.do("GET", path+"/leads", "").list("leads")

	assertSubset(t, `{"status":"completed","total_leads":3,"completed_leads":2,"failed_leads":1}`, done)
	assert.Equal(t, "failed", leads[1].(map[string]any)["status"], "a number ending in 0 does not answer")
	failedCall := a.do("GET", "/calls/"+str(leads[1].(map[string]any), "call_id"), "").body
	assertSubset(t, `{"status":"failed","end_reason":"no_answer","duration_seconds":0}`, failedCall)

	for _, change := range []struct{ method, path, body string }{
		{"PATCH", path, `{"status":"paused"}`},
		{"PATCH", path, `{"name":"Neu"}`},
		{"POST", path + "/leads", `{"phone_number":"+4915144444444"}`},
		{"DELETE", path + "/leads/" + str(first, "id"), ""},
	} {
		assert.Equal(t, 409, a.do(change.method, change.path, change.body).status, "%s %s", change.method, change.path)
	}
}

func TestCampaignWaitsForItsWindow(t *testing.T) {
	a := newAPI(t)
	// The fake clock starts at 10:00 in Amsterdam.
	id := str(a.do("POST", "/campaigns", `{"name":"Abends","agent_id":"`+CallbackAssistantID+`",
		"schedule_start_time":"18:00:00","schedule_end_time":"20:00:00","leads":[{"phone_number":"+31612345678"}]}`).
		obj("campaign"), "id")
	a.do("PATCH", "/campaigns/"+id, `{"status":"scheduled"}`)

	a.clock.advance(time.Hour)
	waiting := a.do("GET", "/campaigns/"+id+"/leads", "").list("leads")[0].(map[string]any)
	a.clock.advance(7 * time.Hour) // 18:00 in Amsterdam
	dialed := a.do("GET", "/campaigns/"+id+"/leads", "").list("leads")[0].(map[string]any)

	assert.Equal(t, "pending", waiting["status"])
	assert.Equal(t, "calling", dialed["status"])
	assert.Equal(t, "2026-12-04T17:00:00.000Z", dialed["last_attempt_at"])
}

func TestWideningTheWindowOfAWaitingCampaignDialsNow(t *testing.T) {
	a := newAPI(t)
	id := str(a.do("POST", "/campaigns", `{"name":"Abends","agent_id":"`+CallbackAssistantID+`",
		"schedule_start_time":"18:00:00","schedule_end_time":"20:00:00","leads":[{"phone_number":"+31612345678"}]}`).
		obj("campaign"), "id")
	a.do("PATCH", "/campaigns/"+id, `{"status":"scheduled"}`)
	a.clock.advance(time.Minute)
	a.do("GET", "/campaigns/"+id+"/leads", "") // the next opening, 18:00, is now set

	a.do("PATCH", "/campaigns/"+id, `{"schedule_start_time":"00:00:00","schedule_end_time":"23:59:59"}`)
	a.clock.advance(time.Second)
	lead := a.do("GET", "/campaigns/"+id+"/leads", "").list("leads")[0].(map[string]any)

	assert.Equal(t, "calling", lead["status"], "dialed within the new window, not at the old opening")
}

func TestPausedCampaignStops(t *testing.T) {
	a := newAPI(t)
	path := "/campaigns/" + CampaignID
	a.do("PATCH", path, `{"status":"scheduled"}`)
	a.clock.advance(time.Second)
	a.do("PATCH", path, `{"status":"paused"}`)
	a.clock.advance(time.Hour)

	leads := a.do("GET", path+"/leads", "").list("leads")
	cp := a.do("GET", path, "").obj("campaign")

	assert.Equal(t, "paused", cp["status"])
	assert.Equal(t, "completed", leads[0].(map[string]any)["status"])
	assert.Equal(t, "pending", leads[1].(map[string]any)["status"])
}

func TestCampaignRequests(t *testing.T) {
	const unknown = "00000000-0000-4000-8000-000000000000"
	tests := []struct {
		name, method, path, body string
		status                   int
		want                     string
	}{
		{name: "no assistant", method: "POST", path: "/campaigns", body: `{"name":"X"}`, status: 400,
			want: `{"code":"missing_field","param":"agent_id"}`},
		{name: "unknown assistant", method: "POST", path: "/campaigns", body: `{"name":"X","agent_id":"` + unknown + `"}`,
			status: 404, want: `{"message":"Assistant not found"}`},
		{name: "bad time", method: "POST", path: "/campaigns",
			body: `{"name":"X","agent_id":"` + CallbackAssistantID + `","schedule_start_time":"9:00"}`, status: 400,
			want: `{"param":"schedule_start_time"}`},
		{name: "bad lead", method: "POST", path: "/campaigns",
			body: `{"name":"X","agent_id":"` + CallbackAssistantID + `","leads":[{"phone_number":"0612"}]}`, status: 400,
			want: `{"param":"leads[0].phone_number"}`},
		{name: "completed not settable", method: "PATCH", path: "/campaigns/" + CampaignID, body: `{"status":"completed"}`,
			status: 400, want: `{"param":"status"}`},
		{name: "cancel", method: "PATCH", path: "/campaigns/" + CampaignID, body: `{"status":"cancelled"}`, status: 200,
			want: `{"campaign":{"status":"cancelled"}}`},
		{name: "unknown", method: "GET", path: "/campaigns/" + unknown, status: 404, want: `{"message":"Campaign not found"}`},
		{name: "unknown leads", method: "GET", path: "/campaigns/" + unknown + "/leads", status: 404},
		{name: "unknown lead", method: "DELETE", path: "/campaigns/" + CampaignID + "/leads/" + unknown, status: 404,
			want: `{"message":"Lead not found"}`},
		{name: "delete lead", method: "DELETE", path: "/campaigns/" + CampaignID + "/leads/0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a",
			status: 200, want: `{"success":true}`},
		{name: "delete", method: "DELETE", path: "/campaigns/" + CampaignID, status: 200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := newAPI(t).do(tc.method, tc.path, tc.body)

			assert.Equal(t, tc.status, r.status, r.raw)
			if tc.want != "" {
				assertSubset(t, tc.want, r.body)
			}
		})
	}
	assert.Equal(t, 404, newAPI(t).as(OtherKey, "GET", "/campaigns/"+CampaignID, "").status)
}
