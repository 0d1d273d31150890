package main

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	mcpclient "github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// formAnswerer is a person at an mcp-go client who accepts every form,
// typing digits when asked for them, and remembers the forms shown.
type formAnswerer struct {
	digits string

	mu    sync.Mutex
	shown []string
}

func (f *formAnswerer) Elicit(_ context.Context, req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.shown = append(f.shown, req.Params.Message)
	content := map[string]any{"confirm": true}
	if schema, _ := req.Params.RequestedSchema.(map[string]any); schema != nil {
		if props, _ := schema["properties"].(map[string]any); props["last_four_digits"] != nil {
			content = map[string]any{"last_four_digits": f.digits}
		}
	}
	return &mcp.ElicitationResult{ElicitationResponse: mcp.ElicitationResponse{
		Action: mcp.ElicitationResponseActionAccept, Content: content}}, nil
}

func (f *formAnswerer) forms() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.shown...)
}

// TestSSEConfirmations calls a delete and a phone call over the legacy
// HTTP+SSE transport with mcp-go's SSE client, which has a form handler
// and accepts every form.
//
// On a session of protocol 2025-11-25 or earlier, the server would have
// to send elicitation/create down the SSE stream, which mcp-go's SSE
// session cannot do: the call fails closed, saying the client cannot show
// a confirmation form, and nothing reaches the API. On protocol
// 2026-07-28, which mcp-go's client negotiates over SSE by default, the
// form travels in the input_required result instead, so the person is
// asked and the request is sent once.
func TestSSEConfirmations(t *testing.T) {
	for _, target := range []confirmTarget{deleteTarget, callTarget} {
		for _, protocol := range []string{mcp.ProtocolVersion20251125, mcp.ProtocolVersion20250618, ""} {
			name := protocol
			if name == "" {
				name = "client default"
			}
			t.Run(target.tool+"/"+name, func(t *testing.T) {
				t.Parallel()
				api := startSandbox(t, sandbox.Options{})
				auditFile := filepath.Join(t.TempDir(), "audit.jsonl")
				person := &formAnswerer{digits: "5678"}
				c := connectSSE(t, testEnv(api.URL, sandbox.DemoKey, "HMS_SOVEREIGN_AUDIT_FILE="+auditFile),
					protocol, person)
				t.Logf("negotiated protocol over SSE: %s", c.ProtocolVersion())

				req := mcp.CallToolRequest{}
				req.Params.Name, req.Params.Arguments = target.tool, target.args
				res, err := c.CallTool(t.Context(), req)

				require.NoError(t, err, "failures must be isError results, not protocol errors")
				if mcp.IsModernProtocol(c.ProtocolVersion()) {
					assert.False(t, res.IsError, textOf(res))
					require.Len(t, person.forms(), 1, "the person was asked")
					for _, fact := range target.formFacts {
						assert.Contains(t, person.forms()[0], fact)
					}
					assert.Equal(t, 1, api.CountRequests(target.method, target.path), "sent once")
					checkAuditOf(t, auditFile, target.tool, "done",
						"person, in the client (input_required, protocol "+c.ProtocolVersion()+")")
					return
				}
				assert.True(t, res.IsError, textOf(res))
				assert.Contains(t, textOf(res), target.tool+" needs a person to confirm it, and this client "+
					"cannot show a confirmation form")
				assert.Contains(t, textOf(res), "Nothing was sent to the API.")
				assert.Empty(t, person.forms(), "no form reached the client")
				assert.Zero(t, api.CountRequests(target.method, target.path), "nothing sent")
				assert.Zero(t, changingRequests(api))
				checkAuditOf(t, auditFile, target.tool, "refused", "")
				assert.Equal(t, "the client cannot show a confirmation form", readAudit(t, auditFile)[0].Detail)
			})
		}
	}
}

// connectSSE starts the server in sse mode and returns an initialized
// mcp-go SSE client with a form handler, on protocol ("" for the client's
// default).
func connectSSE(t *testing.T, env []string, protocol string, person *formAnswerer) *mcpclient.Client {
	t.Helper()
	tr, err := transport.NewSSE(startListening(t, "sse", env))
	require.NoError(t, err)
	c := mcpclient.NewClient(tr, mcpclient.WithElicitationHandler(person))
	require.NoError(t, c.Start(t.Context()))
	t.Cleanup(func() { _ = c.Close() })
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second) // a safety net for the handshake
	defer cancel()
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = protocol
	init.Params.ClientInfo = mcp.Implementation{Name: "e2e-sse-confirm", Version: "1"}
	_, err = c.Initialize(ctx, init)
	require.NoError(t, err)
	if protocol != "" {
		require.Equal(t, protocol, c.ProtocolVersion(), "negotiated protocol")
	}
	return c
}
