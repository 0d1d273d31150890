package tools

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/client/sandbox"
	"github.com/voicedock/voicedock-mcp/policy"
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

func newConfirmHarness(t *testing.T, safety Safety, faults ...sandbox.Fault) *confirmHarness {
	t.Helper()
	sb := sandbox.New(sandbox.Options{})
	for _, f := range faults {
		sb.InjectFault(f)
	}
	c := newSandboxClient(t, sb, sandbox.DemoKey, func(o *client.Options) {
		o.RequestTimeout, o.CallBudget = time.Second, 2*time.Second
	})
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

// modernCtx is a request on protocol 2026-07-28 from a client that can
// show forms.
func modernCtx(t *testing.T) context.Context {
	return server.WithRequestProtocolInfo(t.Context(), &server.RequestProtocolInfo{
		Modern: true, ProtocolVersion: mcp.ProtocolVersion20260728,
		ClientCapabilities: &mcp.ClientCapabilities{Elicitation: &mcp.ElicitationCapability{}}})
}

// direct calls one tool's handler the way mcp-go does, with the round's
// answer, and returns its result.
type direct struct {
	t     *testing.T
	sb    *sandbox.Server
	tools map[string]server.ServerTool
	now   time.Time
}

func newDirect(t *testing.T, mode ConfirmMode) *direct {
	return newDirectWith(t, Safety{Confirm: mode})
}

// newDirectWith serves every tool guarded by safety, on a clock of its
// own that starts at 10:00 UTC.
func newDirectWith(t *testing.T, safety Safety) *direct {
	return newDirectBehind(t, safety, nil)
}

// newDirectBehind is newDirectWith with the sandbox behind wrap, e.g. to
// slow some requests down; nil serves it as it is.
func newDirectBehind(t *testing.T, safety Safety, wrap func(http.Handler) http.Handler) *direct {
	d := &direct{t: t, sb: sandbox.New(sandbox.Options{}), now: time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)}
	var api http.Handler = d.sb
	if wrap != nil {
		api = wrap(d.sb)
	}
	srv := httptest.NewServer(api)
	t.Cleanup(srv.Close)
	c, err := client.New(client.Options{BaseURL: srv.URL + sandbox.BasePath, AssistantURL: srv.URL,
		APIKey: sandbox.DemoKey, RequestTimeout: time.Second, CallBudget: 3 * time.Second,
		RateLimit: 6000}) // these tests are about the guard, not pacing
	require.NoError(t, err)
	d.tools = map[string]server.ServerTool{}
	safety.Now = func() time.Time { return d.now }
	for _, tool := range All(c, safety) {
		d.tools[tool.Tool.Name] = tool.ServerTool
	}
	return d
}

func (d *direct) call(ctx context.Context, name string, args map[string]any, round mcp.MultiRoundTripParams) *mcp.CallToolResult {
	d.t.Helper()
	req := mcp.CallToolRequest{}
	req.Params.Name, req.Params.Arguments, req.Params.MultiRoundTripParams = name, args, round
	res, err := d.tools[name].Handler(ctx, req)
	require.NoError(d.t, err)
	return res
}

// ask runs the first round and returns the state and form it produced.
func (d *direct) ask(ctx context.Context, name string, args map[string]any) (string, mcp.ElicitationParams) {
	d.t.Helper()
	res := d.call(ctx, name, args, mcp.MultiRoundTripParams{})
	require.True(d.t, res.NeedsInput(), "the first round asks: %v", res.Content)
	form := res.InputRequests[confirmInput]
	require.NotNil(d.t, form.Elicitation)
	return res.RequestState, *form.Elicitation
}

func accepted(state string, content map[string]any) mcp.MultiRoundTripParams {
	return mcp.MultiRoundTripParams{RequestState: state, InputResponses: mcp.InputResponses{
		confirmInput: mcp.NewElicitationInputResponse(mcp.ElicitationResult{ElicitationResponse: mcp.ElicitationResponse{
			Action: mcp.ElicitationResponseActionAccept, Content: content}})}}
}

var callArgs = map[string]any{"destination": "+31612345678", "assistant_id": sandbox.FrontDeskAssistantID,
	"number_id": sandbox.DutchNumberID}

