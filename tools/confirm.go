package tools

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/voicedock/voicedock-mcp/audit"
	"github.com/voicedock/voicedock-mcp/internal/seal"
)

// confirmTTL is how long a person has to answer a confirmation form.
const confirmTTL = 5 * time.Minute

// confirmInput is the key of the confirmation among a round's input
// requests.
const confirmInput = "confirm"

// pending is the state of a confirmation between the round that asks and
// the round that acts. It travels sealed (seal.Sealer): through the
// client for clients on protocol 2026-07-28, inside mcp-go for older
// ones.
type pending struct {
	ID      string `json:"id"`      // single use
	Tool    string `json:"tool"`    // the tool asked about
	Args    string `json:"args"`    // hash of the decoded arguments
	Facts   string `json:"facts"`   // question.fingerprint of what was shown
	Digits  string `json:"digits"`  // the digits to type, "" for yes/no
	Session string `json:"session"` // the MCP session asked, "" when stateless
}

// confirmation is the outcome of a round that carried an answer.
type confirmation struct {
	how  string              // who confirmed and how, for the audit trail
	p    pending             // what was confirmed
	res  *mcp.CallToolResult // set when the call must end here, nothing sent
	kind string              // with res: audit.Declined, audit.Cancelled or audit.Refused
}

// answered reports whether req carries an answer to a confirmation (a
// retry of the call with input responses or request state).
func answered(req mcp.CallToolRequest) bool {
	return req.Params.RequestState != "" || len(req.Params.InputResponses) > 0
}

// askConfirmation ends a round by asking the client to show q's form;
// mcp-go turns the result into an elicitation/create request for clients
// before protocol 2026-07-28 and calls the tool again with the answer.
func (g *guard) askConfirmation(ctx context.Context, op operation, args map[string]any, q *question) *mcp.CallToolResult {
	p := pending{ID: randomID(), Tool: op.name, Args: argsHash(args), Facts: q.fingerprint(),
		Digits: q.digits, Session: sessionID(ctx)}
	state, _ := json.Marshal(p) // plain strings always encode
	return server.NewInputRequestBuilder(g.sealer.Seal(state, confirmTTL)).
		Elicit(confirmInput, q.elicitation()).ToolResult()
}

// checkAnswer opens the state of an answered round and reads the answer.
// It refuses state that is forged, expired, already used, from another
// session or for other arguments, and any answer but an accept with the
// right content.
func (g *guard) checkAnswer(ctx context.Context, op operation, args map[string]any, req mcp.CallToolRequest) confirmation {
	p, err := g.openState(req.Params.RequestState)
	if err == nil && (p.Tool != op.name || p.Args != argsHash(args) || p.Session != sessionID(ctx)) {
		err = errors.New("it was given for another call")
	}
	if err != nil {
		return confirmation{kind: audit.Refused, res: notDone(op,
			"the confirmation could not be verified ("+err.Error()+")",
			"Call the tool again to ask the person afresh.")}
	}
	answer := server.ElicitationResponse(req.Params.InputResponses, confirmInput)
	if answer == nil {
		return confirmation{p: p, kind: audit.Refused, res: notDone(op,
			"the client sent no answer to the confirmation form", "Call the tool again to ask the person afresh.")}
	}
	switch answer.Action {
	case mcp.ElicitationResponseActionDecline:
		return confirmation{p: p, kind: audit.Declined, res: notDone(op, "the person declined",
			"Do not try again unless they ask for it.")}
	case mcp.ElicitationResponseActionCancel:
		return confirmation{p: p, kind: audit.Cancelled, res: notDone(op,
			"the person closed the confirmation without answering",
			"Ask them whether they want it before trying again.")}
	case mcp.ElicitationResponseActionAccept:
	default:
		return confirmation{p: p, kind: audit.Refused, res: notDone(op,
			fmt.Sprintf("the client answered %q, not accept", answer.Action),
			"Call the tool again to ask the person afresh.")}
	}
	if problem := p.contentProblem(answer.Content); problem != "" {
		return confirmation{p: p, kind: audit.Refused,
			res: notDone(op, problem, "Call the tool again to ask the person afresh.")}
	}
	return confirmation{p: p, how: confirmedHow(ctx)}
}

