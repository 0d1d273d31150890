package tools

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// person answers confirmation forms the way a test tells it to, and keeps
// every form it was shown.
type person struct {
	mu     sync.Mutex
	answer func(mcp.ElicitationParams) *mcp.ElicitationResult
	forms  []mcp.ElicitationParams
}

func (p *person) Elicit(_ context.Context, req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.forms = append(p.forms, req.Params)
	return p.answer(req.Params), nil
}

func (p *person) shown() []mcp.ElicitationParams {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]mcp.ElicitationParams(nil), p.forms...)
}

func answerWith(action mcp.ElicitationResponseAction, content map[string]any) func(mcp.ElicitationParams) *mcp.ElicitationResult {
	return func(mcp.ElicitationParams) *mcp.ElicitationResult {
		return &mcp.ElicitationResult{ElicitationResponse: mcp.ElicitationResponse{Action: action, Content: content}}
	}
}

// eras are the two ways a server asks a client: an elicitation/create
// request within the call (before 2026-07-28), or an input_required
// result the client answers by calling again (2026-07-28).
var eras = []string{mcp.ProtocolVersion20251125, mcp.ProtocolVersion20260728}

// confirmHarness is the server as a client meets it: every tool over
// streamable HTTP, in front of a sandbox.
type confirmHarness struct {
	sb  *sandbox.Server
	url string
}

func newConfirmHarness(t *testing.T, safety Safety) *confirmHarness {
	t.Helper()
	sb := sandbox.New(sandbox.Options{})
	c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
	built, err := Build(c, Selection{Toolsets: []string{AllToolsets}}, safety)
	require.NoError(t, err)
	srv := server.NewMCPServer("voicedock-mcp", "test", server.WithToolCapabilities(false))
	srv.AddTools(built...)
	ts := httptest.NewServer(server.NewStreamableHTTPServer(srv))
	t.Cleanup(ts.Close)
	return &confirmHarness{sb: sb, url: ts.URL}
}

// connect opens a client on protocol version; p nil means a client that
// cannot show forms.
func (h *confirmHarness) connect(t *testing.T, version string, p *person) *mcpclient.Client {
	t.Helper()
	var trOpts []transport.StreamableHTTPCOption
	if !mcp.IsModernProtocol(version) {
		trOpts = append(trOpts, transport.WithContinuousListening()) // where a server's requests arrive
	}
	tr, err := transport.NewStreamableHTTP(h.url, trOpts...)
	require.NoError(t, err)
	opts := []mcpclient.ClientOption{mcpclient.WithProtocolVersion(version)}
	if p != nil {
		opts = append(opts, mcpclient.WithElicitationHandler(p))
	}
	c := mcpclient.NewClient(tr, opts...)
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	require.NoError(t, c.Start(ctx))
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = version
	init.Params.ClientInfo = mcp.Implementation{Name: "confirm-test", Version: "0"}
	_, err = c.Initialize(ctx, init)
	require.NoError(t, err)
	require.Equal(t, version, c.ProtocolVersion())
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func callOver(t *testing.T, c *mcpclient.Client, name string, args map[string]any) *mcp.CallToolResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	req := mcp.CallToolRequest{}
	req.Params.Name, req.Params.Arguments = name, args
	res, err := c.CallTool(ctx, req)
	require.NoError(t, err, "a confirmation never ends in a protocol error")
	return res
}

// classCase is one tool of a class and the request that shows it acted.
type classCase struct {
	class        Effect
	tool         string
	args         map[string]any
	method, path string // the request that does it
	digits       string // what the person types, "" for the yes box
}

var classCases = []classCase{
	{class: Read, tool: "get_assistant", args: map[string]any{"assistant_id": sandbox.FrontDeskAssistantID},
		method: http.MethodGet, path: "/assistants/" + sandbox.FrontDeskAssistantID},
	{class: Write, tool: "update_assistant",
		args:   map[string]any{"assistant_id": sandbox.FrontDeskAssistantID, "first_message": "Hoi!"},
		method: http.MethodPatch, path: "/assistants/" + sandbox.FrontDeskAssistantID},
	{class: Destructive, tool: "delete_assistant", args: map[string]any{"assistant_id": sandbox.InactiveAssistantID},
		method: http.MethodDelete, path: "/assistants/" + sandbox.InactiveAssistantID},
	{class: RealWorld, tool: "place_outbound_call",
		args: map[string]any{"destination": "+31612345678", "assistant_id": sandbox.FrontDeskAssistantID,
			"number_id": sandbox.DutchNumberID},
		method: http.MethodPost, path: "/calls/outbound", digits: "5678"},
}

func (cc classCase) accept() func(mcp.ElicitationParams) *mcp.ElicitationResult {
	if cc.digits != "" {
		return answerWith(mcp.ElicitationResponseActionAccept, map[string]any{digitsField: cc.digits})
	}
	return answerWith(mcp.ElicitationResponseActionAccept, map[string]any{confirmField: true})
}

// TestConfirmationEveryClassBothEras: reads and writes go ahead unasked;
// destructive and real-world calls go ahead only when a person accepts,
// and nothing is sent when they decline, cancel, or the client cannot ask.
func TestConfirmationEveryClassBothEras(t *testing.T) {
	for _, era := range eras {
		for _, cc := range classCases {
			asks := cc.class >= Destructive
			for _, answer := range []string{"accept", "decline", "cancel", "no form"} {
				t.Run(fmt.Sprintf("%s/%s/%s", era, cc.tool, answer), func(t *testing.T) {
					h := newConfirmHarness(t, Safety{})
					var p *person
					switch answer {
					case "accept":
						p = &person{answer: cc.accept()}
					case "decline":
						p = &person{answer: answerWith(mcp.ElicitationResponseActionDecline, nil)}
					case "cancel":
						p = &person{answer: answerWith(mcp.ElicitationResponseActionCancel, nil)}
					}
					res := callOver(t, h.connect(t, era, p), cc.tool, cc.args)
					sent := h.sb.CountRequests(cc.method, cc.path)
					if !asks || answer == "accept" {
						assert.False(t, res.IsError, resultText(t, res))
						assert.Equal(t, 1, sent, "the request went out once")
					} else {
						assert.True(t, res.IsError)
						assert.Equal(t, 0, sent, "nothing was sent")
						assert.Contains(t, resultText(t, res), "Nothing was sent to the API")
					}
					if p != nil {
						assert.Len(t, p.shown(), map[bool]int{true: 1, false: 0}[asks], "forms shown")
					}
					if asks && answer == "no form" {
						assert.Contains(t, resultText(t, res), "HMS_SOVEREIGN_CONFIRM")
					}
				})
			}
		}
	}
}
