package tools

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/voicedock/voicedock-mcp/client"
)

// Effect says what calling a tool does to the world. It decides the tool's
// annotations, whether --read-only keeps it, whether a person confirms a
// call (ConfirmMode) and whether it is audited.
type Effect int

const (
	// Read changes nothing.
	Read Effect = iota
	// Write changes configuration in a way that can be changed back.
	Write
	// Destructive deletes something or detaches it; it cannot be undone.
	Destructive
	// RealWorld reaches people or spends money: it places, steers or ends
	// a call, starts a campaign, or stores a provider key. Its request is
	// sent once, never retried.
	RealWorld
)

func (e Effect) String() string {
	return [...]string{"read", "write", "destructive", "real-world"}[e]
}

// operation declares a tool that maps to one API operation. Most tools are
// nothing but an operation: its params make the input schema and are
// checked when a call arrives, its request is sent by the generic handler,
// and its shape turns the answer into the result.
type operation struct {
	name, title, toolset string
	doc                  string
	effect               Effect
	idempotent           bool // repeating the call has no further effect
	method, path         string
	host                 client.Host
	public               bool // needs no API key (GET /health)
	reachesOut           bool // makes the platform contact a third party (open-world)
	params               []param
	// shape turns the decoded answer into the structured result; nil
	// passes the (pruned) answer through.
	shape shapeFunc
	// output is the result's JSON Schema (an object).
	output map[string]any
	// untrusted are the patterns of the result's fields that hold text
	// written by third parties, cleaned and marked (untrusted.go).
	untrusted []string
	// listedBy names the tool that lists valid IDs, for 404 messages.
	listedBy string
	// advice adds a next step to failures of a class (client.ErrConflict,
	// client.ErrNotFound, client.ErrInvalidRequest, …) where this tool
	// knows better than the generic text; a 404 entry replaces listedBy's.
	advice map[error]string
	// check applies rules across arguments that a schema cannot state.
	check func(args map[string]any) error
	// run replaces the generic request when a tool needs more than one.
	run func(ctx context.Context, c *client.Client, g *guard, args map[string]any) (any, error)
	// effectOf narrows effect for one call, e.g. pausing a campaign is a
	// write while starting it reaches the world; nil means effect. It
	// never returns more than effect.
	effectOf func(args map[string]any) Effect
	// ask builds what a person confirms; nil means a question made from
	// the title, the name of what a delete removes, and the arguments.
	ask func(ctx context.Context, c *client.Client, g *guard, args map[string]any) (*question, error)
	// policy applies the operator's call policy (policy.Policy) to the
	// numbers a call would ring; it returns a *policy.Refusal, checked
	// before anyone is asked and again just before sending.
	policy func(ctx context.Context, c *client.Client, g *guard, args map[string]any) error
	// dials says the call places a phone call: it counts against the
	// policy's daily and concurrent maximums (policy.Ledger).
	dials bool
	// counts says how many calls the request makes the platform place for
	// this server without it following them (a transfer, a campaign's
	// leads), and to which numbers: they count against the daily maximum
	// when the request is sent.
	counts func(ctx context.Context, c *client.Client, g *guard, args map[string]any) (int, []string, error)
}

// effectFor is the effect of one call with args.
func (op operation) effectFor(args map[string]any) Effect {
	if op.effectOf == nil {
		return op.effect
	}
	return min(op.effectOf(args), op.effect)
}

// Tool is one tool of the server with what selection and documentation
// need to know about it.
type Tool struct {
	server.ServerTool
	Toolset   string
	Effect    Effect
	Operation string // the API operation it calls, e.g. "GET /assistants/{id}"
}

