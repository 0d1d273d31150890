package tools

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
	"github.com/voicedock/voicedock-mcp/policy"
)

func loadPolicy(t *testing.T, env map[string]string) *policy.Policy {
	t.Helper()
	p, err := policy.Load(env)
	require.NoError(t, err)
	return p
}

func withDestination(dest string) map[string]any {
	return map[string]any{"destination": dest, "assistant_id": sandbox.FrontDeskAssistantID}
}

// TestEveryPolicyRuleRefusesBeforeAnythingIsSent: each rule of the
// operator's policy refuses a call by name, before anyone is asked and
// before any request leaves.
func TestEveryPolicyRuleRefusesBeforeAnythingIsSent(t *testing.T) {
	tests := []struct {
		rule  string
		env   map[string]string
		tool  string
		args  map[string]any
		prior int // calls placed first, each confirmed
	}{
		{"allowed_destinations", map[string]string{policy.EnvAllowed: "+49"}, "place_outbound_call", callArgs, 0},
		{"blocked_numbers", map[string]string{policy.EnvBlocked: "+316123"}, "place_outbound_call", callArgs, 0},
		{"emergency", nil, "place_outbound_call", withDestination("+44999"), 0},
		{"premium_rate", nil, "place_outbound_call", withDestination("+319001234567"), 0},
		{"quiet_hours", map[string]string{policy.EnvQuietHours: "09:00-17:00"}, "place_outbound_call", callArgs, 0},
		{"daily_max", map[string]string{policy.EnvDailyMax: "1"}, "place_outbound_call",
			withDestination("+31612340000"), 1},
		{"max_concurrent", map[string]string{policy.EnvMaxConcurrent: "1"}, "place_outbound_call",
			withDestination("+31612340000"), 1},
		{"blocked_numbers", map[string]string{policy.EnvBlocked: "+3120"}, "control_call",
			map[string]any{"call_id": sandbox.LiveCallID, "type": "transfer", "destination": "+31201234567"}, 0},
		{"premium_rate", nil, "add_campaign_lead",
			map[string]any{"campaign_id": sandbox.CampaignID, "phone_number": "+4990012345678"}, 0},
		{"allowed_destinations", map[string]string{policy.EnvAllowed: "+1"}, "update_campaign",
			map[string]any{"campaign_id": sandbox.CampaignID, "status": "scheduled"}, 0},
		{"premium_rate", nil, "control_call", transferTo("sip:+19005551234@pbx.example"), 0},
		{"emergency", nil, "control_call", transferTo("sip:911@pbx.example"), 0},
		{"blocked_numbers", map[string]string{policy.EnvBlocked: "+3120"}, "control_call",
			transferTo("sip:0031201234567@pbx.example"), 0},
		{"daily_max", map[string]string{policy.EnvDailyMax: "0"}, "control_call", transferTo("+31201234567"), 0},
		{"quiet_hours", map[string]string{policy.EnvQuietHours: "09:00-17:00"}, "control_call",
			transferTo("+31201234567"), 0},
		{"daily_max", map[string]string{policy.EnvDailyMax: "0"}, "update_campaign",
			map[string]any{"campaign_id": sandbox.CampaignID, "status": "scheduled"}, 0},
		{"daily_max", map[string]string{policy.EnvDailyMax: "2"}, "update_campaign",
			map[string]any{"campaign_id": sandbox.CampaignID, "status": "scheduled"}, 0},
		{"quiet_hours", map[string]string{policy.EnvQuietHours: "09:00-17:00"}, "update_campaign",
			map[string]any{"campaign_id": sandbox.CampaignID, "status": "scheduled"}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.rule+"/"+tc.tool, func(t *testing.T) {
			d := newDirectWith(t, Safety{Policy: loadPolicy(t, tc.env)})
			ctx := modernCtx(t)
			for range tc.prior {
				state, _ := d.ask(ctx, "place_outbound_call", callArgs)
				res := d.call(ctx, "place_outbound_call", callArgs, accepted(state, map[string]any{digitsField: "5678"}))
				require.False(t, res.IsError, resultText(t, res))
			}
			before := len(d.sb.Requests())
			res := d.call(ctx, tc.tool, tc.args, mcp.MultiRoundTripParams{})
			require.False(t, res.NeedsInput(), "refused before anyone is asked")
			assert.True(t, res.IsError)
			assert.Contains(t, resultText(t, res), "(rule "+tc.rule+")")
			assert.Contains(t, resultText(t, res), "Nothing was sent to the API")
			for _, r := range d.sb.Requests()[before:] {
				assert.Equal(t, http.MethodGet, r.Method, "only reads: %s %s", r.Method, r.Path)
			}
		})
	}
}