func (g *guard) openState(state string) (pending, error) {
	var p pending
	plain, err := g.sealer.Open(state)
	switch {
	case errors.Is(err, seal.ErrExpired):
		return p, fmt.Errorf("it expired: a confirmation is good for %s", confirmTTL)
	case err != nil:
		return p, err
	}
	if err := json.Unmarshal(plain, &p); err != nil {
		return p, seal.ErrForged
	}
	return p, nil
}

// contentProblem checks the form's content against what was asked: the
// right four digits, or the box ticked.
func (p pending) contentProblem(content any) string {
	fields, _ := content.(map[string]any)
	if p.Digits != "" {
		typed, _ := fields[digitsField].(string)
		if strings.TrimSpace(typed) != p.Digits {
			return "the digits typed do not match the last four digits of the number to call"
		}
		return ""
	}
	if yes, _ := fields[confirmField].(bool); !yes {
		return "the person did not tick the confirmation box"
	}
	return ""
}

// spend marks p used; it reports false when p was used before, so that one
// confirmation never acts twice.
func (g *guard) spend(p pending) bool {
	now := g.Now()
	return g.used.spend(p.ID, now.Add(confirmTTL), now)
}

// notDone is the result of a call that ended before anything was sent.
func notDone(op operation, why, next string) *mcp.CallToolResult {
	return mcp.NewToolResultError(fmt.Sprintf("%s was not done: %s. Nothing was sent to the API. %s",
		op.name, why, next))
}

// canAsk reports whether the client can show a confirmation form: it
// declared form elicitation, for this request (protocol 2026-07-28) or
// when the session began, and the session can carry the request.
func canAsk(ctx context.Context) bool {
	if info := server.RequestProtocolInfoFromContext(ctx); info != nil && info.Modern {
		return formCapable(info.ClientCapabilities)
	}
	session := server.ClientSessionFromContext(ctx)
	if _, ok := session.(server.SessionWithElicitation); !ok {
		return false
	}
	withInfo, ok := session.(server.SessionWithClientInfo)
	if !ok {
		return false
	}
	caps := withInfo.GetClientCapabilities()
	return formCapable(&caps)
}

// formCapable: an elicitation capability with form, or with neither form
// nor url (what clients before 2025-11-25 send), supports forms.
func formCapable(caps *mcp.ClientCapabilities) bool {
	if caps == nil || caps.Elicitation == nil {
		return false
	}
	e := caps.Elicitation
	return e.Form != nil || e.URL == nil
}

// cannotAsk is the result when a confirmation is needed and the client
// cannot show it: the call fails closed.
func cannotAsk(op operation, mode ConfirmMode) *mcp.CallToolResult {
	return mcp.NewToolResultError(fmt.Sprintf("%s needs a person to confirm it, and this client cannot show "+
		"a confirmation form: it did not declare MCP form elicitation, or its transport cannot carry the "+
		"request (legacy SSE before protocol 2026-07-28 cannot). Nothing was sent to the API. This "+
		"is the operator's setting, not something to work around: an operator can connect a client that "+
		"supports elicitation, or change HMS_SOVEREIGN_CONFIRM (now %s; destructive-only stops asking for "+
		"calls, never stops asking at all) in the server's environment.", op.name, mode))
}

// confirmedHow says who confirmed and through which protocol mechanism.
func confirmedHow(ctx context.Context) string {
	if server.IsModernRequest(ctx) {
		return "person, in the client (input_required, protocol " + server.RequestProtocolVersion(ctx) + ")"
	}
	return "person, in the client (elicitation form, protocol " + server.RequestProtocolVersion(ctx) + ")"
}

// sessionID is the MCP session a confirmation belongs to; requests on
// protocol 2026-07-28 are stateless and belong to none.
func sessionID(ctx context.Context) string {
	if server.IsModernRequest(ctx) {
		return ""
	}
	if session := server.ClientSessionFromContext(ctx); session != nil {
		return session.SessionID()
	}
	return ""
}

func argsHash(args map[string]any) string {
	b, _ := json.Marshal(args) // decoded arguments always encode; map keys sort
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func randomID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // never fails (Go 1.24+)
	return hex.EncodeToString(b)
}
