package tools

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// TestDryRunShowsTheExactRequestAndSendsNothing: with HMS_SOVEREIGN_DRY_RUN
// every tool that changes something answers with the request it would
// have sent, secrets hidden, and only reads reach the API.
func TestDryRunShowsTheExactRequestAndSendsNothing(t *testing.T) {
	sb := sandbox.New(sandbox.Options{})
	c := newSandboxClient(t, sb, sandbox.DemoKey, func(o *client.Options) { o.DryRun = true })
	tools := map[string]Tool{}
	for _, tool := range All(c, Safety{}) {
		tools[tool.Tool.Name] = tool
	}
	run := func(name string, args map[string]any) string {
		t.Helper()
		res := callTool(t, tools[name].ServerTool, args)
		require.True(t, res.IsError, "a dry run is not the thing done")
		return resultText(t, res)
	}

	text := run("place_outbound_call", callArgs)
	assert.Contains(t, text, "DRY RUN")
	assert.Contains(t, text, "POST "+c.BaseURL()+"/calls/outbound")
	assert.Contains(t, text, `"destination": "+31612345678"`)
	assert.Contains(t, text, `"number_id": "`+sandbox.DutchNumberID+`"`)

	text = run("control_call", map[string]any{"call_id": sandbox.LiveCallID, "type": "say", "content": "Hallo"})
	assert.Contains(t, text, "/calls/call-_%2B31687654321_LiVeNoWcAlL1/control")
	assert.Contains(t, text, `"end_after": false`)

	text = run("set_byok_key", map[string]any{"provider": "openai", "api_key": "sk-proj-abcdefghijklmnop1234"})
	assert.NotContains(t, text, "sk-proj-abcdefghijklmnop1234")
	assert.Contains(t, text, `"api_key": "(hidden)"`)

	run("delete_assistant", map[string]any{"assistant_id": sandbox.InactiveAssistantID})

	read := callTool(t, tools["get_assistant"].ServerTool, map[string]any{"assistant_id": sandbox.FrontDeskAssistantID})
	assert.False(t, read.IsError, "reads still work")
	for _, r := range sb.Requests() {
		assert.Equal(t, http.MethodGet, r.Method, "only reads reached the API: %s %s", r.Method, r.Path)
	}
}