// TestQuietHoursStartingWhileThePersonDecidesRefuse: the policy is
// applied again after the answer, so time spent deciding cannot slip a call
// into quiet hours.
func TestQuietHoursStartingWhileThePersonDecidesRefuse(t *testing.T) {
	d := newDirectWith(t, Safety{Policy: loadPolicy(t, map[string]string{policy.EnvQuietHours: "10:02-08:00"})})
	ctx := modernCtx(t)
	state, _ := d.ask(ctx, "place_outbound_call", callArgs)
	d.now = d.now.Add(3 * time.Minute)
	res := d.call(ctx, "place_outbound_call", callArgs, accepted(state, map[string]any{digitsField: "5678"}))
	assert.True(t, res.IsError)
	assert.Contains(t, resultText(t, res), "rule quiet_hours")
	assert.Zero(t, d.sb.CountRequests(http.MethodPost, "/calls/outbound"))
}

func transferTo(dest string) map[string]any {
	return map[string]any{"call_id": sandbox.LiveCallID, "type": "transfer", "destination": dest}
}

// TestTransferToANamedSIPAddressPasses: a SIP address of a person or desk
// is the operator's own system; the policy judges only numbers.
func TestTransferToANamedSIPAddressPasses(t *testing.T) {
	d := newDirectWith(t, Safety{Confirm: ConfirmNever,
		Policy: loadPolicy(t, map[string]string{policy.EnvAllowed: "+31"})})
	res := d.call(modernCtx(t), "control_call", transferTo("sip:desk@pbx.example"), mcp.MultiRoundTripParams{})
	assert.False(t, res.IsError, resultText(t, res))
}

// TestCallsThePlatformPlacesCountAgainstTheDailyMaximum: a campaign's
// leads and a transfer use up the same daily allowance as calls placed.
func TestCallsThePlatformPlacesCountAgainstTheDailyMaximum(t *testing.T) {
	ctx := modernCtx(t)
	probe := newDirect(t, ConfirmNever)
	listed := probe.call(ctx, "list_campaign_leads", map[string]any{"campaign_id": sandbox.CampaignID},
		mcp.MultiRoundTripParams{})
	leads := len(listed.StructuredContent.(map[string]any)["leads"].([]any))
	require.Positive(t, leads)

	// Room for the campaign's leads and one more call.
	d := newDirectWith(t, Safety{Confirm: ConfirmNever,
		Policy: loadPolicy(t, map[string]string{policy.EnvDailyMax: fmt.Sprint(leads + 1)})})
	start := d.call(ctx, "update_campaign", map[string]any{"campaign_id": sandbox.CampaignID, "status": "scheduled"},
		mcp.MultiRoundTripParams{})
	require.False(t, start.IsError, resultText(t, start))
	transfer := d.call(ctx, "control_call", transferTo("+31201234567"), mcp.MultiRoundTripParams{})
	require.False(t, transfer.IsError, resultText(t, transfer))
	call := d.call(ctx, "place_outbound_call", withDestination("+31612340000"), mcp.MultiRoundTripParams{})
	assert.True(t, call.IsError)
	assert.Contains(t, resultText(t, call), "rule daily_max")
	assert.Zero(t, d.sb.CountRequests(http.MethodPost, "/calls/outbound"))
}

// TestConfiguredTransferNumbersFallUnderThePolicy: a number an assistant,
// template or workflow would transfer calls to is judged like a number
// called, so that no confirmed call can be handed on to a refused one.
func TestConfiguredTransferNumbersFallUnderThePolicy(t *testing.T) {
	transferTemplate := func(number string) map[string]any {
		return map[string]any{"name": "Transfer", "tool_type": "transfer_call", "tool_config": map[string]any{
			"destinations": []any{map[string]any{"type": "number", "number": number, "description": "a person"}}}}
	}
	d := newDirectWith(t, Safety{Confirm: ConfirmNever,
		Policy: loadPolicy(t, map[string]string{policy.EnvBlocked: "+31850001"})})
	ctx := modernCtx(t)

	premium := d.call(ctx, "create_tool_template", transferTemplate("+19005551234"), mcp.MultiRoundTripParams{})
	assert.True(t, premium.IsError)
	assert.Contains(t, resultText(t, premium), "(rule premium_rate)")
	assert.Contains(t, resultText(t, premium), "tool_config.destinations[0].number")

	blocked := d.call(ctx, "create_tool_template", transferTemplate("+31850001299"), mcp.MultiRoundTripParams{})
	assert.Contains(t, resultText(t, blocked), "(rule blocked_numbers)")

	allowed := d.call(ctx, "create_tool_template", transferTemplate("+31201234567"), mcp.MultiRoundTripParams{})
	assert.False(t, allowed.IsError, resultText(t, allowed))
	assert.Equal(t, 1, d.sb.CountRequests(http.MethodPost, "/tool-templates"), "only the allowed one was sent")
}

