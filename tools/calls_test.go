package tools

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// fakeClock is a sandbox clock tests move by hand.
type fakeClock struct{ now atomic.Int64 }

func newFakeClock() *fakeClock {
	c := &fakeClock{}
	c.now.Store(time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC).UnixNano())
	return c
}

func (c *fakeClock) Now() time.Time          { return time.Unix(0, c.now.Load()).UTC() }
func (c *fakeClock) Advance(d time.Duration) { c.now.Add(int64(d)) }

// structured returns a success result's structured content as a map.
func structured(t *testing.T, text string) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(text), &m))
	return m
}

func TestListCalls(t *testing.T) {
	runToolsetCases(t, []toolsetCase{
		{name: "pages and filters", steps: []toolStep{
			{tool: "list_calls", args: map[string]any{"limit": 5},
				want:    []string{`"count":5`, `"has_more":true`, `"next_offset":5`, "message_count"},
				wantNot: []string{`"messages"`}},
			{tool: "list_calls", args: map[string]any{"status": "in-progress"},
				want: []string{sandbox.LiveCallID, `"has_more":false`}},
			{tool: "list_calls", args: map[string]any{"limit": 1001}, wantError: true,
				want: []string{"limit: must be at most 1000, got 1001"}},
			{tool: "list_calls", args: map[string]any{"status": "busy"}, wantError: true,
				want: []string{`status: "busy" is not one of`}},
		}},
	})
}

func TestGetCallReturnsTheTranscriptInBoundedPieces(t *testing.T) {
	sb := sandbox.New(sandbox.Options{})
	c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
	tool := findTool(t, c, "get_call")

	var contents []string
	offset, pieces := 0, 0
	for {
		res := callTool(t, tool, map[string]any{"call_id": sandbox.LongCallID, "transcript_offset": float64(offset),
			"transcript_limit": float64(500), "include_transcript": true})
		text := resultText(t, res)
		require.False(t, res.IsError, text)
		assertMatchesOutputSchema(t, tool.Tool, res)
		assert.LessOrEqual(t, len(text), maxResultBytes, "a piece stays within the result bound")
		assert.True(t, utf8.ValidString(text), "no character is split")
		transcript := structured(t, text)["transcript"].(map[string]any)
		for _, m := range transcript["messages"].([]any) {
			msg := m.(map[string]any)
			assert.EqualValues(t, len(contents), msg["index"], "messages come in order, none skipped")
			contents = append(contents, msg["content"].(string))
		}
		pieces++
		if transcript["has_more"] == false {
			assert.EqualValues(t, len(contents), transcript["total_messages"])
			break
		}
		offset = int(transcript["next_offset"].(float64))
		require.Less(t, pieces, 100, "paging must end")
	}
	assert.Greater(t, pieces, 1, "a transcript of over 100 KB takes several pieces")
	assert.GreaterOrEqual(t, len(contents), 400)
}

func TestGetCallLeavesTheTranscriptOutUnlessAsked(t *testing.T) {
	runToolsetCases(t, []toolsetCase{{name: "status only", steps: []toolStep{
		{tool: "get_call", args: map[string]any{"call_id": sandbox.LongCallID},
			want: []string{`"message_count":421`}, wantNot: []string{`"transcript"`}},
		{tool: "get_call", args: map[string]any{"call_id": sandbox.LongCallID, "include_transcript": true},
			want: []string{`"transcript"`, `"total_messages":421`, `"next_offset"`}},
	}}})
}

func TestGetCallEscapesTheCallID(t *testing.T) {
	sb := sandbox.New(sandbox.Options{})
	c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
	res := callTool(t, findTool(t, c, "get_call"), map[string]any{"call_id": sandbox.ExampleCallID})
	require.False(t, res.IsError, resultText(t, res))
	assert.Contains(t, resultText(t, res), sandbox.ExampleCallID)
	reqs := sb.Requests()
	assert.Equal(t, "/api/v1/calls/call-_%2B31612345678_XqaQxRRgAzYc", reqs[len(reqs)-1].Path)

	res = callTool(t, findTool(t, c, "get_call"), map[string]any{"call_id": "call-_+31600000000_nope?x=1#y"})
	assert.True(t, res.IsError)
	assert.Contains(t, resultText(t, res), "list_calls lists the valid ones")
	reqs = sb.Requests()
	assert.Equal(t, "/api/v1/calls/call-_%2B31600000000_nope%3Fx=1%23y", reqs[len(reqs)-1].Path,
		"one escaped segment")
}