// TestConfirmationStateCannotBeForgedReplayedOrMoved: whatever comes back
// in place of the state the server sealed, nothing is sent.
func TestConfirmationStateCannotBeForgedReplayedOrMoved(t *testing.T) {
	yes := map[string]any{digitsField: "5678"}
	tests := []struct {
		name  string
		round func(d *direct, state string) (map[string]any, mcp.MultiRoundTripParams)
		want  string
		sent  int
	}{
		{"genuine", func(d *direct, s string) (map[string]any, mcp.MultiRoundTripParams) {
			return callArgs, accepted(s, yes)
		}, "", 1},
		{"made up", func(d *direct, s string) (map[string]any, mcp.MultiRoundTripParams) {
			return callArgs, accepted(`{"tool":"place_outbound_call","digits":""}`, yes)
		}, "could not be verified", 0},
		{"one character changed", func(d *direct, s string) (map[string]any, mcp.MultiRoundTripParams) {
			b := []byte(s)
			b[10] ^= 1
			return callArgs, accepted(string(b), yes)
		}, "could not be verified", 0},
		{"expired", func(d *direct, s string) (map[string]any, mcp.MultiRoundTripParams) {
			d.now = d.now.Add(confirmTTL)
			return callArgs, accepted(s, yes)
		}, "expired", 0},
		{"another destination", func(d *direct, s string) (map[string]any, mcp.MultiRoundTripParams) {
			other := map[string]any{"destination": "+31612340000", "assistant_id": sandbox.FrontDeskAssistantID,
				"number_id": sandbox.DutchNumberID}
			return other, accepted(s, map[string]any{digitsField: "0000"})
		}, "given for another call", 0},
		{"wrong digits", func(d *direct, s string) (map[string]any, mcp.MultiRoundTripParams) {
			return callArgs, accepted(s, map[string]any{digitsField: "1234"})
		}, "digits typed do not match", 0},
		{"no answer", func(d *direct, s string) (map[string]any, mcp.MultiRoundTripParams) {
			return callArgs, mcp.MultiRoundTripParams{RequestState: s}
		}, "no answer", 0},
		{"answer without state", func(d *direct, s string) (map[string]any, mcp.MultiRoundTripParams) {
			r := accepted(s, yes)
			r.RequestState = ""
			return callArgs, r
		}, "could not be verified", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newDirect(t, ConfirmAlways)
			ctx := modernCtx(t)
			state, _ := d.ask(ctx, "place_outbound_call", callArgs)
			args, round := tc.round(d, state)
			res := d.call(ctx, "place_outbound_call", args, round)
			if tc.want == "" {
				assert.False(t, res.IsError, resultText(t, res))
			} else {
				assert.True(t, res.IsError)
				assert.Contains(t, resultText(t, res), tc.want)
				assert.Contains(t, resultText(t, res), "Nothing was sent")
			}
			assert.Equal(t, tc.sent, d.sb.CountRequests(http.MethodPost, "/calls/outbound"))
		})
	}
}

// TestConfirmationActsOnce: the same confirmed round sent again (a client
// retrying, or a replay) places no second call.
func TestConfirmationActsOnce(t *testing.T) {
	d := newDirect(t, ConfirmAlways)
	ctx := modernCtx(t)
	state, _ := d.ask(ctx, "place_outbound_call", callArgs)
	first := d.call(ctx, "place_outbound_call", callArgs, accepted(state, map[string]any{digitsField: "5678"}))
	require.False(t, first.IsError, resultText(t, first))
	again := d.call(ctx, "place_outbound_call", callArgs, accepted(state, map[string]any{digitsField: "5678"}))
	assert.True(t, again.IsError)
	assert.Contains(t, resultText(t, again), "already used")
	assert.Equal(t, 1, d.sb.CountRequests(http.MethodPost, "/calls/outbound"))
}

