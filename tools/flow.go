package tools

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/voicedock/voicedock-mcp/audit"
	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/policy"
)

// outcome is how one round of a tool call ended: its result and, for a
// call that changes something, what the audit trail records.
type outcome struct {
	res       *mcp.CallToolResult
	kind      string // audit.Done, audit.Refused, …; "" records nothing
	detail    string
	confirmed string // who confirmed and how
	target    string // what the call acted on
}

// handler runs a call: check the arguments, apply the operator's call
// policy, ask a person when the operator wants that, send, shape the
// answer, and record the outcome in the audit trail.
func (op operation) handler(c *client.Client, g *guard) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		raw, _ := req.Params.Arguments.(map[string]any) // RejectUnknownArguments refused non-objects
		args, err := decodeArgs(op.params, raw)
		if err == nil && op.check != nil {
			err = op.check(args)
		}
		if err != nil {
			if out, refused := op.emergency(g, raw); refused {
				g.record(ctx, op, op.effect, raw, out)
				return out.res, nil
			}
			return mcp.NewToolResultError(op.name + ": " + err.Error() +
				". The tool's input schema lists every argument and its allowed values."), nil
		}
		effect := op.effectFor(args)
		out := op.handle(ctx, c, g, args, effect, req)
		if effect >= Write && out.kind != "" {
			g.record(ctx, op, effect, args, out)
		}
		return out.res, nil
	}
}

// handle is a call with valid arguments.
func (op operation) handle(ctx context.Context, c *client.Client, g *guard, args map[string]any, effect Effect,
	req mcp.CallToolRequest) outcome {
	if out, refused := op.applyPolicy(ctx, c, g, args); refused {
		return out
	}
	out := outcome{confirmed: g.unasked(effect)}
	asks := g.Confirm.asks(effect) && !g.dryRun
	var answer confirmation
	if asks {
		var ended outcome
		if answer, ended = op.confirm(ctx, c, g, args, req); ended.res != nil {
			return ended
		}
		out.confirmed = answer.how
	}
	// From here to the request, calls that ring people run one at a time:
	// each sees the calls before it in the ledger, so that two at once
	// cannot both pass the repeat rule or the daily maximum.
	if (op.dials || op.counts != nil) && !g.dryRun {
		g.counting.Lock()
		defer g.counting.Unlock()
	}
	if asks {
		q, ended := op.recheck(ctx, c, g, args, answer)
		if ended.res != nil {
			return ended
		}
		out.target = q.target
	}
	if again, refused := op.applyPolicy(ctx, c, g, args); refused && (asks || op.dials || op.counts != nil) {
		return again // time has passed, or another call went first
	}
	res, kind, detail := op.execute(ctx, c, g, args)
	out.res, out.kind, out.detail = res, kind, detail
	return out
}

// applyPolicy refuses a call the operator's policy does not allow.
func (op operation) applyPolicy(ctx context.Context, c *client.Client, g *guard, args map[string]any) (outcome, bool) {
	if op.policy == nil {
		return outcome{}, false
	}
	err := op.policy(ctx, c, g, args)
	var refusal *policy.Refusal
	switch {
	case errors.As(err, &refusal):
		return outcome{res: refusedResult(op, refusal), kind: audit.Refused, detail: "policy rule " + refusal.Rule,
			confirmed: "not asked (refused first)"}, true
	case err != nil: // reading what the policy needs failed
		return outcome{res: op.errorResult(err), kind: audit.Failed, detail: Explain(err)}, true
	}
	return outcome{}, false
}

// emergency refuses a call to an emergency number by that rule, even when
// the number is too short to pass as an argument, so that the answer says
// why it can never be called.
func (op operation) emergency(g *guard, raw map[string]any) (outcome, bool) {
	if op.policy == nil {
		return outcome{}, false
	}
	for _, name := range []string{"destination", "phone_number"} {
		number, _ := raw[name].(string)
		var refusal *policy.Refusal
		if errors.As(g.Policy.CheckDestination(number), &refusal) && refusal.Rule == policy.RuleEmergency {
			return outcome{res: refusedResult(op, refusal), kind: audit.Refused, detail: "policy rule " + refusal.Rule,
				confirmed: "not asked (refused first)"}, true
		}
	}
	return outcome{}, false
}

// refusedResult says which rule of the operator's policy refused a call.
func refusedResult(op operation, r *policy.Refusal) *mcp.CallToolResult {
	return mcp.NewToolResultError(op.name + " was not done: " + r.Error() + " Nothing was sent to the API.")
}