// build turns an operation into a Tool calling c, guarded by g.
func (op operation) build(c *client.Client, g *guard) Tool {
	t := mcp.NewTool(op.name,
		mcp.WithTitleAnnotation(op.title),
		mcp.WithDescription(op.doc),
		mcp.WithReadOnlyHintAnnotation(op.effect == Read),
		mcp.WithDestructiveHintAnnotation(op.effect == Destructive || op.effect == RealWorld),
		mcp.WithIdempotentHintAnnotation(op.idempotent),
		mcp.WithOpenWorldHintAnnotation(op.effect == RealWorld || op.reachesOut),
	)
	props, required := propertiesSchema(op.params)
	input := map[string]any{"type": "object", "properties": props}
	if required != nil {
		input["required"] = required
	}
	t.InputSchema = mcp.ToolInputSchema{} // mcp-go refuses a tool with both schemas
	t.RawInputSchema = mustJSON(input)
	t.RawOutputSchema = mustJSON(op.output)
	return Tool{
		ServerTool: server.ServerTool{Tool: t, Handler: op.handler(c, g)},
		Toolset:    op.toolset, Effect: op.effect, Operation: op.method + " " + op.path,
	}
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("tools: schema does not encode: %v", err)) // a bug in a declaration
	}
	return b
}

// send is the generic handler: one request built from the arguments, its
// answer shaped into the result.
func (op operation) send(ctx context.Context, c *client.Client, args map[string]any) (any, error) {
	body, _, err := c.Send(ctx, op.request(args))
	if err != nil {
		return nil, err
	}
	var answer any
	if len(body) > 0 {
		if err := json.Unmarshal(body, &answer); err != nil {
			return nil, fmt.Errorf("%w: %v", client.ErrUnexpectedAnswer, err)
		}
	}
	if op.shape == nil {
		if answer == nil {
			answer = map[string]any{"success": true}
		}
		return fitValue(prune(answer)), nil
	}
	out, err := op.shape(answer, args)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", client.ErrUnexpectedAnswer, err)
	}
	return out, nil
}

// request places each argument where its param says.
func (op operation) request(args map[string]any) client.Request {
	r := client.Request{Method: op.method, Path: op.path, Host: op.host, Public: op.public,
		Once: op.effect == RealWorld, PathParams: map[string]string{}}
	var body map[string]any
	for _, p := range op.params {
		v, ok := args[p.name]
		if !ok {
			continue
		}
		switch p.in {
		case inPath:
			r.PathParams[p.wireName()] = fmt.Sprint(v)
		case inQuery:
			if r.Query == nil {
				r.Query = url.Values{}
			}
			r.Query.Set(p.wireName(), queryValue(v))
		case inBody:
			if body == nil {
				body = map[string]any{}
			}
			body[p.wireName()] = v
		}
	}
	if body != nil {
		r.Body = body
	} else if op.method == http.MethodPost || op.method == http.MethodPatch {
		r.Body = map[string]any{}
	}
	return r
}

func queryValue(v any) string {
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// adviceOrder is the order in which advice classes are tried, so that
// the advice given never depends on map order.
var adviceOrder = []error{
	client.ErrConflict, client.ErrNotFound, client.ErrInvalidRequest, client.ErrInsufficientCredit,
	client.ErrForbidden,
}

// errorResult explains a failed call, adding the tool's own advice for
// the class of failure, or pointing at the tool that lists valid IDs when
// something was not found.
func (op operation) errorResult(err error) *mcp.CallToolResult {
	text := op.name + " failed: " + Explain(err)
	if errors.Is(err, client.ErrUnexpectedAnswer) && op.method != http.MethodGet {
		return mcp.NewToolResultError(text + " The API did answer with success, so the request most " +
			"likely took effect: check with the matching get_ or list_ tool (list_calls for a call) before " +
			"repeating it.")
	}
	for _, class := range adviceOrder {
		if advice, ok := op.advice[class]; ok && errors.Is(err, class) {
			return mcp.NewToolResultError(text + " " + advice)
		}
	}
	if errors.Is(err, client.ErrNotFound) && op.listedBy != "" {
		text += " Check the ID: " + op.listedBy + " lists the valid ones."
	}
	return mcp.NewToolResultError(text)
}
