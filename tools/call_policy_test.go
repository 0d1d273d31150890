package tools

import (
	"net/http"
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