// TestTransferNumberReadsEveryWayOfWritingANumber: however a destination
// writes a number, the policy judges the number dialled.
func TestTransferNumberReadsEveryWayOfWritingANumber(t *testing.T) {
	tests := []struct {
		dest, number string
		rings        bool
	}{
		{"+19005551234", "+19005551234", true},
		{"sip:+19005551234@x", "+19005551234", true},
		{"sips:0019005551234;user=phone@x", "+19005551234", true},
		{"sip:%2B19005551234@x", "+19005551234", true},
		{"sip:%2b19005551234@x", "+19005551234", true},
		{"sip:+%31%39%30%30%35%35%35%31%32%33%34@x", "+19005551234", true},
		{"sip:+1(900)555-1234@x", "+19005551234", true},
		{"sip:+19005551234:pw@x", "+19005551234", true},
		{"sip:+1/9005551234@x", "+19005551234", true},
		{"sip:+19005551234?x=y@x", "+19005551234", true},
		{"sip:+19005551234%40evil@x", "+19005551234", true},
		{"sip:19005551234@x", "+19005551234", true},
		{"sip:%39%31%31@x", "911", false},
		{"sip:+1900x5551234@x", "+1900x5551234", true},
		{"sip:desk@pbx.example", "desk", false},
		{"sip:agent7@pbx.example", "agent7", false},
		{"sip:1234@pbx.example", "1234", false},
		{"0019005551234", "+19005551234", true},
		{"+1 900 555 1234", "+19005551234", true},
		{"497f6eca-6276-4993-bfeb-53cbbbba6f08", "497f6eca-6276-4993-bfeb-53cbbbba6f08", false},
	}
	for _, tc := range tests {
		number, rings := transferNumber(tc.dest)
		assert.Equal(t, tc.number, number, tc.dest)
		assert.Equal(t, tc.rings, rings, tc.dest)
	}
	refused := loadPolicy(t, nil).CheckDestination("+1900x5551234")
	assert.Error(t, refused, "a number with something in it is refused")
	var r *policy.Refusal
	require.ErrorAs(t, loadPolicy(t, nil).CheckDestination("911"), &r)
	assert.Equal(t, policy.RuleEmergency, r.Rule)
}

// TestALeadAddedWhileACampaignStartsIsCountedOnce: adding a lead and
// starting its campaign at the same time never let the platform dial more
// than the day allows; whatever the order, one of them is refused. (The
// lead's request is slowed so that, without serializing them, the start
// would list the leads before the new one arrives.)
func TestALeadAddedWhileACampaignStartsIsCountedOnce(t *testing.T) {
	ctx := modernCtx(t)
	probe := newDirect(t, ConfirmNever)
	listed := probe.call(ctx, "list_campaign_leads", map[string]any{"campaign_id": sandbox.CampaignID},
		mcp.MultiRoundTripParams{})
	leads := len(listed.StructuredContent.(map[string]any)["leads"].([]any))

	slowLeads := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/leads") {
				time.Sleep(300 * time.Millisecond)
			}
			next.ServeHTTP(w, r)
		})
	}
	d := newDirectBehind(t, Safety{Confirm: ConfirmNever,
		Policy: loadPolicy(t, map[string]string{policy.EnvDailyMax: fmt.Sprint(leads)})}, slowLeads)
	added := make(chan *mcp.CallToolResult)
	go func() {
		added <- d.call(ctx, "add_campaign_lead", map[string]any{"campaign_id": sandbox.CampaignID,
			"phone_number": "+31612349999"}, mcp.MultiRoundTripParams{})
	}()
	time.Sleep(50 * time.Millisecond) // lets the lead go first most of the time; either order must hold
	start := d.call(ctx, "update_campaign", map[string]any{"campaign_id": sandbox.CampaignID, "status": "scheduled"},
		mcp.MultiRoundTripParams{})
	lead := <-added
	assert.NotEqual(t, start.IsError, lead.IsError, "exactly one is refused: start %v, lead %v",
		resultText(t, start), resultText(t, lead))
}