func TestOutboundCallLifecycle(t *testing.T) {
	clock := newFakeClock()
	sb := sandbox.New(sandbox.Options{Now: clock.Now})
	c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
	call := func(name string, args map[string]any) (map[string]any, string, bool) {
		res := callTool(t, findTool(t, c, name), asWire(t, args))
		text := resultText(t, res)
		if res.IsError {
			return nil, text, true
		}
		assertMatchesOutputSchema(t, findTool(t, c, name).Tool, res)
		return structured(t, text), text, false
	}

	placed, text, failed := call("place_outbound_call", map[string]any{"destination": "+31612345678",
		"assistant_id": sandbox.FrontDeskAssistantID, "number_id": sandbox.DutchNumberID})
	require.False(t, failed, text)
	id := placed["call_id"].(string)
	assert.Equal(t, "dialing", placed["status"])

	say := map[string]any{"call_id": id, "type": "say", "content": "Tot ziens, en fijne dag!", "end_after": true}
	_, text, failed = call("control_call", say)
	assert.True(t, failed, "a call that is not in progress takes no commands")
	assert.Contains(t, text, "400")

	clock.Advance(5 * time.Second)
	got, _, _ := call("get_call", map[string]any{"call_id": id})
	assert.Equal(t, "in-progress", got["call"].(map[string]any)["status"])

	_, text, failed = call("control_call", say)
	require.False(t, failed, text)
	got, _, _ = call("get_call", map[string]any{"call_id": id, "include_transcript": true})
	assert.Equal(t, "ended", got["call"].(map[string]any)["status"])
	transcript, _ := json.Marshal(got["transcript"])
	assert.Contains(t, string(transcript), "Tot ziens, en fijne dag!")
	assert.Equal(t, 1, sb.CountRequests(http.MethodPost, "/calls/outbound"))
}

func TestPlaceOutboundCallRefusals(t *testing.T) {
	runToolsetCases(t, []toolsetCase{
		{name: "checked before sending", steps: []toolStep{
			{tool: "place_outbound_call", args: map[string]any{"destination": "+31612345678"}, wantError: true,
				want: []string{"choose the assistant"}},
			{tool: "place_outbound_call", args: map[string]any{"destination": "0612345678",
				"assistant_id": sandbox.FrontDeskAssistantID}, wantError: true,
				want: []string{`destination: "0612345678" is not in E.164 form`}},
			{tool: "place_outbound_call", args: map[string]any{"destination": "+31612345678",
				"assistant_id": sandbox.FrontDeskAssistantID, "assistant": map[string]any{
					"llm_config": map[string]any{"provider": "openai", "model": "gpt-5.4"}}},
				wantError: true, want: []string{"not both"}},
			{tool: "place_outbound_call", args: map[string]any{"destination": "+31612345678",
				"assistant_override": map[string]any{"first_message": "Hoi"}}, wantError: true,
				want: []string{"assistant_override changes a saved assistant"}},
			{tool: "place_outbound_call", args: map[string]any{"destination": "+31612345678",
				"assistant": map[string]any{"llm_config": map[string]any{"provider": "openai",
					"model": "gpt-5.4"}}}, wantError: true, want: []string{"also needs stt_config and tts_config"}},
			{tool: "place_outbound_call", args: map[string]any{"destination": "+31612345678",
				"assistant_id": "00000000-0000-4000-8000-000000000000"}, wantError: true,
				want: []string{"404", "list_assistants"}},
		}},
	})
}

func TestPlaceOutboundCallWithNoBalance(t *testing.T) {
	sb := sandbox.New(sandbox.Options{})
	c := newSandboxClient(t, sb, sandbox.BrokeKey, nil)
	assistants := callTool(t, findTool(t, c, "list_assistants"), map[string]any{})
	var list struct {
		Assistants []struct{ ID string } `json:"assistants"`
	}
	require.NoError(t, json.Unmarshal([]byte(resultText(t, assistants)), &list))
	args := map[string]any{"destination": "+31612345678"}
	if len(list.Assistants) > 0 {
		args["assistant_id"] = list.Assistants[0].ID
	} else {
		args["assistant"] = map[string]any{"llm_config": map[string]any{"provider": "xai_realtime",
			"model": "grok-voice-think-fast-2.0"}}
	}
	res := callTool(t, findTool(t, c, "place_outbound_call"), args)
	assert.True(t, res.IsError)
	assert.Contains(t, resultText(t, res), "insufficient credits")
	assert.Contains(t, resultText(t, res), "balance 0.00 minutes")
}