// confirm runs the confirmation rounds of a call: the first asks the
// client to show a form, the second checks the answer and reads the facts
// again. Its outcome has a result when the round ends here; otherwise the
// call goes ahead.
func (op operation) confirm(ctx context.Context, c *client.Client, g *guard, args map[string]any,
	req mcp.CallToolRequest) (confirmation, outcome) {
	if !answered(req) {
		var out outcome
		if req, out = op.firstRound(ctx, c, g, args, req); out.res != nil {
			return confirmation{}, out
		}
	}
	answer := g.checkAnswer(ctx, op, args, req)
	if answer.res != nil {
		return answer, outcome{res: answer.res, kind: answer.kind, detail: firstSentence(answer.res)}
	}
	// Used up before anything else, so that copies of this answer arriving
	// together are turned away at once, not after reading the API.
	if !g.spend(answer.p) {
		return answer, usedTwice(op, answer.how, "")
	}
	return answer, outcome{}
}

// recheck reads the facts the person confirmed again, just before acting:
// if anything shown has changed (the target, a call placed meanwhile),
// nothing is done.
func (op operation) recheck(ctx context.Context, c *client.Client, g *guard, args map[string]any,
	answer confirmation) (*question, outcome) {
	q, err := op.question(ctx, c, g, args)
	if err != nil {
		return nil, outcome{res: op.errorResult(err), kind: audit.Failed, detail: Explain(err), confirmed: answer.how}
	}
	if q.fingerprint() != answer.p.Facts {
		return q, outcome{res: notDone(op, "what the person confirmed has changed since they saw it",
			"Call the tool again so they can confirm the current details."),
			kind: audit.Refused, detail: "target changed after confirmation", confirmed: answer.how, target: q.target}
	}
	return q, outcome{}
}

// firstRound asks the person. A client on 2026-07-28 gets
// the input_required result and calls again; an earlier one is asked
// within the call, and req comes back carrying the answer. The outcome has
// a result when the round ends here.
func (op operation) firstRound(ctx context.Context, c *client.Client, g *guard, args map[string]any,
	req mcp.CallToolRequest) (mcp.CallToolRequest, outcome) {
	if !canAsk(ctx) {
		return req, outcome{res: cannotAsk(op, g.Confirm), kind: audit.Refused,
			detail: "the client cannot show a confirmation form", confirmed: "could not ask"}
	}
	q, err := op.question(ctx, c, g, args)
	if err != nil {
		return req, outcome{res: op.errorResult(err)}
	}
	asking := g.askConfirmation(ctx, op, args, q)
	if server.IsModernRequest(ctx) {
		return req, outcome{res: asking} // the client answers by calling again; nothing recorded yet
	}
	answeredReq, err := askWithin(ctx, req, asking)
	if err != nil {
		return req, outcome{res: notDone(op, "the client could not show the confirmation form ("+
			cleanText(err.Error())+")", "Ask the person whether they want it, then call the tool again."),
			kind: audit.Refused, detail: "the confirmation form failed", confirmed: "could not ask", target: q.target}
	}
	return answeredReq, outcome{}
}

// usedTwice ends a round that brings back a confirmation already acted on.
func usedTwice(op operation, how, target string) outcome {
	return outcome{res: notDone(op, "this confirmation was already used", "One confirmation acts once; "+
		"call the tool again if the person wants it done again."),
		kind: audit.Refused, detail: "confirmation used twice", confirmed: how, target: target}
}

// askWithin asks a client before protocol 2026-07-28 with an
// elicitation/create request during the call, and returns req carrying the
// answer and asking's sealed state, as a client on 2026-07-28 would send
// it: both eras then go through the same checks. (mcp-go could make this
// request itself from the input_required result, but it turns a client's
// failure to show the form into a protocol error; here it is a result.)
func askWithin(ctx context.Context, req mcp.CallToolRequest, asking *mcp.CallToolResult) (mcp.CallToolRequest, error) {
	srv := server.ServerFromContext(ctx)
	if srv == nil {
		return req, errors.New("no MCP server serves this call")
	}
	form := asking.InputRequests[confirmInput].Elicitation
	answer, err := srv.RequestElicitation(ctx, mcp.ElicitationRequest{
		Request: mcp.Request{Method: string(mcp.MethodElicitationCreate)}, Params: *form})
	if err != nil {
		return req, err
	}
	req.Params.MultiRoundTripParams = mcp.MultiRoundTripParams{RequestState: asking.RequestState,
		InputResponses: mcp.InputResponses{confirmInput: mcp.NewElicitationInputResponse(*answer)}}
	return req, nil
}

