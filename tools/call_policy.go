package tools

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/policy"
)

// repeatWindow is how long after a call to a number another call to it
// needs a fresh confirmation that says a call was just placed.
const repeatWindow = 10 * time.Minute

// outboundCallPolicy applies the operator's policy to a call about to be
// placed: the destination, quiet hours, a repeat of a recent call when
// nobody confirms calls, and the daily and concurrent maximums (checked
// here, held for real when the call is sent).
func outboundCallPolicy(ctx context.Context, c *client.Client, g *guard, args map[string]any) error {
	dest := args["destination"].(string) // required
	if err := g.Policy.CheckDestination(dest); err != nil {
		return err
	}
	if err := g.Policy.CheckTime(g.Now()); err != nil {
		return err
	}
	if last, recent := g.recentCallTo(dest); recent && !g.Confirm.asks(RealWorld) {
		return &policy.Refusal{Rule: "repeat_call",
			Reason: fmt.Sprintf("a call to this number was placed through this server at %s, less than %s ago",
				last.UTC().Format("15:04 UTC"), repeatWindow),
			Fix: fmt.Sprintf("Check list_calls for that call. Another call to the same number before %s needs a "+
				"person's confirmation, which HMS_SOVEREIGN_CONFIRM=%s turns off; the model cannot change that",
				last.Add(repeatWindow).UTC().Format("15:04 UTC"), g.Confirm)}
	}
	if g.DryRun {
		return nil // nothing will be placed, so nothing counts
	}
	ticket, err := g.ledger.Reserve(ctx, dest, g.stillLive(c))
	ticket.NotPlaced() // only a check: the call holds its place when it is sent
	return err
}

// recentCallTo reports when this server last sent a call request to dest,
// when that was within repeatWindow.
func (g *guard) recentCallTo(dest string) (time.Time, bool) {
	last, ok := g.ledger.LastCallTo(dest)
	return last, ok && g.Now().Sub(last) < repeatWindow
}

// transferPolicy applies the destination rules to a transfer to a number
// (a SIP address is the operator's own system and passes).
func transferPolicy(_ context.Context, _ *client.Client, g *guard, args map[string]any) error {
	if dest, ok := args["destination"].(string); ok && args["type"] == "transfer" && e164Number.MatchString(dest) {
		return g.Policy.CheckDestination(dest)
	}
	return nil
}

// leadPolicy applies the destination rules to a lead added to a campaign.
func leadPolicy(_ context.Context, _ *client.Client, g *guard, args map[string]any) error {
	return g.Policy.CheckDestination(args["phone_number"].(string))
}

// newCampaignPolicy applies the destination rules to the leads a new
// campaign is created with.
func newCampaignPolicy(_ context.Context, _ *client.Client, g *guard, args map[string]any) error {
	leads, _ := args["leads"].([]any)
	for i, l := range leads {
		lead, _ := l.(map[string]any)
		if number, ok := lead["phone_number"].(string); ok {
			if err := g.Policy.CheckDestination(number); err != nil {
				return leadRefusal(err, fmt.Sprintf("leads[%d]", i))
			}
		}
	}
	return nil
}

// campaignStartPolicy applies the destination rules to every lead of a
// campaign about to start dialing.
func campaignStartPolicy(ctx context.Context, c *client.Client, g *guard, args map[string]any) error {
	if args["status"] != "scheduled" {
		return nil
	}
	leads, err := campaignLeads(ctx, c, args["campaign_id"].(string))
	if err != nil {
		return err
	}
	for _, lead := range leads {
		if number := text(lead, "phone_number"); number != "unknown" {
			if err := g.Policy.CheckDestination(number); err != nil {
				return leadRefusal(err, "the lead "+text(lead, "id"))
			}
		}
	}
	return nil
}

// maxLeadsChecked bounds the leads read before a campaign starts.
const maxLeadsChecked = 1000

// campaignLeads reads a campaign's leads, up to maxLeadsChecked.
func campaignLeads(ctx context.Context, c *client.Client, campaignID string) ([]map[string]any, error) {
	body, _, err := c.Send(ctx, client.Request{Method: http.MethodGet, Path: "/campaigns/{id}/leads",
		PathParams: map[string]string{"id": campaignID},
		Query:      map[string][]string{"limit": {fmt.Sprint(maxLeadsChecked)}}})
	if err != nil {
		return nil, err
	}
	answer, err := decodeAnswer(body)
	if err != nil {
		return nil, err
	}
	items, err := asList(answer, "leads", "data")
	if err != nil {
		return nil, fmt.Errorf("%w: %v", client.ErrUnexpectedAnswer, err)
	}
	var leads []map[string]any
	for _, item := range items {
		if lead, ok := item.(map[string]any); ok {
			leads = append(leads, lead)
		}
	}
	return leads, nil
}

// leadRefusal names the lead a refusal is about.
func leadRefusal(err error, which string) error {
	if r, ok := err.(*policy.Refusal); ok {
		return &policy.Refusal{Rule: r.Rule, Reason: which + ": " + r.Reason, Fix: r.Fix}
	}
	return err
}
