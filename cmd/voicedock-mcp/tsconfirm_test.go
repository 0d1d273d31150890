package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// confirmPlan is what confirm.mjs runs: one tool call, and how the person
// answers the confirmation form.
type confirmPlan struct {
	Transport string         `json:"transport"`
	Command   string         `json:"command,omitempty"`
	Args      []string       `json:"args,omitempty"`
	URL       string         `json:"url,omitempty"`
	Tool      string         `json:"tool"`
	Arguments map[string]any `json:"arguments"`
	Answer    string         `json:"answer"`
	Digits    string         `json:"digits,omitempty"`
}

// confirmOutput is the one JSON line confirm.mjs prints.
type confirmOutput struct {
	ProtocolVersion string `json:"protocolVersion"`
	Forms           []struct {
		Mode    string   `json:"mode"`
		Message string   `json:"message"`
		Fields  []string `json:"fields"`
	} `json:"forms"`
	Result    *toolResult `json:"result"`
	CallError *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"callError"`
	Error string `json:"error"`
}

// auditLine is one line of the audit file.
type auditLine struct {
	Tool      string `json:"tool"`
	Class     string `json:"class"`
	Target    string `json:"target"`
	Outcome   string `json:"outcome"`
	Detail    string `json:"detail"`
	Confirmed string `json:"confirmed"`
}

// readAudit parses every line of the audit file at path; a missing file
// has no lines.
func readAudit(t *testing.T, path string) []auditLine {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	var lines []auditLine
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		var l auditLine
		require.NoError(t, json.Unmarshal(sc.Bytes(), &l), "audit line %q", sc.Text())
		lines = append(lines, l)
	}
	require.NoError(t, sc.Err())
	return lines
}

// confirmTarget is a tool call that needs a person's confirmation, and the
// request that carries it out.
type confirmTarget struct {
	tool      string
	args      map[string]any
	method    string // of the request that acts
	path      string // below the API's base path
	field     string // the form's one field
	formFacts []string
}

var (
	deleteTarget = confirmTarget{tool: "delete_assistant",
		args:   map[string]any{"assistant_id": sandbox.InactiveAssistantID},
		method: http.MethodDelete, path: "/assistants/" + sandbox.InactiveAssistantID, field: "confirm",
		formFacts: []string{"Delete an assistant?", `"Old IVR"`, "This cannot be undone."}}
	callTarget = confirmTarget{tool: "place_outbound_call",
		args:   map[string]any{"destination": "+31612345678", "assistant_id": sandbox.FrontDeskAssistantID},
		method: http.MethodPost, path: "/calls/outbound", field: "last_four_digits",
		formFacts: []string{"+31612345678", "Front desk", "type the last four digits"}}
)

// TestTypeScriptClientConfirmations answers the server's confirmation
// forms with the official TypeScript SDK client (e2e/tsclient/confirm.mjs)
// over stdio and streamable HTTP, for a delete and for a phone call: the
// request reaches the API exactly once when the person accepts, and never
// when they decline, close the form, type the wrong digits, when the
// client's form fails, or when the client cannot show forms at all. Each
// outcome is in the audit file, numbers masked.
func TestTypeScriptClientConfirmations(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	tsDir := filepath.Join(root, "e2e", "tsclient")
	node := requireTSClient(t, tsDir)
	bin := serverBinary(t)

	cases := append(confirmAnswers(deleteTarget), confirmAnswers(callTarget)...)
	cases = append(cases, confirmCase{name: "accept with wrong digits", target: callTarget, answer: "accept",
		digits: "1234", wantForms: 1, wantOutcome: "refused",
		wantText: []string{"place_outbound_call was not done: the digits typed do not match the last four " +
			"digits of the number to call", "Nothing was sent to the API."}})

	for _, transport := range []string{"stdio", "http"} {
		for _, tc := range cases {
			t.Run(transport+"/"+tc.target.tool+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				api := startSandbox(t, sandbox.Options{})
				auditFile := filepath.Join(t.TempDir(), "audit.jsonl")
				env := testEnv(api.URL, sandbox.DemoKey, "HMS_SOVEREIGN_AUDIT_FILE="+auditFile)
				plan := confirmPlan{Transport: transport, Tool: tc.target.tool, Arguments: tc.target.args,
					Answer: tc.answer, Digits: tc.digits}
				if transport == "stdio" {
					plan.Command, plan.Args = bin, []string{"stdio"}
				} else {
					plan.URL = startListening(t, "http", env)
				}

				got := runConfirm(t, node, tsDir, env, plan)

				assert.Equal(t, tc.wantSent, api.CountRequests(tc.target.method, tc.target.path),
					"%s %s as the API saw it", tc.target.method, tc.target.path)
				assert.Equal(t, tc.wantSent, changingRequests(api), "nothing else that changes anything")
				assert.Equal(t, "2025-11-25", got.ProtocolVersion)
				checkForms(t, got, tc.target, tc.wantForms)
				if tc.answer == "throw" {
					checkThrowingHandler(t, got, auditFile)
					return
				}

				require.Nil(t, got.CallError, "failures must be isError results, not protocol errors")
				require.NotNil(t, got.Result)
				assert.Equal(t, tc.wantText != nil, got.Result.IsError, got.Result.text())
				for _, want := range tc.wantText {
					assert.Contains(t, got.Result.text(), want)
				}
				if !got.Result.IsError {
					assert.NotEmpty(t, got.Result.StructuredContent, "what was done: the call or the deletion")
				}
				checkAuditOf(t, auditFile, tc.target.tool, tc.wantOutcome,
					"person, in the client (elicitation form, protocol 2025-11-25)")
			})
		}
	}
}

// confirmCase is one way a person answers the confirmation of target.
type confirmCase struct {
	name        string
	target      confirmTarget
	answer      string   // confirm.mjs's answer mode
	digits      string   // typed when the form asks for digits
	wantSent    int      // requests that act, as the API saw them
	wantForms   int      // forms the client showed
	wantText    []string // in the isError result; nil: a success
	wantOutcome string   // of the one audit line
}

// confirmAnswers are the answers every target is tried with.
func confirmAnswers(target confirmTarget) []confirmCase {
	notDone := func(why string) []string {
		return []string{target.tool + " was not done: " + why, "Nothing was sent to the API."}
	}
	return []confirmCase{
		{name: "accept", target: target, answer: "accept", digits: "5678", wantSent: 1, wantForms: 1,
			wantOutcome: "done"},
		{name: "decline", target: target, answer: "decline", wantForms: 1,
			wantText: notDone("the person declined"), wantOutcome: "declined"},
		{name: "cancel", target: target, answer: "cancel", wantForms: 1,
			wantText:    notDone("the person closed the confirmation without answering"),
			wantOutcome: "cancelled"},
		{name: "no elicitation capability", target: target, answer: "none", wantOutcome: "refused",
			wantText: []string{"cannot show a confirmation form", "HMS_SOVEREIGN_CONFIRM",
				"Nothing was sent to the API."}},
		{name: "form handler throws", target: target, answer: "throw", wantForms: 1},
	}
}

// changingRequests counts the requests the API saw that change something.
func changingRequests(api *sandbox.Running) int {
	n := 0
	for _, r := range api.Requests() {
		if r.Method != http.MethodGet {
			n++
		}
	}
	return n
}

// runConfirm runs confirm.mjs with plan on stdin and returns its output,
// failing the test when the plan could not run.
func runConfirm(t *testing.T, node, tsDir string, env []string, plan confirmPlan) confirmOutput {
	t.Helper()
	input, err := json.Marshal(plan)
	require.NoError(t, err)
	var got confirmOutput
	_, runErr := runNodeScript(t, node, tsDir, env, bytes.NewReader(input), &got, "confirm.mjs", "-")
	require.Empty(t, got.Error, "confirm.mjs could not run the plan")
	require.NoError(t, runErr)
	return got
}

// checkForms checks the forms the client showed: want of them, each with
// the target's one field and the facts a person checks.
func checkForms(t *testing.T, got confirmOutput, target confirmTarget, want int) {
	t.Helper()
	require.Len(t, got.Forms, want, "forms shown")
	for _, form := range got.Forms {
		assert.Equal(t, "form", form.Mode)
		assert.Equal(t, []string{target.field}, form.Fields)
		for _, fact := range target.formFacts {
			assert.Contains(t, form.Message, fact)
		}
	}
}

// checkThrowingHandler checks a call whose form handler threw: the SDK
// answered elicitation/create with a JSON-RPC error, and the call ends
// with an isError result saying so, nothing sent (checked by the caller),
// and the attempt on record.
func checkThrowingHandler(t *testing.T, got confirmOutput, auditFile string) {
	t.Helper()
	require.Nil(t, got.CallError, "a failed form is a result, not a protocol error")
	require.NotNil(t, got.Result)
	assert.True(t, got.Result.IsError, "a call whose confirmation failed cannot succeed")
	assert.Contains(t, got.Result.text(), "could not show the confirmation form")
	assert.Contains(t, got.Result.text(), "the confirmation form could not be shown", "the client's reason")
	assert.Contains(t, got.Result.text(), "Nothing was sent to the API.")
	lines := readAudit(t, auditFile)
	require.Len(t, lines, 1, "the attempt is on record")
	assert.Equal(t, "refused", lines[0].Outcome)
}

// checkAuditOf checks the audit file holds exactly one line, for tool,
// with outcome; a call that was done names who confirmed it and how
// (confirmed).
func checkAuditOf(t *testing.T, path, tool, outcome, confirmed string) {
	t.Helper()
	lines := readAudit(t, path)
	require.Len(t, lines, 1, "one audit line per call: %+v", lines)
	l := lines[0]
	assert.Equal(t, tool, l.Tool)
	assert.Equal(t, outcome, l.Outcome, "%+v", l)
	if outcome == "done" {
		assert.Equal(t, confirmed, l.Confirmed)
	}
	if tool == callTarget.tool {
		assert.Contains(t, l.Target, "+•••••••5678", "the number, masked")
		assert.NotContains(t, l.Target+l.Detail, "31612345678")
	}
}
