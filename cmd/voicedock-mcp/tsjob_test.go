package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// jobOutput is the one JSON line job.mjs prints.
type jobOutput struct {
	Steps []struct {
		Tool    string `json:"tool"`
		IsError bool   `json:"isError"`
		Result  any    `json:"result"`
	} `json:"steps"`
	Forms []struct {
		Message string   `json:"message"`
		Fields  []string `json:"fields"`
	} `json:"forms"`
	Statuses   []string       `json:"statuses"`
	Transcript map[string]any `json:"transcript"`
	Error      string         `json:"error"`
}

// TestTypeScriptClientJob walks a real job through the server binary over
// stdio with the official TypeScript SDK client (e2e/tsclient/job.mjs):
// create an assistant, register a number for it, place an outbound call,
// say something while it is in progress, wait for it to end, read its
// transcript, and delete what was created. A person confirms the call, the
// command and both deletes in forms the client shows.
func TestTypeScriptClientJob(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	tsDir := filepath.Join(root, "e2e", "tsclient")
	node := requireTSClient(t, tsDir)
	bin := serverBinary(t)
	api := startSandbox(t, sandbox.Options{Timeline: sandbox.Timeline{
		Ringing: 300 * time.Millisecond, Answer: 800 * time.Millisecond, Talk: time.Minute, Turn: time.Second}})

	auditFile := filepath.Join(t.TempDir(), "audit.jsonl")

	var got jobOutput
	serverLog, runErr := runNodeScript(t, node, tsDir, testEnv(api.URL, sandbox.DemoKey, "HMS_SOVEREIGN_AUDIT_FILE="+auditFile),
		nil, &got, "job.mjs", bin, "stdio")
	require.Empty(t, got.Error, "the job failed; steps: %+v", got.Steps)
	require.NoError(t, runErr)

	var tools []string
	for _, s := range got.Steps {
		tools = append(tools, s.Tool)
		assert.False(t, s.IsError, s.Tool)
	}
	assert.Equal(t, []string{"create_assistant", "register_number", "place_outbound_call", "control_call",
		"get_call", "delete_number", "delete_assistant"}, tools)
	assert.Subset(t, got.Statuses, []string{"in-progress", "ended"}, "the call was followed through")
	assert.Equal(t, "ended", got.Statuses[len(got.Statuses)-1])

	transcript, err := json.Marshal(got.Transcript)
	require.NoError(t, err)
	assert.Contains(t, string(transcript), "Your appointment is confirmed for Tuesday at ten. Tot ziens!")

	assert.Equal(t, 1, api.CountRequests(http.MethodPost, "/calls/outbound"), "one call placed, never twice")

	require.Len(t, got.Forms, 4, "confirmed: the call, the command, two deletes")
	call := got.Forms[0]
	assert.Equal(t, []string{"last_four_digits"}, call.Fields, "the person types the digits for a call")
	for _, fact := range []string{"+31612345678", "+31851234567", "E2E Terminbestätigung Zoë", "5 minutes",
		"€0.35"} {
		assert.Contains(t, call.Message, fact)
	}
	assert.Contains(t, got.Forms[1].Message, "Your appointment is confirmed for Tuesday at ten.")
	assert.Contains(t, got.Forms[2].Message, "+31851234567", "the number deleted")
	assert.Contains(t, got.Forms[3].Message, "E2E Terminbestätigung Zoë", "the assistant deleted")
	var deletes []string
	for _, r := range api.Requests() {
		if r.Method == http.MethodDelete {
			deletes = append(deletes, r.Path)
			assert.Equal(t, http.StatusOK, r.Status, r.Path)
		}
	}
	assert.Len(t, deletes, 2)
	assert.True(t, slices.ContainsFunc(deletes, func(p string) bool { return strings.Contains(p, "/assistants/") }))

	checkJobAudit(t, auditFile, serverLog)
}

// checkJobAudit checks the audit trail of the job: one line per tool call
// that changed something, each done, the call confirmed by a person in a
// form; and that neither the file nor the server's logs (serverLog) hold
// a full phone number or the API key.
func checkJobAudit(t *testing.T, auditFile, serverLog string) {
	t.Helper()
	lines := readAudit(t, auditFile)
	byTool := map[string]auditLine{}
	var tools []string
	for _, l := range lines {
		tools = append(tools, l.Tool)
		byTool[l.Tool] = l
		assert.Equal(t, "done", l.Outcome, "%+v", l)
	}
	assert.Equal(t, []string{"create_assistant", "register_number", "place_outbound_call", "control_call",
		"delete_number", "delete_assistant"}, tools, "one line per call that changed something, reads not")
	call := byTool["place_outbound_call"]
	assert.Equal(t, "person, in the client (elicitation form, protocol 2025-11-25)", call.Confirmed)
	assert.Equal(t, "real-world", call.Class)
	assert.True(t, strings.HasSuffix(call.Target, "+•••••••5678"), "the number called, masked: %q", call.Target)
	assert.Contains(t, byTool["register_number"].Target, "+•••••••4567", "the number registered, masked")
	assert.Contains(t, byTool["delete_number"].Target, "+•••••••4567", "the number deleted, masked")

	file, err := os.ReadFile(auditFile)
	require.NoError(t, err)
	assert.Contains(t, serverLog, `"msg":"audit"`, "the server's logs were captured")
	for _, secret := range []string{"+31612345678", "31612345678", "+31851234567", "31851234567", sandbox.DemoKey} {
		assert.NotContains(t, string(file), secret, "the audit file")
		assert.NotContains(t, serverLog, secret, "the server's logs")
	}
}