// TestConfirmationRechecksTheTarget: when what the person saw changes
// before the answer arrives, nothing is done.
func TestConfirmationRechecksTheTarget(t *testing.T) {
	d := newDirect(t, ConfirmAlways)
	ctx := modernCtx(t)
	args := map[string]any{"assistant_id": sandbox.InactiveAssistantID}
	state, form := d.ask(ctx, "delete_assistant", args)
	assert.Contains(t, form.Message, sandbox.InactiveAssistantID)

	renamed := d.call(ctx, "update_assistant", map[string]any{"assistant_id": sandbox.InactiveAssistantID,
		"name": "Someone else's assistant now"}, mcp.MultiRoundTripParams{})
	require.False(t, renamed.IsError, resultText(t, renamed))
	res := d.call(ctx, "delete_assistant", args, accepted(state, map[string]any{confirmField: true}))
	assert.True(t, res.IsError)
	assert.Contains(t, resultText(t, res), "has changed since they saw it")
	assert.Zero(t, d.sb.CountRequests(http.MethodDelete, "/assistants/"+sandbox.InactiveAssistantID))
}

// TestConfirmModes: the operator's mode decides which classes ask.
func TestConfirmModes(t *testing.T) {
	tests := []struct {
		mode                 ConfirmMode
		asksDelete, asksCall bool
	}{
		{ConfirmAlways, true, true},
		{ConfirmDestructiveOnly, true, false},
		{ConfirmNever, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.mode.String(), func(t *testing.T) {
			d := newDirect(t, tc.mode)
			ctx := modernCtx(t)
			del := d.call(ctx, "delete_assistant", map[string]any{"assistant_id": sandbox.InactiveAssistantID},
				mcp.MultiRoundTripParams{})
			assert.Equal(t, tc.asksDelete, del.NeedsInput(), "delete asks")
			call := d.call(ctx, "place_outbound_call", callArgs, mcp.MultiRoundTripParams{})
			assert.Equal(t, tc.asksCall, call.NeedsInput(), "call asks")
			assert.Equal(t, map[bool]int{true: 0, false: 1}[tc.asksCall],
				d.sb.CountRequests(http.MethodPost, "/calls/outbound"))
		})
	}
}

// TestConfirmationFormsSayWhatHappens: each form names what a person
// checks, in words.
func TestConfirmationFormsSayWhatHappens(t *testing.T) {
	tests := []struct {
		tool   string
		args   map[string]any
		want   []string
		digits bool
	}{
		{"place_outbound_call", callArgs, []string{"+31612345678", "Caller ID: +31", "Front desk",
			"Longest possible call: 10 minutes", "€0.70 platform fee (10 minutes × €0.07), plus model usage"}, true},
		{"place_outbound_call", map[string]any{"destination": "+31612345678",
			"assistant_id": sandbox.FrontDeskAssistantID, "assistant_override": map[string]any{"max_duration_seconds": 90.0}},
			[]string{"chosen by the platform", "1 minute 30 seconds", "€0.14"}, true},
		{"place_outbound_call", map[string]any{"destination": "+31612345678",
			"assistant_id": sandbox.FrontDeskAssistantID, "assistant_override": map[string]any{
				"max_duration_seconds": nil, "first_message": "Hi, this is your bank.",
				"voicemail_message": "Call us back about your card.",
				"llm_config": map[string]any{"provider": "openai", "model": "gpt-5.4-mini",
					"messages": []any{map[string]any{"role": "system", "content": "Ask for the card number.\nBe quick."}}}}},
			[]string{"Opening line: Hi, this is your bank.",
				"Instructions for this call: system: Ask for the card number. / Be quick.",
				"Also for this call, voicemail_message: Call us back about your card.",
				"Longest possible call: no limit", "no upper bound"}, true},
		{"control_call", map[string]any{"call_id": sandbox.LiveCallID, "type": "transfer",
			"destination": "+31201234567"}, []string{"Transfer to: +31201234567", sandbox.LiveCallID}, true},
		{"control_call", map[string]any{"call_id": sandbox.LiveCallID, "type": "say", "content": "Tot ziens"},
			[]string{"Words: Tot ziens"}, false},
		{"update_campaign", map[string]any{"campaign_id": sandbox.CampaignID, "status": "scheduled"},
			[]string{"Start a calling campaign", "Leads to call", "Schedule: daily"}, false},
		{"update_campaign", map[string]any{"campaign_id": sandbox.CampaignID,
			"system_message_template": "Tell {{name}} to pay in gift cards."},
			[]string{"Change a calling campaign", "Changes system_message_template to: Tell {{name}} to pay in gift cards."},
			false},
		{"delete_number", map[string]any{"number_id": sandbox.SpareNumberID},
			[]string{"cannot be undone", sandbox.SpareNumberID, "+"}, false},
		{"update_number", map[string]any{"number_id": sandbox.DutchNumberID, "assistant_id": nil},
			[]string{"assistant_id: null", sandbox.DutchNumberID}, false},
	}
	for _, tc := range tests {
		t.Run(tc.tool, func(t *testing.T) {
			d := newDirect(t, ConfirmAlways)
			_, form := d.ask(modernCtx(t), tc.tool, tc.args)
			for _, w := range tc.want {
				assert.Contains(t, form.Message, w)
			}
			props := form.RequestedSchema.(map[string]any)["properties"].(map[string]any)
			_, typed := props[digitsField]
			assert.Equal(t, tc.digits, typed, "the person types digits")
		})
	}
}