func TestControlCallIsPacedPerCall(t *testing.T) {
	sb := sandbox.New(sandbox.Options{})
	c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
	tool := findTool(t, c, "control_call")
	inject := map[string]any{"call_id": sandbox.LiveCallID, "type": "inject-context", "content": "VIP caller"}
	for i := range 10 {
		res := callTool(t, tool, inject)
		require.False(t, res.IsError, "command %d: %s", i+1, resultText(t, res))
	}
	res := callTool(t, tool, inject)
	assert.True(t, res.IsError)
	assert.Contains(t, resultText(t, res), "10 commands in the last minute")
	assert.Contains(t, resultText(t, res), "not sent")
	path := "/calls/" + strings.ReplaceAll(sandbox.LiveCallID, "+", "%2B") + "/control"
	assert.Equal(t, 10, sb.CountRequests(http.MethodPost, path), "the 11th command never left")
	for _, r := range sb.Requests() {
		assert.NotEqual(t, http.StatusTooManyRequests, r.Status)
	}
}

func TestControlCallNeedsItsFields(t *testing.T) {
	runToolsetCases(t, []toolsetCase{
		{name: "per type", steps: []toolStep{
			{tool: "control_call", args: map[string]any{"call_id": sandbox.LiveCallID, "type": "say"},
				wantError: true, want: []string{"content: the say command needs content"}},
			{tool: "control_call", args: map[string]any{"call_id": sandbox.LiveCallID, "type": "transfer"},
				wantError: true, want: []string{"the transfer command needs destination"}},
			{tool: "control_call", args: map[string]any{"call_id": sandbox.LiveCallID, "type": "hold"},
				wantError: true, want: []string{`type: "hold" is not one of inject-context, say, end-call, transfer`}},
			{tool: "control_call", args: map[string]any{"call_id": sandbox.LiveCallID, "type": "end-call",
				"message": "Bye!"}, want: []string{`"success":true`}},
			{tool: "get_call", args: map[string]any{"call_id": sandbox.LiveCallID}, want: []string{`"status":"ended"`}},
		}},
	})
}

func TestCreateWebCall(t *testing.T) {
	runToolsetCases(t, []toolsetCase{
		{name: "token and a web call in the history", steps: []toolStep{
			{tool: "create_web_call", args: map[string]any{"assistant_id": sandbox.FrontDeskAssistantID},
				want: []string{"token", "server_url", "wss://"}},
			{tool: "list_calls", args: map[string]any{"limit": 1}, want: []string{`"direction":"web"`}},
			{tool: "create_web_call", args: map[string]any{}, wantError: true, want: []string{"choose the assistant"}},
		}},
	})
}

// TestGetCallPiecesNeverSkipMessages walks a transcript of many short
// messages with the largest piece size: every message comes exactly once.
func TestGetCallPiecesNeverSkipMessages(t *testing.T) {
	var messages []string
	for i := range 600 {
		messages = append(messages, fmt.Sprintf(`{"role":"user","content":"message %03d: %s"}`, i,
			strings.Repeat("ß", 40)))
	}
	sb := sandbox.New(sandbox.Options{})
	sb.InjectFault(sandbox.Fault{Path: "/calls/call-x", Body: `{"id":"call-x","status":"ended",` +
		`"recording_url":"https://rec.example/a.mp3?signature=SECRET","messages":[` +
		strings.Join(messages, ",") + `]}`})
	c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
	tool := findTool(t, c, "get_call")

	seen, offset := 0, 0
	for pieces := 0; pieces < 50; pieces++ {
		res := callTool(t, tool, map[string]any{"call_id": "call-x", "transcript_offset": float64(offset),
			"transcript_limit": float64(500), "include_transcript": "true"})
		text := resultText(t, res)
		require.False(t, res.IsError, text)
		assertMatchesOutputSchema(t, tool.Tool, res)
		assert.LessOrEqual(t, len(text), maxResultBytes)
		assert.NotContains(t, text, "SECRET", "signed links only when asked for")
		assert.Contains(t, text, `"has_recording":true`)
		transcript := structured(t, text)["transcript"].(map[string]any)
		for _, m := range transcript["messages"].([]any) {
			assert.EqualValues(t, seen, m.(map[string]any)["index"])
			seen++
		}
		if transcript["has_more"] == false {
			break
		}
		offset = int(transcript["next_offset"].(float64))
	}
	assert.Equal(t, 600, seen)

	res := callTool(t, tool, map[string]any{"call_id": "call-x", "include_recording_url": true})
	assert.Contains(t, resultText(t, res), "signature=SECRET", "and there when asked for")
}
