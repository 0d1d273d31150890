package tools

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

const (
	firstLeadID = "0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a"
	thirdLeadID = "2f1e0d9c-8b7a-4f6e-8d4c-3b2a1f0e9d8c"
)

func TestCampaignTools(t *testing.T) {
	args := func(extra map[string]any) map[string]any {
		out := map[string]any{"campaign_id": sandbox.CampaignID}
		for k, v := range extra {
			out[k] = v
		}
		return out
	}
	newCampaign := map[string]any{"name": "Recall reminders", "assistant_id": sandbox.FrontDeskAssistantID,
		"system_message_template": "You call {{name}} to book a check-up.",
		"schedule_start_time":     "00:00:00", "schedule_end_time": "00:00:00", "timezone": "Europe/Amsterdam",
		"leads": []any{map[string]any{"phone_number": "+31612345678", "variables": map[string]any{"name": "Jan"}}}}
	runToolsetCases(t, []toolsetCase{
		{name: "list", steps: []toolStep{
			{tool: "list_campaigns", args: map[string]any{}, want: []string{`"Terminerinnerung Dezember"`,
				`"status":"draft"`, `"assistant_id":"` + sandbox.CallbackAssistantID + `"`, `"total_leads":3`,
				`"has_more":false`}, wantNot: []string{"system_message_template"}},
			{tool: "list_campaigns", args: map[string]any{"offset": -1}, wantError: true, want: []string{"offset"}},
		}},
		{name: "get", steps: []toolStep{
			{tool: "get_campaign", args: args(nil), want: []string{`"Europe/Berlin"`, "{{datum}}",
				`"assistant_id":"` + sandbox.CallbackAssistantID + `"`}},
			{tool: "get_campaign", args: map[string]any{"campaign_id": unknownUUID}, wantError: true,
				want: []string{"list_campaigns"}},
		}},
		{name: "create as draft then list", steps: []toolStep{
			{tool: "create_campaign", args: newCampaign, want: []string{`"name":"Recall reminders"`,
				`"status":"draft"`, `"assistant_id":"` + sandbox.FrontDeskAssistantID + `"`, `"total_leads":1`}},
			{tool: "list_campaigns", args: map[string]any{}, want: []string{`"Recall reminders"`, `"total":2`}},
		}},
		{name: "create refuses", steps: []toolStep{
			{tool: "create_campaign", args: map[string]any{"name": "X", "assistant_id": unknownUUID},
				wantError: true, want: []string{"list_assistants"}},
			{tool: "create_campaign", args: map[string]any{"name": "X", "assistant_id": sandbox.FrontDeskAssistantID,
				"schedule_start_time": "9:00"}, wantError: true, want: []string{"schedule_start_time", "HH:MM:SS"}},
			{tool: "create_campaign", args: map[string]any{"name": "X", "assistant_id": sandbox.FrontDeskAssistantID,
				"leads": []any{map[string]any{"phone_number": "0612345678"}}}, wantError: true,
				want: []string{"leads[0].phone_number", "E.164"}},
			{tool: "create_campaign", args: map[string]any{"name": "X", "assistant_id": sandbox.FrontDeskAssistantID,
				"leads": []any{map[string]any{"phone_number": "+31612345678", "variables": map[string]any{"age": 42}}}},
				wantError: true, want: []string{"leads[0].variables.age", "string"}},
			{tool: "create_campaign", args: map[string]any{"name": "X"}, wantError: true,
				want: []string{"assistant_id", "required"}},
			{tool: "list_campaigns", args: map[string]any{}, want: []string{`"total":1`}},
		}},
		{name: "update then read back", steps: []toolStep{
			{tool: "update_campaign", args: args(map[string]any{"name": "Reminders", "schedule_end_time": "18:30:00"}),
				want: []string{`"name":"Reminders"`, `"18:30:00"`, `"status":"draft"`}},
			{tool: "get_campaign", args: args(nil), want: []string{`"name":"Reminders"`, `"18:30:00"`}},
		}},
		{name: "update refuses", steps: []toolStep{
			{tool: "update_campaign", args: args(map[string]any{"status": "completed"}), wantError: true,
				want: []string{"status", "scheduled"}},
			{tool: "update_campaign", args: args(nil), wantError: true, want: []string{"nothing to change"}},
			{tool: "update_campaign", args: map[string]any{"campaign_id": unknownUUID, "status": "paused"},
				wantError: true, want: []string{"list_campaigns"}},
		}},
		{name: "start and pause", steps: []toolStep{
			{tool: "update_campaign", args: args(map[string]any{"status": "scheduled"}),
				want: []string{`"status":"scheduled"`}},
			{tool: "list_campaign_leads", args: args(nil), advance: time.Second,
				want: []string{`"status":"calling"`, `"call_id":"call-outbound`}},
			{tool: "update_campaign", args: args(map[string]any{"status": "paused"}),
				want: []string{`"status":"paused"`}},
			{tool: "get_campaign", args: args(nil), advance: time.Minute, want: []string{`"status":"paused"`}},
		}},
		{name: "leads list and filter", steps: []toolStep{
			{tool: "list_campaign_leads", args: args(nil), want: []string{`"+4915123456781"`, `"Zoë Ünal"`,
				`"status":"pending"`, `"total":3`}},
			{tool: "list_campaign_leads", args: args(map[string]any{"limit": 1}),
				want: []string{`"has_more":true`, `"next_offset":1`, `"count":1`}},
			{tool: "list_campaign_leads", args: args(map[string]any{"status": "failed"}),
				want: []string{`"count":0`, `"total":0`}},
			{tool: "list_campaign_leads", args: args(map[string]any{"status": "no_answer"}), wantError: true,
				want: []string{"status", "skipped"}},
			{tool: "list_campaign_leads", args: map[string]any{"campaign_id": unknownUUID}, wantError: true,
				want: []string{"list_campaigns"}},
		}},
		{name: "add lead then list", steps: []toolStep{
			{tool: "add_campaign_lead", args: args(map[string]any{"phone_number": "+4917612345678",
				"variables": map[string]any{"name": "Ana", "datum": "6. Dezember"}}),
				want: []string{`"+4917612345678"`, `"status":"pending"`, `"Ana"`}},
			{tool: "list_campaign_leads", args: args(nil), want: []string{`"+4917612345678"`, `"total":4`}},
			{tool: "get_campaign", args: args(nil), want: []string{`"total_leads":4`}},
		}},
		{name: "add lead refuses", steps: []toolStep{
			{tool: "add_campaign_lead", args: args(map[string]any{"phone_number": "06 1234 5678"}), wantError: true,
				want: []string{"phone_number", "E.164"}},
			{tool: "add_campaign_lead", args: args(map[string]any{"phone_number": "+4917612345678",
				"variables": map[string]any{"vip": true}}), wantError: true, want: []string{"variables.vip"}},
			{tool: "add_campaign_lead", args: map[string]any{"campaign_id": unknownUUID,
				"phone_number": "+4917612345678"}, wantError: true, want: []string{"list_campaigns"}},
		}},
		{name: "delete lead then gone", steps: []toolStep{
			{tool: "delete_campaign_lead", args: args(map[string]any{"lead_id": thirdLeadID}),
				want: []string{`"success":true`, thirdLeadID}},
			{tool: "list_campaign_leads", args: args(nil), want: []string{`"total":2`, firstLeadID},
				wantNot: []string{thirdLeadID}},
			{tool: "delete_campaign_lead", args: args(map[string]any{"lead_id": unknownUUID}), wantError: true,
				want: []string{"list_campaign_leads"}},
			{tool: "delete_campaign_lead", args: args(nil), wantError: true, want: []string{"lead_id"}},
		}},
		{name: "delete then gone", steps: []toolStep{
			{tool: "delete_campaign", args: args(nil), want: []string{`"success":true`, sandbox.CampaignID}},
			{tool: "list_campaigns", args: map[string]any{}, want: []string{`"total":0`}},
			{tool: "delete_campaign", args: args(nil), wantError: true, want: []string{"list_campaigns"}},
		}},
	})
}