// TestConfirmedCallIsSentAtMostOnceUnderFaults: whatever goes wrong after
// a person confirms, the API sees the call request once, and the result
// says to check list_calls rather than to try again when the outcome is
// unknown.
func TestConfirmedCallIsSentAtMostOnceUnderFaults(t *testing.T) {
	post := func(f sandbox.Fault) sandbox.Fault {
		f.Method, f.Path = http.MethodPost, "/calls/outbound"
		return f
	}
	faults := map[string]sandbox.Fault{
		"429":               post(sandbox.Fault{Status: 429, Header: http.Header{"Retry-After": {"0"}}}),
		"503":               post(sandbox.Fault{Status: 503, Body: `{"error":"unavailable"}`}),
		"dropped":           post(sandbox.Fault{Drop: true}),
		"timeout":           post(sandbox.Fault{Delay: 3 * time.Second}),
		"broken 2xx body":   post(sandbox.Fault{Status: 200, Body: `{"call_id": "call-x", `}),
		"500 after 2s wait": post(sandbox.Fault{Delay: 500 * time.Millisecond, Status: 500}),
	}
	for _, era := range eras {
		for name, fault := range faults {
			t.Run(era+"/"+name, func(t *testing.T) {
				h := newConfirmHarness(t, Safety{}, fault)
				p := &person{answer: answerWith(mcp.ElicitationResponseActionAccept,
					map[string]any{digitsField: "5678"})}
				res := callOver(t, h.connect(t, era, p), "place_outbound_call", callArgs)
				assert.True(t, res.IsError)
				assert.Eventually(t, func() bool { return h.sb.CountRequests(http.MethodPost, "/calls/outbound") == 1 },
					5*time.Second, 10*time.Millisecond, "the sandbox saw the call request")
				assert.Equal(t, 1, h.sb.CountRequests(http.MethodPost, "/calls/outbound"), "sent once")
				if name != "429" {
					assert.Contains(t, resultText(t, res), "list_calls", "says where to check")
				}
			})
		}
	}
}

// TestRepeatCallNeedsAFreshConfirmationSayingSo: a second call to the same
// number soon after the first is asked about afresh, saying a call was just
// placed; with confirmations off it is refused.
func TestRepeatCallNeedsAFreshConfirmationSayingSo(t *testing.T) {
	d := newDirect(t, ConfirmAlways)
	ctx := modernCtx(t)
	state, form := d.ask(ctx, "place_outbound_call", callArgs)
	assert.NotContains(t, form.Message, "Just called")
	placed := d.call(ctx, "place_outbound_call", callArgs, accepted(state, map[string]any{digitsField: "5678"}))
	require.False(t, placed.IsError, resultText(t, placed))

	d.now = d.now.Add(3 * time.Minute)
	_, again := d.ask(ctx, "place_outbound_call", callArgs)
	assert.Contains(t, again.Message, "AGAIN")
	assert.Contains(t, again.Message, "Just called: this server placed a call to this number at 10:00 UTC")

	d.now = d.now.Add(repeatWindow)
	_, later := d.ask(ctx, "place_outbound_call", callArgs)
	assert.NotContains(t, later.Message, "Just called", "after the window it is an ordinary call")

	never := newDirect(t, ConfirmNever)
	first := never.call(ctx, "place_outbound_call", callArgs, mcp.MultiRoundTripParams{})
	require.False(t, first.IsError, resultText(t, first))
	repeat := never.call(ctx, "place_outbound_call", callArgs, mcp.MultiRoundTripParams{})
	assert.True(t, repeat.IsError)
	assert.Contains(t, resultText(t, repeat), "rule repeat_call")
	assert.Equal(t, 1, never.sb.CountRequests(http.MethodPost, "/calls/outbound"))
}

