package tools

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"

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
	if err := configPolicy(ctx, c, g, args); err != nil { // where the call may be transferred
		return err
	}
	if g.dryRun {
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

// ringPolicy applies the rules for ringing number now at the platform's
// hands (a transfer, a lead of a running campaign): the destination, quiet
// hours, a repeat when nobody confirms calls, and room for n more calls in
// today's maximum.
func ringPolicy(g *guard, number string, n int) error {
	if err := g.Policy.CheckDestination(number); err != nil {
		return err
	}
	if err := g.Policy.CheckTime(g.Now()); err != nil {
		return err
	}
	if last, recent := g.recentCallTo(number); recent && !g.Confirm.asks(RealWorld) {
		return &policy.Refusal{Rule: "repeat_call",
			Reason: fmt.Sprintf("this server had a call made to this number at %s, less than %s ago",
				last.UTC().Format("15:04 UTC"), repeatWindow),
			Fix: "Check list_calls for that call. Another one this soon needs a person's confirmation, which " +
				"HMS_SOVEREIGN_CONFIRM=" + g.Confirm.String() + " turns off; the model cannot change that"}
	}
	return g.ledger.Check(n)
}

// transferPolicy applies ringPolicy to a transfer that rings a number,
// written as one or as the user part of a SIP address; a SIP address of
// someone by name (sip:desk@pbx.example) or an extension is the operator's
// own system and passes, short emergency codes excepted.
func transferPolicy(_ context.Context, _ *client.Client, g *guard, args map[string]any) error {
	if args["type"] != "transfer" {
		return nil
	}
	number, rings := transferNumber(args["destination"].(string)) // the transfer command requires it
	if !rings {
		var refusal *policy.Refusal
		if errors.As(g.Policy.CheckDestination(number), &refusal) && refusal.Rule == policy.RuleEmergency {
			return refusal // refused whatever its form
		}
		return nil
	}
	return ringPolicy(g, number, 1)
}

// countTransfer counts a transfer that rings a number as a call placed.
func countTransfer(_ context.Context, _ *client.Client, _ *guard, args map[string]any) (int, []string, error) {
	if args["type"] != "transfer" {
		return 0, nil, nil
	}
	if number, rings := transferNumber(args["destination"].(string)); rings {
		return 1, []string{number}, nil
	}
	return 0, nil, nil
}

// visualSeparators are what people write inside numbers (RFC 3966 visual
// separators and spaces); they do not change the number dialled.
var visualSeparators = strings.NewReplacer("-", "", ".", "", "(", "", ")", "", "/", "", " ", "")

// transferNumber reads the number a destination rings.
//
//   - An E.164 number, or one written with 00 or visual separators, rings
//     that number.
//   - A SIP address rings the number in its user part: percent-escapes
//     decoded, a password, parameters and headers cut off, separators
//     dropped, 00 read as +. A user part of seven digits or more is a
//     number even without a +, and then fails the policy's E.164 rule.
//   - A SIP address of a name (sip:desk@pbx) or of a short extension does
//     not ring a number (rings false; number is the user part, for the
//     emergency check alone). A user part that starts like a number, or
//     holds digits and no letters, but is not one is read as a number, so
//     that the policy refuses it rather than let it pass as a name.
//
// Anything else (a UUID, a node name) is not a number: rings false.
func transferNumber(dest string) (number string, rings bool) {
	if e164Number.MatchString(dest) {
		return dest, true
	}
	lower := strings.ToLower(dest)
	if !strings.HasPrefix(lower, "sip:") && !strings.HasPrefix(lower, "sips:") {
		return plainNumber(dest)
	}
	user := dest[strings.Index(dest, ":")+1:]
	if decoded, err := url.PathUnescape(user); err == nil {
		user = decoded
	} else {
		return user, true // broken escaping: judged, and refused, as a number
	}
	if i := strings.IndexAny(user, "@;?:"); i >= 0 {
		user = user[:i]
	}
	user = visualSeparators.Replace(user)
	digits := strings.TrimPrefix(strings.TrimPrefix(user, "+"), "00")
	switch {
	case digits == "" || !strings.ContainsAny(digits, "0123456789"):
		return user, false // a name
	case strings.Trim(digits, "0123456789") != "":
		if strings.HasPrefix(user, "+") || strings.HasPrefix(user, "00") || !strings.ContainsFunc(user, unicode.IsLetter) {
			return user, true // a number with something in it: refused as not a number
		}
		return user, false // a name with digits, such as agent7
	case strings.HasPrefix(user, "+") || strings.HasPrefix(user, "00") || len(digits) >= 7:
		return "+" + digits, true
	}
	return user, false // a short extension
}

// plainNumber reads a value that is not a SIP address as a number when it
// is written like one: + or 00, then digits and visual separators.
func plainNumber(value string) (string, bool) {
	compact := visualSeparators.Replace(value)
	for _, prefix := range []string{"+", "00"} {
		digits, ok := strings.CutPrefix(compact, prefix)
		if ok && digits != "" && strings.Trim(digits, "0123456789") == "" {
			return "+" + digits, true
		}
	}
	return value, false
}

// leadPolicy applies the destination rules to a lead, and, when its
// campaign is dialing, ringPolicy.
func leadPolicy(ctx context.Context, c *client.Client, g *guard, args map[string]any) error {
	number := args["phone_number"].(string) // required
	if err := g.Policy.CheckDestination(number); err != nil {
		return err
	}
	n, _, err := countLead(ctx, c, g, args)
	if err != nil || n == 0 {
		return err
	}
	return ringPolicy(g, number, n)
}

// countLead counts a lead added to a scheduled (dialing) campaign as a
// call placed; in a draft or paused campaign it counts when the campaign
// starts.
func countLead(ctx context.Context, c *client.Client, _ *guard, args map[string]any) (int, []string, error) {
	campaign, err := fetch(ctx, c, "/campaigns/{id}", map[string]string{"id": args["campaign_id"].(string)})
	if err != nil || text(campaign, "status") != "scheduled" {
		return 0, nil, err
	}
	return 1, []string{args["phone_number"].(string)}, nil
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

// campaignStartPolicy applies the rules to a campaign about to start
// dialing: every lead's number, quiet hours, and room in today's maximum
// for the leads still to call.
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
	if err := g.Policy.CheckTime(g.Now()); err != nil {
		return err
	}
	return g.ledger.Check(len(toCall(leads)))
}

// countCampaignStart counts the leads a starting campaign will call.
func countCampaignStart(ctx context.Context, c *client.Client, _ *guard, args map[string]any) (int, []string, error) {
	if args["status"] != "scheduled" {
		return 0, nil, nil
	}
	leads, err := campaignLeads(ctx, c, args["campaign_id"].(string))
	numbers := toCall(leads)
	return len(numbers), numbers, err
}

// toCall are the numbers of the leads a campaign has still to call.
func toCall(leads []map[string]any) []string {
	var numbers []string
	for _, lead := range leads {
		if status := text(lead, "status"); status == "pending" || status == "calling" || status == "unknown" {
			numbers = append(numbers, text(lead, "phone_number"))
		}
	}
	return numbers
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

// destinationWords mark the keys under which a configuration names a
// number or SIP address a call may be transferred or forwarded to (number,
// phoneNumber, transfer_to, sip_uri, …), compared in lower case.
var destinationWords = []string{"destination", "number", "phone", "transfer", "forward", "sip", "uri", "dial"}

// isDestinationKey reports whether key may name where a call goes.
func isDestinationKey(key string) bool {
	key = strings.ToLower(key)
	return key == "to" || slices.ContainsFunc(destinationWords, func(w string) bool {
		return strings.Contains(key, w)
	})
}

// configPolicy applies the destination rules to every number an
// assistant, template or workflow configuration would transfer calls to
// (transfer_call tools' destinations, workflow transfer steps, a call's
// override), so that a call a person confirms cannot be handed on to a
// number the policy refuses.
func configPolicy(_ context.Context, _ *client.Client, g *guard, args map[string]any) error {
	return walkDestinations("", args, false, func(path, value string) error {
		number, rings := transferNumber(value)
		if !rings {
			return nil // a name, an extension, or not a number at all
		}
		if err := g.Policy.CheckDestination(number); err != nil {
			return leadRefusal(err, path)
		}
		return nil
	})
}

// walkDestinations calls check with each string found under a
// destination key in v, and its path, stopping at the first error.
func walkDestinations(path string, v any, underKey bool, check func(path, value string) error) error {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			p := k
			if path != "" {
				p = path + "." + k
			}
			if err := walkDestinations(p, val, isDestinationKey(k), check); err != nil {
				return err
			}
		}
	case []any:
		for i, val := range x {
			if err := walkDestinations(fmt.Sprintf("%s[%d]", path, i), val, underKey, check); err != nil {
				return err
			}
		}
	case string:
		if underKey {
			return check(path, x)
		}
	}
	return nil
}