// execute sends the call's request(s), holding a place in the ledger of
// calls placed when the call dials, and shapes the answer.
func (op operation) execute(ctx context.Context, c *client.Client, g *guard, args map[string]any) (
	res *mcp.CallToolResult, kind, detail string) {
	var ticket *policy.Ticket
	if op.dials && !g.dryRun {
		t, err := g.ledger.Reserve(ctx, args["destination"].(string), g.stillLive(c))
		var refusal *policy.Refusal
		if errors.As(err, &refusal) {
			return refusedResult(op, refusal), audit.Refused, "policy rule " + refusal.Rule
		}
		if err != nil {
			return op.errorResult(err), audit.Failed, Explain(err)
		}
		ticket = t
		defer ticket.NotPlaced() // unless Placed below
	}
	if op.counts != nil && !g.dryRun {
		if res, kind, detail, counted := op.count(ctx, c, g, args); !counted {
			return res, kind, detail
		}
	}
	out, err := op.runner()(ctx, c, g, args)
	var dry *client.DryRunError
	switch {
	case errors.As(err, &dry):
		return dryRunResult(op, dry), audit.DryRun, dry.Method + " " + unescaped(dry.URL)
	case err != nil && mayHaveTakenEffect(err):
		ticket.Placed("")
		return op.errorResult(err), audit.Unknown, Explain(err)
	case err != nil:
		return op.errorResult(err), audit.Failed, Explain(err)
	}
	if ticket != nil {
		id, _ := out.(map[string]any)["call_id"].(string)
		ticket.Placed(id)
	}
	res, err = structuredResult(markUntrusted(out, op.untrusted))
	if err != nil {
		return mcp.NewToolResultError(op.name + ": the result could not be encoded: " + err.Error()), audit.Done,
			"the result could not be encoded"
	}
	return res, audit.Done, ""
}

// count counts the calls a request makes the platform place against the
// daily maximum, just before it is sent; counted is false, with the result,
// when the maximum refuses them or they cannot be read.
func (op operation) count(ctx context.Context, c *client.Client, g *guard, args map[string]any) (
	res *mcp.CallToolResult, kind, detail string, counted bool) {
	n, numbers, err := op.counts(ctx, c, g, args)
	if err == nil && n > 0 {
		err = g.ledger.Count(n, numbers...)
	}
	var refusal *policy.Refusal
	switch {
	case errors.As(err, &refusal):
		return refusedResult(op, refusal), audit.Refused, "policy rule " + refusal.Rule, false
	case err != nil:
		return op.errorResult(err), audit.Failed, Explain(err), false
	}
	return nil, "", "", true
}

// unescaped is a URL as a person reads it (%2B as +), for the audit
// trail, which masks the numbers in it.
func unescaped(u string) string {
	if plain, err := url.PathUnescape(u); err == nil {
		return plain
	}
	return u
}

// runner is what sends a call's request(s): run, or the generic send.
func (op operation) runner() func(ctx context.Context, c *client.Client, g *guard, args map[string]any) (any, error) {
	if op.run != nil {
		return op.run
	}
	return func(ctx context.Context, c *client.Client, _ *guard, args map[string]any) (any, error) {
		return op.send(ctx, c, args)
	}
}

// mayHaveTakenEffect reports whether a failed request that changes
// something may still have been carried out: it may have reached the API
// and the answer was lost, or the API failed after receiving it.
func mayHaveTakenEffect(err error) bool {
	var (
		netErr *client.NetworkError
		apiErr *client.APIError
	)
	switch {
	case errors.Is(err, client.ErrUnexpectedAnswer):
		return true
	case errors.As(err, &netErr):
		return netErr.MaybeSent && netErr.Method != http.MethodGet
	case errors.As(err, &apiErr):
		return apiErr.Status >= 500 && apiErr.Method != http.MethodGet
	}
	return false
}

// firstSentence is the start of a result's text, for the audit trail.
func firstSentence(res *mcp.CallToolResult) string {
	if len(res.Content) == 0 {
		return ""
	}
	text, _ := res.Content[0].(mcp.TextContent)
	first, _, _ := strings.Cut(text.Text, ". ")
	return first
}