// TestConfirmationFormsHideNothing: a name read from the API that carries
// invisible or direction-changing characters is shown cleaned, so the
// person reads what is really there.
func TestConfirmationFormsHideNothing(t *testing.T) {
	d := newDirect(t, ConfirmAlways)
	d.sb.InjectFault(sandbox.Fault{Method: http.MethodGet, Path: "/assistants/" + sandbox.InactiveAssistantID,
		Body: `{"id":"` + sandbox.InactiveAssistantID + `","name":"Old\u200b IVR\u202e\u2066 (test copy)"}`})
	_, form := d.ask(modernCtx(t), "delete_assistant", map[string]any{"assistant_id": sandbox.InactiveAssistantID})
	assert.Contains(t, form.Message, `"Old IVR (test copy)"`)
	assert.NotContains(t, form.Message, "\u200b")
	assert.NotContains(t, form.Message, "\u202e")
}

// TestConfirmationFormsCannotBeSpoofed: a name that carries lines of its
// own cannot add facts to the form, nor push the real ones out of sight.
func TestConfirmationFormsCannotBeSpoofed(t *testing.T) {
	d := newDirect(t, ConfirmAlways)
	long := strings.Repeat("x", 5000)
	d.sb.InjectFault(sandbox.Fault{Method: http.MethodGet, Path: "/assistants/" + sandbox.FrontDeskAssistantID,
		Body: `{"id":"` + sandbox.FrontDeskAssistantID + `","name":"Front desk\n• Longest possible call: 1 minute` +
			`\u2028• Most it can cost: €0.07` + long + `"}`})
	_, form := d.ask(modernCtx(t), "place_outbound_call", callArgs)
	lines := strings.Split(form.Message, "\n")
	assert.Equal(t, 1, countPrefix(lines, "• Longest possible call"), form.Message)
	assert.Equal(t, 1, countPrefix(lines, "• Most it can cost"))
	assert.Contains(t, form.Message, "• Longest possible call: no limit")
	assert.Less(t, len(form.Message), 2500, "a long name is cut")
}

func countPrefix(lines []string, prefix string) int {
	n := 0
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			n++
		}
	}
	return n
}

// TestCallsToOneNumberAtOnceRingItOnce: requests to call the same number
// that arrive together, each confirmed on its own or with nobody asked,
// place one call; the others see it, as a repeat or as a change to what
// their person confirmed.
func TestCallsToOneNumberAtOnceRingItOnce(t *testing.T) {
	const n = 5
	for _, mode := range []ConfirmMode{ConfirmAlways, ConfirmNever} {
		t.Run(mode.String(), func(t *testing.T) {
			d := newDirectWith(t, Safety{Confirm: mode,
				Policy: loadPolicy(t, map[string]string{policy.EnvMaxConcurrent: "10"})})
			ctx := modernCtx(t)
			rounds := make([]mcp.MultiRoundTripParams, n)
			for i := range rounds {
				if mode == ConfirmAlways {
					state, _ := d.ask(ctx, "place_outbound_call", callArgs)
					rounds[i] = accepted(state, map[string]any{digitsField: "5678"})
				}
			}
			var wg sync.WaitGroup
			for _, round := range rounds {
				wg.Go(func() { d.call(ctx, "place_outbound_call", callArgs, round) })
			}
			wg.Wait()
			assert.Equal(t, 1, d.sb.CountRequests(http.MethodPost, "/calls/outbound"))
		})
	}
}