// TestCompletedCampaign runs a one-lead campaign to its end and checks
// that a change then says what to do instead.
func TestCompletedCampaign(t *testing.T) {
	runToolsetCases(t, []toolsetCase{{name: "completed", steps: []toolStep{
		{tool: "create_campaign", args: map[string]any{"name": "One call", "assistant_id": sandbox.FrontDeskAssistantID,
			"leads": []any{map[string]any{"phone_number": "+31612345678"}}}, want: []string{`"status":"draft"`},
			save: "campaign"},
		{tool: "update_campaign", args: map[string]any{"campaign_id": "$campaign", "status": "scheduled"},
			want: []string{`"status":"scheduled"`}},
		{tool: "get_campaign", args: map[string]any{"campaign_id": "$campaign"}, advance: 5 * time.Minute,
			want: []string{`"status":"completed"`, `"completed_leads":1`}},
		{tool: "update_campaign", args: map[string]any{"campaign_id": "$campaign", "status": "paused"},
			wantError: true, want: []string{"409", "create_campaign"}},
	}}})
}

func TestUpdateCampaignWarns(t *testing.T) {
	c := newSandboxClient(t, sandbox.New(sandbox.Options{}), sandbox.DemoKey, nil)
	for _, name := range []string{"update_campaign", "add_campaign_lead"} {
		tool := findTool(t, c, name).Tool
		assert.True(t, *tool.Annotations.OpenWorldHint, "%s reaches people", name)
		assert.True(t, *tool.Annotations.DestructiveHint, name)
		assert.True(t, strings.Contains(tool.Description, "real"), name)
	}
	assert.Contains(t, findTool(t, c, "update_campaign").Tool.Description, "STARTS")
	assert.False(t, *findTool(t, c, "create_campaign").Tool.Annotations.OpenWorldHint, "a draft calls no one")
}
